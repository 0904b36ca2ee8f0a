import Foundation
import PocketApplication
import PocketDomain
import PocketSQLite
import PocketTestSupport
import Testing

@Suite("AuthService: verification, password reset and email change")
struct AccountFlowTests {
    private static let validation = "An error occurred while validating the submitted data."

    /// The token in a mail's action link (the default templates end it with `{TOKEN}"`).
    private func token(in mail: MailMessage, action: String) throws -> String {
        let marker = "/_/#/auth/\(action)/"
        let start = try #require(mail.html.range(of: marker)).upperBound
        return String(mail.html[start...].prefix { $0 != "\"" })
    }

    private func alice(_ h: AuthHarness) throws -> Record {
        try #require(try h.directory.records.record(in: try h.users, id: AuthHarness.userID))
    }

    @Test("request-verification mails a verification token once per 2 minutes; verified or unknown emails get nothing")
    func requestVerification() async throws {
        try await withAuth { h in
            try h.addUser()
            try h.setUserVerified(false)
            let service = h.service
            try service.requestVerification(collection: "users", email: AuthHarness.userEmail)
            let mails = await h.mailbox.sent()
            try #require(mails.count == 1)
            #expect(mails[0].to == [MailAddress(address: AuthHarness.userEmail)])
            #expect(mails[0].from == MailAddress(name: "Acme Support", address: "noreply@example.test"))
            #expect(mails[0].subject == "Verify your Acme Test email")
            let token = try token(in: mails[0], action: "confirm-verification")
            #expect(mails[0].html.contains("https://app.example.test/_/#/auth/confirm-verification/\(token)"))
            let claims = try #require(h.signer.unverifiedClaims(of: token))
            #expect(claims["type"] == "verification")
            #expect(claims["email"] == .string(AuthHarness.userEmail))
            #expect(claims["exp"] == .number(Double(h.clock.now().unixSeconds + 259_200)))

            try service.requestVerification(collection: "users", email: AuthHarness.userEmail)
            #expect(await h.mailbox.sent().count == 1)
            h.clock.advance(seconds: 121)
            try service.requestVerification(collection: "users", email: AuthHarness.userEmail)
            #expect(await h.mailbox.sent().count == 2)

            try service.requestVerification(collection: "users", email: "ghost@example.com")
            try h.setUserVerified(true)
            h.clock.advance(seconds: 121)
            try service.requestVerification(collection: "users", email: AuthHarness.userEmail)
            #expect(await h.mailbox.sent().count == 2)
        }
    }

