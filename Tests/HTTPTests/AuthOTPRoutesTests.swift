import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PocketApplication
import PocketBootstrap
import PocketDomain
import PocketHTTP
import Testing

@Suite("OTP and MFA auth routes")
struct AuthOTPRoutesTests {
    private let otpPath = "/api/collections/_superusers/auth-with-otp"
    private let passwordPath = "/api/collections/_superusers/auth-with-password"

    /// A test server whose `_superusers` allow OTP sign-in (and so need MFA).
    private static func otpServer() throws -> TestServer {
        let server = try TestServer.make()
        _ = try server.app.collections.update("_superusers", JSONObject([("otp", ["enabled": true])]))
        return server
    }

    private static func errorBody(_ status: Int, _ message: String) -> JSONValue {
        .object(JSONObject([("data", [:]), ("message", .string(message)), ("status", .number(Double(status)))]))
    }

    private func post(_ client: some TestClientProtocol, _ uri: String, _ body: String,
                      headers: HTTPFields = jsonHeaders()) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test("a collection without OTP is 403 before its body is read; an unknown one 404")
    func disabled() async throws {
        try await TestServer.make().run { client in
            let response = try await post(client, "/api/collections/users/auth-with-otp", "not json")
            #expect(response.status == .forbidden)
            #expect(response.json == Self.errorBody(403, "The collection is not configured to allow OTP authentication."))
            let missing = try await post(client, "/api/collections/nope/auth-with-otp", "{}")
            #expect(missing.status == .notFound)
            #expect(missing.json["message"] == "Missing or invalid collection context.")
        }
    }

    @Test("bad bodies get PocketBase's loading and validation errors")
    func badBodies() async throws {
        try await Self.otpServer().run { client in
            let empty = try await post(client, otpPath, "{}")
            #expect(empty.status == .badRequest)
            #expect(empty.json["message"] == "An error occurred while validating the submitted data.")
            #expect(empty.json["data"]["otpId"]["code"] == "validation_required")
            #expect(empty.json["data"]["password"]["code"] == "validation_required")
            let long = try await post(client, otpPath, #"{"otpId":"x","password":"\#(String(repeating: "1", count: 72))"}"#)
            #expect(long.json["data"]["password"]["code"] == "validation_length_out_of_range")
            #expect(long.json["data"]["password"]["params"] == .object(JSONObject([("min", 1), ("max", 71)])))
            let typed = try await post(client, otpPath, #"{"otpId":5}"#)
            #expect(typed.json == Self.errorBody(400, "An error occurred while loading the submitted data."))
            let unknown = try await post(client, otpPath, #"{"otpId":"nonexistent0000","password":"12345678"}"#)
            #expect(unknown.json == Self.errorBody(400, "Invalid or expired OTP."))
        }
    }

    @Test("a CLI OTP is a superuser's first factor: 401 with only an mfaId, then the password completes it")
    func superuserOTPThenPassword() async throws {
        let server = try Self.otpServer()
        let otp = try server.app.superusers.createOTP(email: TestServer.email)
        try await server.run { client in
            let first = try await post(client, otpPath, #"{"otpId":"\#(otp.id)","password":"\#(otp.password)"}"#)
            #expect(first.status == .unauthorized)
            let body = try #require(first.json.objectValue)
            #expect(body.keys == ["mfaId"])
            let mfaID = try #require(body["mfaId"]?.stringValue)
            #expect(mfaID.count == 15)
            // The OTP was used up by the first factor.
            let again = try await post(client, otpPath, #"{"otpId":"\#(otp.id)","password":"\#(otp.password)"}"#)
            #expect(again.json == Self.errorBody(400, "Invalid or expired OTP."))

            // The second factor as a form, mfaId in the body.
            let form = "identity=su%40example.com&password=\(TestServer.password)&mfaId=\(mfaID)"
            let second = try await post(client, passwordPath, form,
                                        headers: [.contentType: "application/x-www-form-urlencoded"])
            #expect(second.status == .ok)
            #expect(second.json["record"]["email"] == .string(TestServer.email))
            #expect(second.json["token"].stringValue?.isEmpty == false)

            // The session is gone.
            let reused = try await post(client, passwordPath + "?mfaId=\(mfaID)",
                                        #"{"identity":"su@example.com","password":"supersecret123"}"#)
            #expect(reused.json == Self.errorBody(400, "Invalid or expired MFA session."))
        }
    }

    @Test("mfaId in the query, the same method twice, and an mfaId that is not a string")
    func mfaRefusals() async throws {
        try await Self.otpServer().run { client in
            let login = #"{"identity":"su@example.com","password":"supersecret123"}"#
            let first = try await post(client, passwordPath, login)
            #expect(first.status == .unauthorized)
            let mfaID = try #require(first.json["mfaId"].stringValue)
            let same = try await post(client, passwordPath + "?mfaId=\(mfaID)", login)
            #expect(same.json == Self.errorBody(400, "A different authentication method is required."))
            let typed = try await post(client, passwordPath,
                                       #"{"identity":"su@example.com","password":"supersecret123","mfaId":5}"#)
            #expect(typed.json == Self.errorBody(400, "Failed to read MFA Id."))
            let wrong = try await post(client, passwordPath,
                                       #"{"identity":"su@example.com","password":"nope","mfaId":5}"#)
            #expect(wrong.json == Self.errorBody(400, "Failed to authenticate."))
        }
    }

    @Test("OTP then password then refresh, with the mfaId in the query of the OTP step")
    func passwordThenOTPInQuery() async throws {
        let server = try Self.otpServer()
        let otp = try server.app.superusers.createOTP(email: TestServer.email)
        try await server.run { client in
            let first = try await post(client, passwordPath, #"{"identity":"su@example.com","password":"supersecret123"}"#)
            let mfaID = try #require(first.json["mfaId"].stringValue)
            let second = try await post(client, otpPath + "?mfaId=\(mfaID)",
                                        #"{"otpId":"\#(otp.id)","password":"\#(otp.password)"}"#)
            #expect(second.status == .ok)
            let token = try #require(second.json["token"].stringValue)
            let refreshed = try await client.execute(uri: "/api/collections/_superusers/auth-refresh", method: .post,
                                                     headers: jsonHeaders(token: token))
            #expect(refreshed.status == .ok)
        }
    }

    @Test("auth-methods report the OTP and the forced MFA durations")
    func authMethods() async throws {
        try await Self.otpServer().run { client in
            let response = try await client.execute(uri: "/api/collections/_superusers/auth-methods", method: .get)
            #expect(response.json["mfa"] == .object(JSONObject([("enabled", true), ("duration", 1800)])))
            #expect(response.json["otp"] == .object(JSONObject([("enabled", true), ("duration", 180)])))
        }
    }
}
