public import Hummingbird
internal import HTTPTypes
public import PocketDomain

/// Sets the request's client address from the `trustedProxy` settings, before anything that
/// counts or logs clients runs.
public struct ClientIPMiddleware: RouterMiddleware {
    public typealias Context = PocketRequestContext
    let proxy: @Sendable () -> TrustedProxy

    public init(proxy: @escaping @Sendable () -> TrustedProxy) {
        self.proxy = proxy
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        let proxy = proxy()
        guard !proxy.headers.isEmpty else { return try await next(request, context) }
        var context = context
        context.realIP = proxy.clientIP(remoteIP: context.remoteIP) { name in
            guard let field = HTTPField.Name(name) else { return [] }
            return request.headers[values: field]
        }
        return try await next(request, context)
    }
}
