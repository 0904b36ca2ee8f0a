import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PocketDomain
import Testing

/// Numbers from a request that once trapped the process (issue 9): each is answered, and the
/// server keeps serving.
@Suite("hostile numbers and bodies are answered, never trapped on")
struct HostileNumbersTests {
    // PocketBase 0.28.4: page=9223372036854775807 is an empty page with that page number; one past
    // int64 does not parse (400).
    @Test("a huge page is an empty page, one beyond int64 a 400")
    func hugePage() async throws {
        try await TestServer.make().run { client in
            let huge = try await client.execute(uri: "/api/collections/users/records?page=9223372036854775807&perPage=1000",
                                                method: .get)
            #expect(huge.status == .ok)
            #expect(huge.json["page"] == .number(Double(Int64.max)))
            #expect(huge.json["items"] == .array([]))
            #expect(huge.json["totalItems"] == .number(0))
            let beyond = try await client.execute(uri: "/api/collections/users/records?page=9223372036854775808",
                                                  method: .get)
            #expect(beyond.status == .badRequest)
            #expect(beyond.json["message"] == "Something went wrong while processing your request.")
            let health = try await client.execute(uri: "/api/health", method: .get)
            #expect(health.status == .ok)
        }
    }

    @Test("an empty, missing or overlong multipart boundary is a 400 before parsing",
          arguments: ["multipart/form-data; boundary=", "multipart/form-data", "multipart/form-data; boundary=\"\"",
                      "multipart/form-data; boundary=" + String(repeating: "b", count: 71)])
    func badBoundary(contentType: String) async throws {
        try await TestServer.make().run { client in
            let response = try await client.execute(uri: "/api/collections/users/auth-with-password", method: .post,
                                                    headers: [.contentType: contentType], body: ByteBuffer(string: "x"))
            #expect(response.status == .badRequest)
            #expect(response.json["message"] == "An error occurred while loading the submitted data.")
            #expect(response.json["data"] == .object(JSONObject()))
        }
    }

    @Test("a number beyond float64 in a settings body is a 400, and the settings are unchanged",
          arguments: [#"{"smtp":{"port":1e400}}"#, #"{"smtp":{"port":9223372036854775808}}"#,
                      #"{"rateLimits":{"rules":[{"label":"/a","duration":1e300,"maxRequests":1}]}}"#,
                      #"{"logs":{"maxDays":-9223372036854775809}}"#, #"{"batch":{"maxBodySize":1.5}}"#])
    func hugeSettingsNumbers(body: String) async throws {
        try await TestServer.make().run { client in
            let token = try await superuserToken(client)
            let before = try await client.execute(uri: "/api/settings", method: .get, headers: jsonHeaders(token: token))
            let response = try await client.execute(uri: "/api/settings", method: .patch, headers: jsonHeaders(token: token),
                                                    body: ByteBuffer(string: body))
            #expect(response.status == .badRequest)
            let after = try await client.execute(uri: "/api/settings", method: .get, headers: jsonHeaders(token: token))
            #expect(after.json == before.json)
        }
    }

    @Test("an impersonation of the longest duration saturates its expiry")
    func hugeImpersonation() async throws {
        try await TestServer.make().run { client in
            let token = try await superuserToken(client)
            let list = try await client.execute(uri: "/api/collections/_superusers/records", method: .get,
                                                headers: jsonHeaders(token: token))
            let id = list.json["items"].arrayValue?.first?["id"].stringValue ?? ""
            let response = try await client.execute(uri: "/api/collections/_superusers/impersonate/\(id)", method: .post,
                                                    headers: jsonHeaders(token: token),
                                                    body: ByteBuffer(string: #"{"duration":9000000000000000000}"#))
            #expect(response.status == .ok)
            #expect((response.json["token"].stringValue ?? "").count > 20)
        }
    }

    @Test("10,000 repeats of one form key arrive as one array, in order")
    func repeatedFormKeys() async throws {
        try await TestServer.make().run { client in
            let body = (0..<10_000).map { "identity=\($0)" }.joined(separator: "&") + "&password=x"
            let response = try await client.execute(uri: "/api/collections/users/auth-with-password", method: .post,
                                                    headers: [.contentType: "application/x-www-form-urlencoded"],
                                                    body: ByteBuffer(string: body))
            // An array is not a string identity: PocketBase cannot load it either.
            #expect(response.status == .badRequest)
            let health = try await client.execute(uri: "/api/health", method: .get)
            #expect(health.status == .ok)
        }
    }
}

/// Issue 9: the deepest filter the parser accepts runs through every stage without exhausting a
/// thread's stack; one level more is PocketBase's generic 400.
@Suite("deeply nested filters")
struct DeepFilterTests {
    @Test("a filter nested 500 deep is answered; 501 deep is a 400", arguments: [500, 501])
    func deepFilter(depth: Int) async throws {
        try await TestServer.make().run { client in
            let token = try await superuserToken(client)
            let filter = String(repeating: "(", count: depth) + "email != ''" + String(repeating: ")", count: depth)
            let query = filter.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let response = try await client.execute(uri: "/api/collections/users/records?filter=\(query)", method: .get,
                                                    headers: jsonHeaders(token: token))
            #expect(response.status == (depth <= 500 ? .ok : .badRequest))
            let health = try await client.execute(uri: "/api/health", method: .get)
            #expect(health.status == .ok)
        }
    }
}
