public import Hummingbird
internal import Foundation
internal import NIOCore

/// Serves `--publicDir` (`pb_public`): a file by path, `index.html` for directories, and with
/// `indexFallback` the root `index.html` for a missing path (single-page apps).
public struct StaticFiles: Sendable {
    private let root: String
    private let indexFallback: Bool

    public init(root: String, indexFallback: Bool = true) {
        self.root = root.hasSuffix("/") ? String(root.dropLast()) : root
        self.indexFallback = indexFallback
    }

    /// The file's response, or nil when there is nothing to serve.
    public func response(for request: Request) async throws -> Response? {
        let path = request.uri.path.removingPercentEncoding ?? request.uri.path
        // Never leave the root.
        guard !path.split(separator: "/").contains("..") else { return nil }
        var candidates = [root + path]
        if path.hasSuffix("/") || path.isEmpty { candidates = [root + path + "index.html"] }
        if indexFallback, !path.contains(".") || path.hasSuffix("/") { candidates.append(root + "/index.html") }
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = FileManager.default.contents(atPath: candidate)
            else { continue }
            var headers = HTTPFields()
            headers[.contentType] = Self.mimeType(for: candidate)
            headers[.contentLength] = String(data.count)
            let body: ResponseBody = request.method == .head ? .init() : .init(byteBuffer: ByteBuffer(bytes: data))
            return Response(status: .ok, headers: headers, body: body)
        }
        return nil
    }

    static func mimeType(for path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "txt": return "text/plain; charset=utf-8"
        case "wasm": return "application/wasm"
        default: return "application/octet-stream"
        }
    }
}
