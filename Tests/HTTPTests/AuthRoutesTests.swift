import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PocketDomain
import PocketHTTP
import Testing

@Suite("password auth routes")
struct AuthRoutesTests {
    private let path = "/api/collections/_superusers/auth-with-password"

    @Test("auth-with-password returns the record as its owner sees it and a token")
    func success() async throws {
        try await TestServer.make().run { client in
            let body = #"{"identity":"su@example.com","password":"supersecret123"}"#
            let response = try await client.execute(uri: path, method: .post, headers: jsonHeaders(), body: ByteBuffer(string: body))
            #expect(response.status == .ok)
            let record = try #require(response.json["record"].objectValue)
            #expect(Set(record.keys) == ["collectionId", "collectionName", "created", "email", "emailVisibility", "id",
                                         "updated", "verified"])
            #expect(record["email"] == "su@example.com")
            #expect(record["collectionId"] == "pbc_3142635823")
            #expect(record["verified"] == true)
            let token = try #require(response.json["token"].stringValue)
            #expect(token.split(separator: ".").count == 3)
        }
    }

    @Test("a wrong password is 400 'Failed to authenticate.'")
    func wrongPassword() async throws {
        try await TestServer.make().run { client in
            let response = try await client.execute(uri: path, method: .post, headers: jsonHeaders(),
                                                    body: ByteBuffer(string: #"{"identity":"su@example.com","password":"nope"}"#))
            #expect(response.status == .badRequest)
            #expect(response.json == .object(JSONObject([("data", [:]), ("message", "Failed to authenticate."), ("status", 400)])))
        }
    }

    @Test("missing values are reported per field")
    func missingValues() async throws {
        try await TestServer.make().run { client in
            let response = try await client.execute(uri: path, method: .post, headers: jsonHeaders(), body: ByteBuffer(string: "{}"))
            #expect(response.status == .badRequest)
            #expect(response.json["message"] == "An error occurred while validating the submitted data.")
            #expect(response.json["data"]["identity"]["code"] == "validation_required")
            #expect(response.json["data"]["password"]["code"] == "validation_required")
        }
    }

    @Test("malformed bodies and content types get PocketBase's messages")
    func badBodies() async throws {
        try await TestServer.make().run { client in
            for body in ["{", "[1]", #"{"identity":5,"password":"x"}"#] {
                let response = try await client.execute(uri: path, method: .post, headers: jsonHeaders(), body: ByteBuffer(string: body))
                #expect(response.status == .badRequest)
                #expect(response.json["message"] == "An error occurred while loading the submitted data.")
            }
            let plain = try await client.execute(uri: path, method: .post, headers: [.contentType: "text/plain"],
                                                 body: ByteBuffer(string: "{}"))
            #expect(plain.json["message"] == "Unsupported Content-Type.")
        }
    }

    @Test("urlencoded and multipart forms are accepted")
    func forms() async throws {
        try await TestServer.make().run { client in
            let form = try await client.execute(
                uri: path, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "identity=su%40example.com&password=supersecret123"))
            #expect(form.status == .ok)
            let multipart = "--XYZ\r\nContent-Disposition: form-data; name=\"identity\"\r\n\r\nsu@example.com\r\n"
                + "--XYZ\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nsupersecret123\r\n--XYZ--\r\n"
            let parts = try await client.execute(uri: path, method: .post,
                                                 headers: [.contentType: "multipart/form-data; boundary=XYZ"],
                                                 body: ByteBuffer(string: multipart))
            #expect(parts.status == .ok)
            #expect(parts.json["record"]["email"] == "su@example.com")
        }
    }

    @Test("a body over the limit is 413 'Request entity too large.'")
    func bodyLimit() async throws {
        try await TestServer.make().run(options: APIOptions(bodyLimit: 64)) { client in
            let big = #"{"identity":"su@example.com","password":""# + String(repeating: "x", count: 100) + #""}"#
            let response = try await client.execute(uri: path, method: .post, headers: jsonHeaders(), body: ByteBuffer(string: big))
            #expect(response.status == .contentTooLarge)
            #expect(response.json == .object(JSONObject([("data", [:]), ("message", "Request entity too large."), ("status", 413)])))
        }
    }

    @Test("collections that are missing or not auth collections are 404")
    func collectionContext() async throws {
        try await TestServer.make().run { client in
            let missing = try await client.execute(uri: "/api/collections/nope/auth-methods", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.json["message"] == "Missing or invalid collection context.")
            let base = try await client.execute(uri: "/api/collections/_mfas/auth-with-password", method: .post,
                                                headers: jsonHeaders(), body: ByteBuffer(string: "{}"))
            #expect(base.json["message"] == "Missing or invalid auth collection context.")
        }
    }

    @Test("auth-methods lists the default methods with the legacy keys")
    func authMethods() async throws {
        try await TestServer.make().run { client in
            let response = try await client.execute(uri: "/api/collections/USERS/auth-methods", method: .get)
            #expect(response.status == .ok)
            #expect(JSONWriter.string(response.json) == #"{"password":{"identityFields":["email"],"enabled":true},"oauth2":{"providers":[],"enabled":false},"mfa":{"enabled":false,"duration":0},"otp":{"enabled":false,"duration":0},"authProviders":null,"usernamePassword":false,"emailPassword":true}"#)
        }
    }

    @Test("auth-refresh needs a valid token of the same collection; Bearer is optional")
    func refresh() async throws {
        try await TestServer.make().run { client in
            let token = try await superuserToken(client)
            let refreshPath = "/api/collections/_superusers/auth-refresh"
            let fresh = try await client.execute(uri: refreshPath, method: .post, headers: [.authorization: "Bearer " + token])
            #expect(fresh.status == .ok)
            #expect(fresh.json["record"]["email"] == "su@example.com")
            let none = try await client.execute(uri: refreshPath, method: .post)
            #expect(none.status == .unauthorized)
            #expect(none.json["message"] == "The request requires valid record authorization token.")
            let lowercase = try await client.execute(uri: refreshPath, method: .post, headers: [.authorization: "bearer " + token])
            #expect(lowercase.status == .unauthorized)
            let forged = try await client.execute(uri: refreshPath, method: .post, headers: [.authorization: token + "x"])
            #expect(forged.status == .unauthorized)
            let other = try await client.execute(uri: "/api/collections/users/auth-refresh", method: .post,
                                                 headers: [.authorization: token])
            #expect(other.status == .forbidden)
            #expect(other.json["message"] == "The request requires auth record from _superusers collection.")
        }
    }

    @Test("?fields= picks from the whole {record, token} body of sign-in and refresh")
    func fieldsPicker() async throws {
        try await TestServer.make().run { client in
            let body = #"{"identity":"su@example.com","password":"supersecret123"}"#
            let picked = try await client.execute(uri: path + "?fields=record.email", method: .post,
                                                  headers: jsonHeaders(), body: ByteBuffer(string: body))
            #expect(picked.status == .ok)
            #expect(picked.json == .object(JSONObject([("record", .object(JSONObject([("email", "su@example.com")])))])))
            let token = try await superuserToken(client)
            let refreshed = try await client.execute(uri: "/api/collections/_superusers/auth-refresh?fields=token",
                                                     method: .post, headers: [.authorization: token])
            #expect(refreshed.status == .ok)
            #expect(refreshed.json.objectValue.map { Array($0.keys) } == ["token"])
        }
    }
}
