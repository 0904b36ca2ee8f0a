public import Hummingbird
internal import HTTPTypes
internal import PocketDomain

/// Redirects a path that is not in canonical form (`//`, `.` or `..` segments) to its cleaned
/// form with 301, as Go's `ServeMux` does for PocketBase 0.28.4, and answers an API path with a
/// trailing `/` with 404, so `//api/…` or `/api/…/` can neither reach a route nor slip past a
/// rate-limit label written for `/api/…`.
public struct CanonicalPathMiddleware: RouterMiddleware {
    public typealias Context = PocketRequestContext

    public init() {}

    public func handle(_ request: Request, context: Context,
                       next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        // PocketBase 0.28.4 (Go's ServeMux) redirects a CONNECT, whose target is `host:port`, to `/`
        // with no body; NIO would otherwise start a tunnel-shaped answer without one.
        if request.method == .connect {
            var headers = HTTPFields()
            headers[.location] = "/"
            headers[.contentLength] = "0"
            return Response(status: .movedPermanently, headers: headers)
        }
        // No API route ends in `/`; the router would match `/api/health/` as `/api/health` (and
        // a rate-limit label would miss it), where PocketBase 0.28.4 has no such route.
        if path.count > 5, path.hasPrefix("/api/"), path.hasSuffix("/"), Self.cleaned(path) == path {
            let isRead = request.method == .get || request.method == .head
            return JSONResponse.error(status: 404, message: isRead ? "File not found." : "The requested resource wasn't found.")
        }
        let clean = Self.cleaned(path)
        guard clean != path else { return try await next(request, context) }
        var location = clean
        if let query = request.uri.query { location += "?" + query }
        var headers = HTTPFields()
        headers[.location] = location
        // Go writes a small HTML link for GET and HEAD, nothing for other methods.
        guard request.method == .get || request.method == .head else {
            return Response(status: .movedPermanently, headers: headers)
        }
        headers[.contentType] = "text/html; charset=utf-8"
        let body = "<a href=\"" + HTMLText.escaped(location) + "\">Moved Permanently</a>.\n\n"
        return Response(status: .movedPermanently, headers: headers,
                        body: request.method == .head ? .init() : .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// Go's `path.Clean` keeping a trailing slash: one `/` between segments, `.` dropped, `..`
    /// removing the segment before it (never above the root).
    static func cleaned(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        guard path.contains("//") || path.contains("/./") || path.contains("/../")
            || path.hasSuffix("/.") || path.hasSuffix("/..") else { return path }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch segment {
            case ".": continue
            case "..": if !segments.isEmpty { segments.removeLast() }
            default: segments.append(segment)
            }
        }
        var clean = "/" + segments.joined(separator: "/")
        if path.hasSuffix("/"), clean != "/" { clean += "/" }
        return clean
    }
}
