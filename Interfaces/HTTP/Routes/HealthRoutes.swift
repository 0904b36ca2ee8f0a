public import Hummingbird
internal import PocketDomain
internal import PocketApplication
internal import HTTPTypes

/// `GET|HEAD /api/health`: liveness, plus proxy hints for superusers.
public struct HealthRoutes: Sendable {
    /// Headers that suggest a reverse proxy in front of the server (checked in this order).
    static let proxyHeaders = ["CF-Connecting-IP", "Fly-Client-IP", "X-Real-IP", "X-Forwarded-For"]

    private let trustedProxyHeaders: @Sendable () -> [String]

    public init(trustedProxyHeaders: @escaping @Sendable () -> [String]) {
        self.trustedProxyHeaders = trustedProxyHeaders
    }

    public func register(on router: Router<PocketRequestContext>) {
        router.get("/api/health") { request, context in self.health(request, context) }
        router.head("/api/health") { request, context in self.health(request, context) }
    }

    func health(_ request: Request, _ context: PocketRequestContext) -> Response {
        var data = JSONObject()
        if context.auth?.isSuperuser == true {
            data["canBackup"] = true
            data["realIP"] = .string(context.realIP)
            var possible = ""
            if trustedProxyHeaders().isEmpty {
                for name in Self.proxyHeaders {
                    if let field = HTTPField.Name(name), let value = request.headers[field], !value.isEmpty {
                        possible = name
                        break
                    }
                }
            }
            data["possibleProxyHeader"] = .string(possible)
        }
        var response = JSONResponse.make(JSONObject([("message", "API is healthy."), ("code", 200), ("data", .object(data))]))
        if request.method == .head { response.body = .init() }
        return response
    }
}
