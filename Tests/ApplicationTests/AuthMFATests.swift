import PocketApplication
import PocketDomain
import PocketSQLite
import PocketTestSupport
import Testing

@Suite("AuthService: multi-factor auth")
struct AuthMFATests {
    private static let users = SystemCollections.users
    private static let expired = ApplicationError.badRequest("Invalid or expired MFA session.")

    @Test("a first factor stores an _mfas session and answers its id instead of a token")
    func firstFactor() async throws {
        try await withAuth(adjusting: [Self.users: enableOTP(mfa: true)]) { h in
            try h.addUser()
            let mfaID = try await requireMFA { try await h.service.authWithPassword(collection: "users", h.alicePassword) }
            let session = try #require(try h.directory.records.record(in: try h.mfas, id: mfaID))
            #expect(session.string("collectionRef") == SystemCollections.usersID)
            #expect(session.string("recordRef") == AuthHarness.userID)
            #expect(session.string("method") == "password")
            #expect(session.string("created") == testNow.description)
            #expect(mfaID.count == 15)
        }
    }

    @Test("password then OTP completes the session and deletes it")
    func passwordThenOTP() async throws {
        try await withAuth(adjusting: [Self.users: enableOTP(mfa: true)]) { h in
            let alice = try h.addUser()
            let mfaID = try await requireMFA { try await h.service.authWithPassword(collection: "users", h.alicePassword) }
            try h.addOTP(for: alice, in: try h.users)
            let result = try await h.service.authWithOTP(collection: "users", h.otpLogin, mfa: .id(mfaID), client: "c")
            #expect(result.record.id == alice.id && !result.token.isEmpty)
            #expect(try h.directory.records.record(in: try h.mfas, id: mfaID) == nil)
            // A used session is gone.
            try h.addOTP(id: "otp000000000002", for: alice, in: try h.users)
            await #expect(throws: Self.expired) {
                try await h.service.authWithOTP(collection: "users", OTPLogin(otpID: "otp000000000002", password: "12345678"),
                                                mfa: .id(mfaID), client: "c")
            }
        }
    }

    @Test("OTP then password completes the session")
    func otpThenPassword() async throws {
        try await withAuth(adjusting: [Self.users: enableOTP(mfa: true)]) { h in
            let alice = try h.addUser()
            try h.addOTP(for: alice, in: try h.users)
            let mfaID = try await requireMFA {
                try await h.service.authWithOTP(collection: "users", h.otpLogin, client: "c")
            }
            #expect(try h.directory.records.record(in: try h.mfas, id: mfaID)?.string("method") == "otp")
            let result = try await h.service.authWithPassword(collection: "users", h.alicePassword, mfa: .id(mfaID))
            #expect(result.record.id == alice.id)
        }
    }

    @Test("the same method twice is refused and the session survives")
    func sameMethod() async throws {
        try await withAuth(adjusting: [Self.users: enableOTP(mfa: true)]) { h in
            try h.addUser()
            let mfaID = try await requireMFA { try await h.service.authWithPassword(collection: "users", h.alicePassword) }
            await #expect(throws: ApplicationError.badRequest("A different authentication method is required.")) {
                try await h.service.authWithPassword(collection: "users", h.alicePassword, mfa: .id(mfaID))
            }
            #expect(try h.directory.records.record(in: try h.mfas, id: mfaID) != nil)
        }
    }

    @Test("a wrong second factor fails as usual and keeps the session")
    func wrongSecondFactor() async throws {
        try await withAuth(adjusting: [Self.users: enableOTP(mfa: true)]) { h in
            let alice = try h.addUser()
            try h.addOTP(for: alice, in: try h.users)
            let mfaID = try await requireMFA { try await h.service.authWithOTP(collection: "users", h.otpLogin, client: "c") }
            await #expect(throws: ApplicationError.badRequest("Failed to authenticate.")) {
                try await h.service.authWithPassword(
                    collection: "users", PasswordLogin(identity: AuthHarness.userEmail, password: "wrong"), mfa: .id(mfaID))
            }
            // An unreadable mfaId only matters once the password is right.
            await #expect(throws: ApplicationError.badRequest("Failed to authenticate.")) {
                try await h.service.authWithPassword(
                    collection: "users", PasswordLogin(identity: AuthHarness.userEmail, password: "wrong"), mfa: .unreadable)
            }
            await #expect(throws: ApplicationError.badRequest("Failed to read MFA Id.")) {
                try await h.service.authWithPassword(collection: "users", h.alicePassword, mfa: .unreadable)
            }
            #expect(try await h.service.authWithPassword(collection: "users", h.alicePassword, mfa: .id(mfaID)).record.id
                == alice.id)
        }
    }

    @Test("unknown and expired sessions are refused; an expired one is deleted")
    func expiredSessions() async throws {
        try await withAuth(adjusting: [Self.users: enableOTP(mfa: true)]) { h in
            let alice = try h.addUser()
            try h.addOTP(for: alice, in: try h.users)
            await #expect(throws: Self.expired) {
                try await h.service.authWithOTP(collection: "users", h.otpLogin, mfa: .id("nonexistent0000"), client: "c")
            }
            let mfaID = try await requireMFA { try await h.service.authWithPassword(collection: "users", h.alicePassword) }
            h.clock.advance(seconds: 1801)
            try h.addOTP(id: "otp000000000002", for: alice, in: try h.users)
            await #expect(throws: Self.expired) {
                try await h.service.authWithOTP(collection: "users", OTPLogin(otpID: "otp000000000002", password: "12345678"),
                                                mfa: .id(mfaID), client: "c")
            }
            #expect(try h.directory.records.record(in: try h.mfas, id: mfaID) == nil)
        }
    }

    @Test("another record's session is 'Invalid MFA session.' and survives")
    func otherRecord() async throws {
        try await withAuth(adjusting: [Self.users: enableOTP(mfa: true)]) { h in
            try h.addUser()
            let bob = try h.addSecondUser()
            let mfaID = try await requireMFA { try await h.service.authWithPassword(collection: "users", h.alicePassword) }
            try h.addOTP(for: bob, in: try h.users)
            await #expect(throws: ApplicationError.badRequest("Invalid MFA session.")) {
                try await h.service.authWithOTP(collection: "users", h.otpLogin, mfa: .id(mfaID), client: "c")
            }
            #expect(try h.directory.records.record(in: try h.mfas, id: mfaID) != nil)
        }
    }

    @Test("without MFA an mfaId is ignored, and token refresh never asks for a second factor")
    func skipped() async throws {
        try await withAuth(adjusting: [Self.users: enableOTP()]) { h in
            let alice = try h.addUser()
            #expect(try await h.service.authWithPassword(collection: "users", h.alicePassword, mfa: .id("whatever"))
                .record.id == alice.id)
        }
        try await withAuth(adjusting: [Self.users: enableOTP(mfa: true)]) { h in
            let alice = try h.addUser()
            let result = try h.service.authRefresh(collection: "users", auth: AuthContext(record: alice, collection: try h.users))
            #expect(result.record.id == alice.id)
        }
    }

    @Test("a non-empty MFA rule that matches the record asks for a second factor")
    func ruleApplies() async throws {
        try await withAuth(adjusting: [Self.users: enableOTP(mfa: true, mfaRule: "verified = true")]) { h in
            try h.addUser()
            _ = try await requireMFA { try await h.service.authWithPassword(collection: "users", h.alicePassword) }
        }
    }

    @Test("the auth rule is checked before MFA")
    func authRuleFirst() async throws {
        try await withAuth(adjusting: [Self.users: { options in
            enableOTP(mfa: true)(&options)
            options.authRule = nil
        }]) { h in
            try h.addUser()
            await #expect(throws: ApplicationError.forbidden(
                "The request doesn't satisfy the collection requirements to authenticate.")) {
                try await h.service.authWithPassword(collection: "users", h.alicePassword)
            }
            #expect(try h.directory.records.countRecords(in: try h.mfas) == 0)
        }
    }

    @Test("mfaId comes from the query first, then from the body", arguments: [
        (String?.none, JSONValue?.none, MFASessionID.none),
        ("", .null, .none),
        ("q", .string("b"), .id("q")),
        ("", .string("b"), .id("b")),
        (nil, .string(""), .none),
        (nil, .number(5), .unreadable),
        ("q", .number(5), .id("q")),
    ])
    func sessionID(query: String?, body: JSONValue?, expected: MFASessionID) {
        #expect(MFASessionID(query: query, body: body) == expected)
    }
}
