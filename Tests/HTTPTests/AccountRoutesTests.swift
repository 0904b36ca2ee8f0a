import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PocketApplication
import PocketBootstrap
import PocketDomain
import PocketHTTP
import PocketTestSupport
import Testing

@Suite("account routes: verification, password reset, email change, request-otp, impersonate")
struct AccountRoutesTests {
    private func post(_ client: some TestClientProtocol, _ uri: String, _ body: String = "{}",
                      token: String? = nil) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .post, headers: jsonHeaders(token: token), body: ByteBuffer(string: body))
    }

    /// Creates a user of `users` with a password and returns its id.
    private func createUser(_ client: some TestClientProtocol, su: String, email: String) async throws -> String {
        let body = #"{"email":"\#(email)","password":"user-pass-123","passwordConfirm":"user-pass-123"}"#
        let response = try await post(client, "/api/collections/users/records", body, token: su)
        try #require(response.status == .ok)
        return response.json["id"].stringValue ?? ""
    }

    private func linkToken(_ mail: MailMessage, _ action: String) throws -> String {
        let start = try #require(mail.html.range(of: "/_/#/auth/\(action)/")).upperBound
        return String(mail.html[start...].prefix { $0 != "\"" })
    }

    @Test("verification: 204 and a mail; the mailed token verifies; a bad token is a field error")
    func verification() async throws {
        let mailer = RecordingMailer()
        let server = try TestServer.make(mailer: mailer)
        try await server.run { client in
            let su = try await superuserToken(client)
            let id = try await createUser(client, su: su, email: "ann@example.com")
            let requested = try await post(client, "/api/collections/users/request-verification",
                                           #"{"email":"ann@example.com"}"#)
            #expect(requested.status == .noContent)
            #expect(requested.body.readableBytes == 0)
            await server.app.outbox.drain()
            let mail = try #require(mailer.sent.first)
            #expect(mail.to == [MailAddress(address: "ann@example.com")])
            let token = try linkToken(mail, "confirm-verification")

            let bad = try await post(client, "/api/collections/users/confirm-verification", #"{"token":"x"}"#)
            #expect(bad.status == .badRequest)
            #expect(bad.json["data"]["token"]["code"] == "validation_invalid_token_claims")
            let confirmed = try await post(client, "/api/collections/users/confirm-verification", #"{"token":"\#(token)"}"#)
            #expect(confirmed.status == .noContent)
            let user = try await client.execute(uri: "/api/collections/users/records/\(id)", method: .get,
                                                headers: jsonHeaders(token: su))
            #expect(user.json["verified"] == true)

            let typed = try await post(client, "/api/collections/users/request-verification", #"{"email":1}"#)
            #expect(typed.status == .badRequest)
            #expect(typed.json["message"] == "An error occurred while loading the submitted data.")
        }
    }

    @Test("password reset through the mailed token; email change needs the caller's collection")
    func resetAndEmailChange() async throws {
        let mailer = RecordingMailer()
        let server = try TestServer.make(mailer: mailer)
        try await server.run { client in
            let su = try await superuserToken(client)
            _ = try await createUser(client, su: su, email: "bo@example.com")
            #expect(try await post(client, "/api/collections/users/request-password-reset",
                                   #"{"email":"bo@example.com"}"#).status == .noContent)
            await server.app.outbox.drain()
            let token = try linkToken(try #require(mailer.sent.last), "confirm-password-reset")
            let reset = try await post(client, "/api/collections/users/confirm-password-reset",
                                       #"{"token":"\#(token)","password":"new-pass-456","passwordConfirm":"new-pass-456"}"#)
            #expect(reset.status == .noContent)
            let signIn = try await post(client, "/api/collections/users/auth-with-password",
                                        #"{"identity":"bo@example.com","password":"new-pass-456"}"#)
            #expect(signIn.status == .ok)
            let userToken = signIn.json["token"].stringValue

            let anonymous = try await post(client, "/api/collections/users/request-email-change", #"{"newEmail":"x@example.com"}"#)
            #expect(anonymous.status == .unauthorized)
            let wrongCollection = try await post(client, "/api/collections/users/request-email-change",
                                                 #"{"newEmail":"x@example.com"}"#, token: su)
            #expect(wrongCollection.status == .forbidden)
            #expect(wrongCollection.json["message"] == "The request requires auth record from _superusers collection.")
            let change = try await post(client, "/api/collections/users/request-email-change",
                                        #"{"newEmail":"bo2@example.com"}"#, token: userToken)
            #expect(change.status == .noContent)
            await server.app.outbox.drain()
            #expect(mailer.sent.last?.to == [MailAddress(address: "bo2@example.com")])
        }
    }

    @Test("request-otp answers an id; impersonate answers a static token, with an empty body too")
    func otpAndImpersonate() async throws {
        let mailer = RecordingMailer()
        let server = try TestServer.make(mailer: mailer)
        _ = try server.app.collections.update("users", JSONObject([("otp", ["enabled": true])]))
        try await server.run { client in
            let su = try await superuserToken(client)
            let id = try await createUser(client, su: su, email: "cy@example.com")
            let otp = try await post(client, "/api/collections/users/request-otp", #"{"email":"cy@example.com"}"#)
            #expect(otp.status == .ok)
            #expect(otp.json["otpId"].stringValue?.count == 15)
            await server.app.outbox.drain()
            #expect(mailer.sent.last?.html.contains("<strong>") == true)

            let empty = try await client.execute(uri: "/api/collections/users/impersonate/\(id)", method: .post,
                                                 headers: [.authorization: su])
            #expect(empty.status == .ok)
            #expect(empty.json["record"]["id"] == .string(id))
            let typed = try await post(client, "/api/collections/users/impersonate/\(id)", #"{"duration":"soon"}"#,
                                       token: su)
            #expect(typed.status == .badRequest)
            #expect(typed.json["message"] == "An error occurred while loading the submitted data.")
            let guest = try await post(client, "/api/collections/users/impersonate/\(id)", #"{"duration":"soon"}"#)
            #expect(guest.status == .unauthorized)
        }
    }
}
