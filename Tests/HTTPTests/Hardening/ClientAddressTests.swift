import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PocketDomain
import Testing

/// Issue 9, item 4: the client's address is the real one, and odd paths cannot route around a
/// rate-limit rule.
@Suite("client addresses and canonical paths")
struct ClientAddressTests {
    @Test("trusted proxy headers decide realIP and the rate-limit client")
    func trustedProxy() async throws {
        try await TestServer.make().run { client in
            let token = try await superuserToken(client)
            let settings = #"{"trustedProxy":{"headers":["X-Forwarded-For"],"useLeftmostIP":false},"#
                + #""rateLimits":{"enabled":true,"rules":[{"label":"/api/health","duration":60,"maxRequests":1}]}}"#
            let saved = try await client.execute(uri: "/api/settings", method: .patch, headers: jsonHeaders(token: token),
                                                 body: ByteBuffer(string: settings))
            #expect(saved.status == .ok)
            var headers = jsonHeaders(token: token)
            headers[HTTPField.Name("X-Forwarded-For")!] = "1.1.1.1, 2.2.2.2"
            let health = try await client.execute(uri: "/api/health", method: .get, headers: headers)
            #expect(health.json["data"]["realIP"] == "2.2.2.2")

            func guest(_ ip: String) async throws -> HTTPResponse.Status {
                try await client.execute(uri: "/api/health", method: .get,
                                         headers: [HTTPField.Name("X-Forwarded-For")!: ip]).status
            }
            #expect(try await guest("3.3.3.3") == .ok)
            #expect(try await guest("3.3.3.3") == .tooManyRequests)
            // Another client behind the same proxy has its own window.
            #expect(try await guest("4.4.4.4") == .ok)
        }
    }

    @Test("a path with //, . or .. segments is redirected to its clean form, query kept", arguments: [
        ("//api/health?x=1", "/api/health?x=1"), ("/api//health", "/api/health"), ("/api/./health", "/api/health"),
        ("/api/collections/users//records", "/api/collections/users/records"), ("/api/health/..", "/api"),
        ("/x/../../api/health", "/api/health"),
    ])
    func canonical(path: String, location: String) async throws {
        try await TestServer.make().run { client in
            let response = try await client.execute(uri: path, method: .get)
            #expect(response.status == .movedPermanently)
            #expect(response.headers[.location] == location)
            let post = try await client.execute(uri: path, method: .post)
            #expect(post.status == .movedPermanently)
            #expect(post.body.readableBytes == 0)
        }
    }

    @Test("CONNECT is redirected to / with an empty body, as PocketBase")
    func connect() async throws {
        try await TestServer.make().run { client in
            let response = try await client.execute(uri: "/api/health", method: .connect)
            #expect(response.status == .movedPermanently)
            #expect(response.headers[.location] == "/")
        }
    }

    @Test("a rate limit on a path holds against its doubled-slash spelling")
    func rateLimitBypass() async throws {
        try await TestServer.make().run { client in
            let token = try await superuserToken(client)
            let settings = #"{"rateLimits":{"enabled":true,"rules":[{"label":"/api/health","duration":60,"maxRequests":1}]}}"#
            _ = try await client.execute(uri: "/api/settings", method: .patch, headers: jsonHeaders(token: token),
                                         body: ByteBuffer(string: settings))
            #expect(try await client.execute(uri: "/api/health", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/api/health", method: .get).status == .tooManyRequests)
            #expect(try await client.execute(uri: "//api/health", method: .get).status == .movedPermanently)
            #expect(try await client.execute(uri: "/api/health/", method: .get).status == .notFound)
        }
    }
}
