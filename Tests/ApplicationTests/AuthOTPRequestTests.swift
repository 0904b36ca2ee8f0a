import Foundation
import PocketApplication
import PocketDomain
import PocketSQLite
import PocketTestSupport
import Testing

@Suite("AuthService: request-otp, impersonation and login alerts")
struct AuthOTPRequestTests {
    @Test("request-otp stores a hashed OTP, mails its digits and records sentTo once sent")
    func requestOTP() async throws {
        try await withAuth(adjusting: [SystemCollections.users: { options in
            options.otp.enabled = true
            options.otp.length = 6
        }]) { h in
            try h.addUser()
            let id = try await h.service.requestOTP(collection: "users", email: AuthHarness.userEmail)
            let mails = await h.mailbox.sent()
            try #require(mails.count == 1)
            #expect(mails[0].subject == "OTP for Acme Test")
            let html = mails[0].html
            let start = try #require(html.range(of: "<strong>")).upperBound
            let code = String(html[start...].prefix { $0 != "<" })
            #expect(code.count == 6 && code.allSatisfy(\.isNumber))
            let row = try #require(try h.directory.records.record(in: try h.otps, id: id))
            #expect(row.string("recordRef") == AuthHarness.userID)
            #expect(row.string("sentTo") == AuthHarness.userEmail)
            #expect(h.hasher.verify(code, against: row.string("password")))
            let result = try await h.service.authWithOTP(collection: "users", OTPLogin(otpID: id, password: code),
                                                         client: "1.2.3.4")
            #expect(result.record.id == AuthHarness.userID)
        }
    }

    @Test("an unknown email gets a random id and nothing is stored or sent; a failed mail deletes the OTP")
    func unknownAndFailed() async throws {
        try await withAuth(adjusting: [SystemCollections.users: enableOTP()]) { h in
            try h.addUser()
            let ghost = try await h.service.requestOTP(collection: "users", email: "ghost@example.com")
            #expect(ghost.count == 15)
            #expect(try h.directory.records.record(in: try h.otps, id: ghost) == nil)
            #expect(await h.mailbox.sent().isEmpty)

            h.mailbox.mailer.fail(with: MailerError("smtp down"))
            let id = try await h.service.requestOTP(collection: "users", email: AuthHarness.userEmail)
            #expect(await h.mailbox.sent().isEmpty)
            #expect(try h.directory.records.record(in: try h.otps, id: id) == nil)
        }
    }

    @Test("with 10 unexpired OTPs the newest is answered again and nothing is mailed; dev mode lifts it")
    func reuseAfterTen() async throws {
        try await withAuth(adjusting: [SystemCollections.users: enableOTP()]) { h in
            try h.addUser()
            var ids: [String] = []
            for _ in 0..<10 {
                ids.append(try await h.service.requestOTP(collection: "users", email: AuthHarness.userEmail))
                h.clock.advance(milliseconds: 5)
            }
            #expect(Set(ids).count == 10)
            let again = try await h.service.requestOTP(collection: "users", email: AuthHarness.userEmail)
            #expect(again == ids[9])
            #expect(await h.mailbox.sent().count == 10)
            let dev = try await h.service.requestOTP(collection: "users", email: AuthHarness.userEmail, devMode: true)
            #expect(!ids.contains(dev))
            // Once they expire, new ones are issued again.
            h.clock.advance(seconds: 181)
            #expect(!ids.contains(try await h.service.requestOTP(collection: "users", email: AuthHarness.userEmail)))
        }
    }

    @Test("impersonation: superusers only, a static token of the asked duration, no MFA")
    func impersonate() async throws {
        try await withAuth(adjusting: [SystemCollections.users: enableOTP(mfa: true)]) { h in
            let alice = try h.addUser()
            let root = try h.addSuperuser()
            let users = try h.users
            let asRoot = AuthContext(record: root, collection: try h.superusers)
            #expect(throws: ApplicationError.unauthorized("The request requires valid record authorization token.")) {
                try h.service.impersonate(collection: "users", id: alice.id, auth: nil) { 0 }
            }
            #expect(throws: ApplicationError.forbidden("The authorized record is not allowed to perform this action.")) {
                try h.service.impersonate(collection: "users", id: alice.id,
                                          auth: AuthContext(record: alice, collection: users)) { 0 }
            }
            #expect(throws: ApplicationError.notFound("The requested resource wasn't found.")) {
                try h.service.impersonate(collection: "users", id: "missing00000000", auth: asRoot) { 0 }
            }
            #expect(throws: ApplicationError.self) {
                try h.service.impersonate(collection: "users", id: alice.id, auth: asRoot) { -1 }
            }
            let result = try h.service.impersonate(collection: "users", id: alice.id, auth: asRoot) { 100 }
            let claims = try #require(h.signer.unverifiedClaims(of: result.token))
            #expect(claims["refreshable"] == false)
            #expect(claims["exp"] == .number(Double(h.clock.now().unixSeconds + 100)))
            let standard = try h.service.impersonate(collection: "users", id: alice.id, auth: asRoot) { 0 }
            #expect(h.signer.unverifiedClaims(of: standard.token)?["exp"]
                == .number(Double(h.clock.now().unixSeconds + Int64(users.auth!.authToken.duration))))
        }
    }

    @Test("login alerts: none on the first sign-in or a known origin; a new origin mails the alert")
    func loginAlerts() async throws {
        try await withAuth { h in
            try h.addUser()
            let service = h.service
            func signIn(_ agent: String, ip: String = "10.0.0.1") async throws {
                var request = RequestInfo(headers: ["user_agent": agent])
                request.remoteIP = ip
                _ = try await service.authWithPassword(collection: "users", h.alicePassword, request: request)
            }
            try await signIn("Agent-One")
            try await signIn("Agent-One")
            #expect(await h.mailbox.sent().isEmpty)
            try await signIn("Agent-Two")
            let mails = await h.mailbox.sent()
            try #require(mails.count == 1)
            #expect(mails[0].subject == "Login from a new location")
            try await signIn("Agent-One", ip: "10.0.0.2")
            #expect(await h.mailbox.sent().count == 2)
            // Refreshing is no sign-in.
            let alice = try #require(try h.directory.records.record(in: try h.users, id: AuthHarness.userID))
            _ = try service.authRefresh(collection: "users", auth: AuthContext(record: alice, collection: try h.users))
            let origins = try h.collections.named(SystemCollections.authOrigins)
            let rows = try h.directory.records.records(matching: RecordQuery(collection: origins))
            #expect(Set(rows.map { $0.string("fingerprint") }) == [
                MD5.hex("10.0.0.1Agent-One"), MD5.hex("10.0.0.1Agent-Two"), MD5.hex("10.0.0.2Agent-One"),
            ])
            // At most 5 origins are kept.
            for n in 0..<4 { try await signIn("Agent-\(n)", ip: "10.1.0.1"); h.clock.advance(seconds: 1) }
            #expect(try h.directory.records.records(matching: RecordQuery(collection: origins)).count == 5)
        }
    }
}
