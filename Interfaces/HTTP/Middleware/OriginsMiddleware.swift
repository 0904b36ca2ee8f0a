public import Hummingbird
internal import HTTPTypes
internal import PocketDomain

/// CORS as PocketBase configures it from `--origins` (default `*`): a matching `Origin` gets
/// `Access-Control-Allow-Origin`; preflights are answered with 204 before routing, allowed or not.
public struct OriginsMiddleware<Context: RequestContext>: RouterMiddleware {
    private let allowsAny: Bool
    private let origins: Set<String>
    static var allowedMethods: String { "GET,HEAD,PUT,PATCH,POST,DELETE" }

    /// `origins` as given to `--origins`; `*` allows any origin.
    public init(origins: [String]) {
        let cleaned = origins.map { $0.trimming(" ") }.filter { !$0.isEmpty }
        self.allowsAny = cleaned.isEmpty || cleaned.contains("*")
        self.origins = Set(cleaned)
    }

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        let origin = request.headers[.origin] ?? ""
        let allowedOrigin = origin.isEmpty ? nil : (allowsAny ? "*" : (origins.contains(origin) ? origin : nil))
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            var response = Response(status: .noContent)
            response.headers.append(HTTPField(name: .vary, value: "Origin"))
            response.headers.append(HTTPField(name: .vary, value: "Access-Control-Request-Method"))
            response.headers.append(HTTPField(name: .vary, value: "Access-Control-Request-Headers"))
            if let allowedOrigin {
                response.headers[.accessControlAllowOrigin] = allowedOrigin
                response.headers[.accessControlAllowMethods] = Self.allowedMethods
                if let requested = request.headers[.accessControlRequestHeaders], !requested.isEmpty {
                    response.headers[.accessControlAllowHeaders] = requested
                }
            }
            return response
        }
        var response = try await next(request, context)
        response.headers.append(HTTPField(name: .vary, value: "Origin"))
        if let allowedOrigin { response.headers[.accessControlAllowOrigin] = allowedOrigin }
        return response
    }
}
