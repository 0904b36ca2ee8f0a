import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PocketDomain
import Testing

@Suite("POST /api/settings/test/email, test/s3; rate limits")
struct SettingsChecksRoutesTests {
    func post(_ client: some TestClientProtocol, _ uri: String, _ body: String, token: String?) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: jsonHeaders(token: token), body: ByteBuffer(string: body))
    }

    @Test("test email validates the request with PocketBase's codes")
    func testEmailValidation() async throws {
        try await TestServer.make().run { client in
            let token = try await superuserToken(client)
            let empty = try await post(client, "/api/settings/test/email", "{}", token: token)
            #expect(empty.status == .badRequest)
            #expect(empty.json["message"] == "Failed to send the test email.")
            #expect(empty.json["data"]["email"]["code"] == "validation_required")
            #expect(empty.json["data"]["template"]["code"] == "validation_required")
            let bad = try await post(client, "/api/settings/test/email",
                                     #"{"email":"bad","template":"nope","collection":"nope"}"#, token: token)
            #expect(bad.json["data"]["email"]["code"] == "validation_is_email")
            #expect(bad.json["data"]["template"]["code"] == "validation_in_invalid")
            #expect(bad.json["data"]["collection"]["code"] == "validation_invalid_auth_collection")
            let guest = try await post(client, "/api/settings/test/email", "{}", token: nil)
            #expect(guest.status == .unauthorized)
        }
    }

    @Test("test S3 requires a filesystem and reports a disabled one")
    func testS3() async throws {
        try await TestServer.make().run { client in
            let token = try await superuserToken(client)
            let empty = try await post(client, "/api/settings/test/s3", "{}", token: token)
            #expect(empty.json["message"] == "Failed to test the S3 filesystem.")
            #expect(empty.json["data"]["filesystem"]["code"] == "validation_required")
            let disabled = try await post(client, "/api/settings/test/s3", #"{"filesystem":"backups"}"#, token: token)
            #expect(disabled.status == .badRequest)
            #expect(disabled.json["message"] == "Failed to test the S3 filesystem. Raw error: \nS3 storage filesystem is not enabled.")
            let wrongType = try await post(client, "/api/settings/test/s3", #"{"filesystem":5}"#, token: token)
            #expect(wrongType.json["message"] == "An error occurred while loading the submitted data.")
        }
    }

    @Test("rate limits answer 429 to guests past the limit; superusers pass")
    func rateLimits() async throws {
        try await TestServer.make().run { client in
            let token = try await superuserToken(client)
            let rules = #"{"rateLimits":{"enabled":true,"rules":[{"label":"/api/health","audience":"@guest","maxRequests":2,"duration":60}]}}"#
            let saved = try await client.execute(uri: "/api/settings", method: .patch, headers: jsonHeaders(token: token),
                                                 body: ByteBuffer(string: rules))
            #expect(saved.status == .ok)
            var statuses: [Int] = []
            for _ in 0..<3 { statuses.append(Int(try await client.execute(uri: "/api/health", method: .get).status.code)) }
            #expect(statuses == [200, 200, 429])
            let limited = try await client.execute(uri: "/api/health", method: .get)
            #expect(limited.json["message"] == "Too Many Requests.")
            let superuser = try await client.execute(uri: "/api/health", method: .get, headers: [.authorization: token])
            #expect(superuser.status == .ok)
        }
    }

    @Test("collection actions are limited by their labels: <collection>:create, *:auth; not by path")
    func collectionRateLimits() async throws {
        try await TestServer.make().run { client in
            let token = try await superuserToken(client)
            let rules = #"{"rateLimits":{"enabled":true,"rules":["#
                + #"{"label":"users:create","maxRequests":1,"duration":60},"#
                + #"{"label":"*:auth","maxRequests":1,"duration":60},"#
                + #"{"label":"/api/collections/users/records","maxRequests":1,"duration":60}]}}"#
            let saved = try await client.execute(uri: "/api/settings", method: .patch, headers: jsonHeaders(token: token),
                                                 body: ByteBuffer(string: rules))
            #expect(saved.status == .ok)
            let user = #"{"email":"rl@example.com","password":"rl-pass-123","passwordConfirm":"rl-pass-123"}"#
            func create() async throws -> Int {
                Int(try await client.execute(uri: "/api/collections/users/records", method: .post, headers: jsonHeaders(),
                                             body: ByteBuffer(string: user)).status.code)
            }
            #expect(try await create() == 200)
            #expect(try await create() == 429)
            // Listing is another action: its path rule applies per endpoint.
            let lists = [try await client.execute(uri: "/api/collections/users/records", method: .get).status.code,
                         try await client.execute(uri: "/api/collections/users/records", method: .get).status.code]
            #expect(lists == [200, 429])
            func signIn() async throws -> Int {
                let body = #"{"identity":"rl@example.com","password":"rl-pass-123"}"#
                return Int(try await client.execute(uri: "/api/collections/users/auth-with-password", method: .post,
                                                    headers: jsonHeaders(), body: ByteBuffer(string: body)).status.code)
            }
            #expect(try await signIn() == 200)
            #expect(try await signIn() == 429)
        }
    }
}
