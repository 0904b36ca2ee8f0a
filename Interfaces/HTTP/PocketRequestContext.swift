public import Hummingbird
public import PocketApplication
internal import NIOCore

/// The context of one API request: Hummingbird's core storage, the caller's address and the
/// authenticated record, if any.
public struct PocketRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The authenticated caller; nil for guests (a bad token also makes a guest).
    public var auth: AuthContext?
    /// The peer's IP address.
    public let remoteIP: String
    /// The client's address: the peer's, or the one the trusted proxy headers name (set by
    /// `ClientIPMiddleware`). Rate limits, attempt counters, login alerts and logs use it.
    public var realIP: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteIP = source.channel.remoteAddress?.ipAddress ?? ""
        self.realIP = remoteIP
    }

    /// Bodies are limited where they are read (see `RequestBody`), with PocketBase's message.
    public var maxUploadSize: Int { RequestBody.defaultLimit }

    /// The caller, or PocketBase's 401.
    public func requireAuth() throws -> AuthContext {
        guard let auth else { throw ApplicationError.unauthorized("The request requires valid record authorization token.") }
        return auth
    }

    /// A superuser caller, or PocketBase's 401/403.
    public func requireSuperuser() throws -> AuthContext {
        let auth = try requireAuth()
        guard auth.isSuperuser else {
            throw ApplicationError.forbidden("The authorized record is not allowed to perform this action.")
        }
        return auth
    }
}
