public import Hummingbird
public import PocketApplication
public import PocketDomain

/// Refuses requests beyond the settings' rate limits with PocketBase's 429 (`Too Many Requests.`).
/// It runs after `AuthMiddleware`, since audiences and the superuser bypass depend on the caller.
///
/// Collection actions (records and auth routes) are limited by their collection's labels
/// (`posts:create`, `*:auth`, then the path's); an unknown collection is left to the route's 404.
public struct RateLimitMiddleware: RouterMiddleware {
    public typealias Context = PocketRequestContext
    private let limiter: RateLimiter
    private let findCollection: @Sendable (String) -> PocketDomain.Collection?

    public init(limiter: RateLimiter, findCollection: @escaping @Sendable (String) -> PocketDomain.Collection? = { _ in nil }) {
        self.limiter = limiter
        self.findCollection = findCollection
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        let method = request.method.rawValue
        let path = request.uri.path
        if let action = CollectionAction(method: method, path: path) {
            if let collection = findCollection(action.collection) {
                try context.checkCollectionRateLimit(limiter, collection: collection, tags: action.tags,
                                                     route: action.route, request: request)
            }
        } else {
            guard limiter.allowsRequest(method: method, path: path, caller: context.rateLimitCaller,
                                        client: context.realIP)
            else { throw ApplicationError.tooManyRequests("Too Many Requests.") }
        }
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
                                             caller: rateLimitCaller, client: realIP)
        else { throw ApplicationError.tooManyRequests("Too Many Requests.") }
    }
}
