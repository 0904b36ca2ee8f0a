public import Hummingbird
public import PocketApplication
internal import NIOCore

/// `GET|HEAD /api/files/{collection}/{recordId}/{filename}`.
public struct FileRoutes: Sendable {
    private let files: FileService

    public init(files: FileService) {
        self.files = files
    }

    public func register(on router: Router<PocketRequestContext>) {
        router.get("/api/files/:collection/:record/:filename") { request, context in try serve(request, context) }
        router.head("/api/files/:collection/:record/:filename") { request, context in try serve(request, context) }
    }

    private func serve(_ request: Request, _ context: PocketRequestContext) throws -> Response {
        let parameters = context.coreContext.parameters
        let query = URLEncodedForm.firstValues(ofQuery: request.uri.query)
        let forceDownload = ["1", "t", "true"].contains((query["download"] ?? "").lowercased())
        let file = try files.file(collection: try parameters.require("collection"),
                                  recordID: try parameters.require("record"), name: try parameters.require("filename"),
                                  forceDownload: forceDownload)
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        headers[.contentLength] = String(file.bytes.count)
        headers[.contentDisposition] = (file.isInline ? "inline" : "attachment") + "; filename=" + file.name
        headers[.contentSecurityPolicy] = "default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; sandbox"
        headers[.cacheControl] = "max-age=2592000, stale-while-revalidate=86400"
        let body: ResponseBody = request.method == .head ? .init() : .init(byteBuffer: ByteBuffer(bytes: file.bytes))
        return Response(status: .ok, headers: headers, body: body)
    }
}
