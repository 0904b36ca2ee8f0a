import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PocketHTTP
import Testing

@Suite("--publicDir static files")
struct StaticFilesTests {
    @Test("files are served by path, / gives index.html, unknown paths fall back to index.html")
    func serving() async throws {
        let root = NSTemporaryDirectory() + "pocketswift-public-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/css", withIntermediateDirectories: true)
        try "<h1>home</h1>".write(toFile: root + "/index.html", atomically: true, encoding: .utf8)
        try "body{}".write(toFile: root + "/css/site.css", atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try await TestServer.make().run(options: APIOptions(publicDir: root)) { client in
            let css = try await client.execute(uri: "/css/site.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            #expect(String(buffer: css.body) == "body{}")
            let home = try await client.execute(uri: "/", method: .get)
            #expect(String(buffer: home.body) == "<h1>home</h1>")
            let spa = try await client.execute(uri: "/some/route", method: .get)
            #expect(String(buffer: spa.body) == "<h1>home</h1>")
            let missingAsset = try await client.execute(uri: "/missing.png", method: .get)
            #expect(missingAsset.status == .notFound)
            // PocketBase 0.28.4 (Go's ServeMux): a `..` path is redirected to its clean form.
            let escape = try await client.execute(uri: "/../../etc/passwd", method: .get)
            #expect(escape.status == .movedPermanently)
            #expect(escape.headers[.location] == "/etc/passwd")
        }
    }
}
