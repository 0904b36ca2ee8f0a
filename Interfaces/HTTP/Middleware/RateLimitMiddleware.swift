public import Hummingbird
public import PocketApplication
public import PocketDomain

/// Refuses requests beyond the settings' rate limits with PocketBase's 429 (`Too Many Requests.`).
/// It runs after `AuthMiddleware`, since audiences and the superuser bypass depend on the caller.
public struct RateLimitMiddleware: RouterMiddleware {
    public typealias Context = PocketRequestContext
    private let limiter: RateLimiter

    public init(limiter: RateLimiter) {
        self.limiter = limiter
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        guard limiter.allowsRequest(method: request.method.rawValue, path: request.uri.path,
                                    caller: context.rateLimitCaller, client: context.remoteIP)
        else { throw ApplicationError.tooManyRequests("Too Many Requests.") }
        return try await next(request, context)
    }
}

extension PocketRequestContext {
    /// The caller as rate limits see it.
    public var rateLimitCaller: RateLimitCaller {
        guard let auth else { return .guest }
        return auth.isSuperuser ? .superuser : .authenticated
    }

    /// Throws PocketBase's 429 when a collection action (`create`, `list`, `auth`…) is over its
    /// limit; `route` is the route's pattern (each endpoint counts on its own).
    public func checkCollectionRateLimit(_ limiter: RateLimiter, collection: PocketDomain.Collection, tags: [String],
                                         route: String, request: Request) throws {
        guard limiter.allowsCollectionAction(collection: collection, tags: tags, route: route,
                                             method: request.method.rawValue, path: request.uri.path,
                                             caller: rateLimitCaller, client: remoteIP)
        else { throw ApplicationError.tooManyRequests("Too Many Requests.") }
    }
}