    @Test("request forms check the email; superusers are always verified")
    func requestValidation() async throws {
        try await withAuth { h in
            #expect(throws: ApplicationError.validation(FieldErrors("email", .required))) {
                try h.service.requestVerification(collection: "users", email: "")
            }
            #expect(throws: ApplicationError.validation(FieldErrors("email", .invalidEmail))) {
                try h.service.requestPasswordReset(collection: "users", email: "nope")
            }
            #expect(throws: ApplicationError.badRequest("All superusers are verified by default.")) {
                try h.service.requestVerification(collection: "_superusers", email: "root@example.com")
            }
        }
    }

    @Test("confirm-verification verifies the token's record and checks claims, signature and collection")
    func confirmVerification() async throws {
        try await withAuth { h in
            try h.addUser()
            try h.setUserVerified(false)
            let users = try h.users
            let token = h.tokens.actionToken(.verification, for: try alice(h), in: users)
            try h.service.confirmVerification(collection: "users", token: token)
            #expect(try alice(h).bool("verified"))
            // Verifying keeps the tokenKey: the token still works.
            #expect(try alice(h).string("tokenKey") == AuthHarness.userTokenKey)
            try h.service.confirmVerification(collection: "users", token: token)

            let noEmail = FieldErrors("token", ValidationError(code: "validation_invalid_token_claims",
                                                               message: "Missing email token claim."))
            #expect(throws: ApplicationError.validation(noEmail)) {
                try h.service.confirmVerification(collection: "users", token: "not-a-jwt")
            }
            let forged = FakeTokenSigner().sign(JSONObject([
                ("collectionId", .string(users.id)), ("email", .string(AuthHarness.userEmail)),
                ("id", .string(AuthHarness.userID)), ("type", "verification"),
            ]), secret: "wrong")
            #expect(throws: ApplicationError.validation(FieldErrors("token", ValidationError(
                code: "validation_invalid_token", message: "Invalid or expired token.")))) {
                try h.service.confirmVerification(collection: "users", token: forged)
            }
            h.clock.advance(seconds: 259_201)
            #expect(throws: ApplicationError.self) { try h.service.confirmVerification(collection: "users", token: token) }
        }
    }

    @Test("confirm-password-reset sets the password, renews the tokenKey, verifies and forgets MFA sessions")
    func passwordReset() async throws {
        try await withAuth(adjusting: [SystemCollections.users: enableOTP(mfa: true)]) { h in
            try h.addUser()
            try h.setUserVerified(false)
            let service = h.service
            let mfaID = try await requireMFA { try await service.authWithPassword(collection: "users", h.alicePassword) }
            try service.requestPasswordReset(collection: "users", email: AuthHarness.userEmail)
            let mails = await h.mailbox.sent()
            try #require(mails.count == 1)
            #expect(mails[0].subject == "Reset your Acme Test password")
            let token = try token(in: mails[0], action: "confirm-password-reset")
            // Guarded until the reset succeeds.
            try service.requestPasswordReset(collection: "users", email: AuthHarness.userEmail)
            #expect(await h.mailbox.sent().count == 1)

            var mismatch = FieldErrors("passwordConfirm", ValidationError(code: "validation_values_mismatch",
                                                                         message: "Values don't match."))
            await #expect(throws: ApplicationError.validation(mismatch)) {
                try await service.confirmPasswordReset(collection: "users", token: token, password: "new-password-1",
                                                       passwordConfirm: "other")
            }
            mismatch = FieldErrors("password", .outOfRange(min: 8, max: 255))
            await #expect(throws: ApplicationError.validation(mismatch)) {
                try await service.confirmPasswordReset(collection: "users", token: token, password: "short",
                                                       passwordConfirm: "short")
            }
            try await service.confirmPasswordReset(collection: "users", token: token, password: "new-password-1",
                                                   passwordConfirm: "new-password-1")
            let updated = try alice(h)
            #expect(h.hasher.verify("new-password-1", against: updated.string("password")))
            #expect(updated.string("tokenKey") != AuthHarness.userTokenKey)
            #expect(updated.bool("verified"))
            #expect(try h.directory.records.record(in: try h.mfas, id: mfaID) == nil)
            // The token died with the old tokenKey; the guard is lifted.
            await #expect(throws: ApplicationError.validation(FieldErrors("token", ValidationError(
                code: "validation_invalid_token", message: "Invalid or expired token.")))) {
                try await service.confirmPasswordReset(collection: "users", token: token, password: "another-pass-2",
                                                       passwordConfirm: "another-pass-2")
            }
            try service.requestPasswordReset(collection: "users", email: AuthHarness.userEmail)
            #expect(await h.mailbox.sent().count == 2)
        }
    }

    @Test("password reset is refused while password auth is off")
    func passwordResetDisabled() async throws {
        try await withAuth(configureUsers: { $0.passwordAuth.enabled = false }) { h in
            #expect(throws: ApplicationError.badRequest(
                "The collection is not configured to allow password authentication.")) {
                try h.service.requestPasswordReset(collection: "users", email: AuthHarness.userEmail)
            }
        }
    }

    @Test("email change: the link goes to the new address; confirming with the password moves the email")
    func emailChange() async throws {
        try await withAuth { h in
            let stored = try h.addUser()
            let users = try h.users
            let me = AuthContext(record: stored, collection: users)
            #expect(throws: ApplicationError.unauthorized("The request requires valid record authorization token.")) {
                try h.service.requestEmailChange(collection: "users", auth: nil, newEmail: "new@example.com")
            }
            #expect(throws: ApplicationError.validation(FieldErrors("newEmail", ValidationError(
                code: "validation_not_in_invalid", message: "Must not be in list.")))) {
                try h.service.requestEmailChange(collection: "users", auth: me, newEmail: AuthHarness.userEmail)
            }
            try h.addSecondUser()
            #expect(throws: ApplicationError.validation(FieldErrors("newEmail", ValidationError(
                code: "validation_invalid_new_email", message: "Invalid new email address.")))) {
                try h.service.requestEmailChange(collection: "users", auth: me, newEmail: "bob@example.com")
            }

            try h.service.requestEmailChange(collection: "users", auth: me, newEmail: "new@example.com")
            let mails = await h.mailbox.sent()
            try #require(mails.count == 1)
            #expect(mails[0].to == [MailAddress(address: "new@example.com")])
            let token = try token(in: mails[0], action: "confirm-email-change")
            #expect(h.signer.unverifiedClaims(of: token)?["newEmail"] == "new@example.com")

            await #expect(throws: ApplicationError.validation(FieldErrors("password", ValidationError(
                code: "validation_invalid_password", message: "Missing or invalid auth record password.")))) {
                try await h.service.confirmEmailChange(collection: "users", token: token, password: "wrong")
            }
            try await h.service.confirmEmailChange(collection: "users", token: token, password: AuthHarness.userPassword)
            let moved = try alice(h)
            #expect(moved.string("email") == "new@example.com")
            #expect(moved.bool("verified"))
            #expect(moved.string("tokenKey") != AuthHarness.userTokenKey)
            // The address is taken now: the same token is refused for that reason first.
            await #expect(throws: ApplicationError.self) {
                try await h.service.confirmEmailChange(collection: "users", token: token, password: AuthHarness.userPassword)
            }
        }
    }
}
