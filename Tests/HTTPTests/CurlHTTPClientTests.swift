import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PocketApplication
import PocketCurl
import Testing

@Suite("CurlHTTPClient")
struct CurlHTTPClientTests {
    @Test("only http and https URLs are sent")
    func schemes() async {
        for url in ["file:///etc/passwd", "ftp://example.com/x", "gopher://x"] {
            await #expect(throws: (any Error).self) { try await CurlHTTPClient().send(OutboundRequest(url: url)) }
        }
    }

    @Test("a refused connection is a transport error (libcurl's couldn't-connect), not a response")
    func refused() async {
        do {
            _ = try await CurlHTTPClient().send(OutboundRequest(url: "http://127.0.0.1:1/", timeout: .seconds(5)))
            Issue.record("expected a failure")
        } catch {
            #expect((error as? CurlError)?.code == 7)
        }
    }

    @Test("a POST reaches a live server with its headers and body; the status and body come back")
    func roundTrip() async throws {
        let router = Router()
        router.post("/echo") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1024)
            let text = (request.headers[.authorization] ?? "") + "|" + String(buffer: body)
            return Response(status: .accepted, headers: [.contentType: "text/plain"],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            guard let port = client.port else { Issue.record("no port"); return }
            let response = try await CurlHTTPClient().send(OutboundRequest(
                method: "POST", url: "http://127.0.0.1:\(port)/echo", headers: ["Authorization: Bearer t"],
                body: Array("a=1".utf8), timeout: .seconds(5)))
            #expect(response.status == 202)
            #expect(response.contentType == "text/plain")
            #expect(String(decoding: response.body, as: UTF8.self) == "Bearer t|a=1")
        }
    }
}
