import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PocketHTTP
import Testing

@Suite("CORS from --origins")
struct OriginsTests {
    private func methods(_ value: String?) -> Set<String> {
        Set((value ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
    }

    @Test("the default allows any origin, and only when one is sent")
    func defaultAllowsAny() async throws {
        try await TestServer.make().run { client in
            let withOrigin = try await client.execute(uri: "/api/health", method: .get, headers: [.origin: "https://x.example"])
            #expect(withOrigin.headers[.accessControlAllowOrigin] == "*")
            let without = try await client.execute(uri: "/api/health", method: .get)
            #expect(without.headers[.accessControlAllowOrigin] == nil)
            #expect(without.headers[.vary] == "Origin")
        }
    }

    @Test("a preflight is answered with 204 before routing")
    func preflight() async throws {
        try await TestServer.make().run { client in
            let response = try await client.execute(
                uri: "/api/collections/users/records", method: .options,
                headers: [.origin: "https://x.example", .accessControlRequestMethod: "POST",
                          .accessControlRequestHeaders: "content-type,authorization"])
            #expect(response.status == .noContent)
            #expect(response.body.readableBytes == 0)
            #expect(response.headers[.accessControlAllowOrigin] == "*")
            #expect(methods(response.headers[.accessControlAllowMethods]) == ["get", "head", "put", "patch", "post", "delete"])
            #expect(response.headers[.accessControlAllowHeaders] == "content-type,authorization")
        }
    }

    @Test("listed origins are echoed, others get no CORS headers but are still served")
    func listedOrigins() async throws {
        let options = APIOptions(origins: ["https://good.example", "https://two.example"])
        try await TestServer.make().run(options: options) { client in
            let good = try await client.execute(uri: "/api/health", method: .get, headers: [.origin: "https://two.example"])
            #expect(good.headers[.accessControlAllowOrigin] == "https://two.example")
            let bad = try await client.execute(uri: "/api/health", method: .get, headers: [.origin: "https://bad.example"])
            #expect(bad.status == .ok)
            #expect(bad.headers[.accessControlAllowOrigin] == nil)
            let badPreflight = try await client.execute(
                uri: "/api/health", method: .options,
                headers: [.origin: "https://bad.example", .accessControlRequestMethod: "GET"])
            #expect(badPreflight.status == .noContent)
            #expect(badPreflight.headers[.accessControlAllowMethods] == nil)
        }
    }
}
