public import Hummingbird
public import PocketApplication

/// Resolves the `Authorization` header into the request's caller. Only the exact prefix `Bearer `
/// is stripped; a bad token leaves the caller a guest (PocketBase 0.28.4).
public struct AuthMiddleware: RouterMiddleware {
    public typealias Context = PocketRequestContext
    private let auth: AuthService

    public init(auth: AuthService) {
        self.auth = auth
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if var token = request.headers[.authorization], !token.isEmpty {
            if token.hasPrefix("Bearer ") { token.removeFirst(7) }
            context.auth = auth.authenticate(token: token)
        }
        return try await next(request, context)
    }
}
