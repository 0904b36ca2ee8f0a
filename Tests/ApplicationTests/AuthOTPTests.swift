import PocketApplication
import PocketDomain
import PocketSQLite
import PocketTestSupport
import Testing

@Suite("AuthService: auth-with-otp")
struct AuthOTPTests {
    private static let users = SystemCollections.users
    private static let invalid = ApplicationError.badRequest("Invalid or expired OTP.")

    @Test("a collection without OTP is refused with PocketBase's 403 before anything else")
    func disabled() async throws {
        try await withAuth { h in
            let refusal = ApplicationError.forbidden("The collection is not configured to allow OTP authentication.")
            #expect(throws: refusal) { try h.service.requireOTPCollection("users") }
            await #expect(throws: refusal) {
                try await h.service.authWithOTP(collection: "users", OTPLogin(otpID: "", password: ""), client: "1.2.3.4")
            }
            #expect(h.blocking.runCount == 0)
        }
    }

    @Test("otpId and password are required; at most 255 and 71 characters")
    func validation() async throws {
        try await withAuth(adjusting: [Self.users: enableOTP()]) { h in
            var expected = FieldErrors("otpId", .required)
            expected.add("password", .required)
            await #expect(throws: ApplicationError.validation(expected)) {
                try await h.service.authWithOTP(collection: "users", OTPLogin(otpID: "", password: ""), client: "c")
            }
            var long = FieldErrors("otpId", .outOfRange(min: 1, max: 255))
            long.add("password", .outOfRange(min: 1, max: 71))
            await #expect(throws: ApplicationError.validation(long)) {
                try await h.service.authWithOTP(
                    collection: "users",
                    OTPLogin(otpID: String(repeating: "x", count: 256), password: String(repeating: "1", count: 72)),
                    client: "c")
            }
            #expect(OTPLogin(otpID: String(repeating: "x", count: 255), password: String(repeating: "1", count: 71))
                .validate().isEmpty)
        }
    }

    @Test("a right OTP signs in, deletes the OTP and verifies a record whose email it was sent to")
    func success() async throws {
        try await withAuth(adjusting: [Self.users: enableOTP()]) { h in
            try h.addUser()
            try h.setUserVerified(false)
            let users = try h.users
            try h.addOTP(for: try #require(try h.directory.records.record(in: users, id: AuthHarness.userID)),
                         in: users, sentTo: AuthHarness.userEmail)
            let result = try await h.service.authWithOTP(collection: "users", h.otpLogin, client: "1.2.3.4")
            #expect(result.record.id == AuthHarness.userID)
            #expect(result.record.bool("verified"))
            #expect(!result.token.isEmpty)
            #expect(h.blocking.runCount == 1)
            #expect(try h.directory.records.record(in: users, id: AuthHarness.userID)?.bool("verified") == true)
            #expect(try h.directory.records.record(in: try h.otps, id: "otp000000000001") == nil)
            // Single use.
            await #expect(throws: Self.invalid) {
                try await h.service.authWithOTP(collection: "users", h.otpLogin, client: "1.2.3.4")
            }
        }
    }

    @Test("an OTP sent elsewhere (or made without mail) signs in but leaves the record unverified",
          arguments: ["", "old@example.com"])
    func noVerification(sentTo: String) async throws {
        try await withAuth(adjusting: [Self.users: enableOTP()]) { h in
            try h.addUser()
            try h.setUserVerified(false)
            let users = try h.users
            try h.addOTP(for: try #require(try h.directory.records.record(in: users, id: AuthHarness.userID)),
                         in: users, sentTo: sentTo)
            let result = try await h.service.authWithOTP(collection: "users", h.otpLogin, client: "c")
            #expect(!result.record.bool("verified"))
            #expect(try h.directory.records.record(in: users, id: AuthHarness.userID)?.bool("verified") == false)
        }
    }

    @Test("unknown, other-collection and expired OTPs all get the same 400")
    func refusals() async throws {
        try await withAuth(adjusting: [Self.users: enableOTP(), SystemCollections.superusers: enableOTP()]) { h in
            let alice = try h.addUser()
            try h.addOTP(for: alice, in: try h.users)
            await #expect(throws: Self.invalid) {
                try await h.service.authWithOTP(collection: "users",
                                                OTPLogin(otpID: "nonexistent0000", password: "12345678"), client: "c")
            }
            await #expect(throws: Self.invalid) {
                try await h.service.authWithOTP(collection: "_superusers", h.otpLogin, client: "c")
            }
            h.clock.advance(seconds: 181)
            await #expect(throws: Self.invalid) {
                try await h.service.authWithOTP(collection: "users", h.otpLogin, client: "c")
            }
            // None of them got as far as the password check.
            #expect(h.blocking.runCount == 0)
        }
    }

    @Test("an OTP is valid for exactly its duration")
    func lastSecond() async throws {
        try await withAuth(adjusting: [Self.users: enableOTP()]) { h in
            let alice = try h.addUser()
            try h.addOTP(for: alice, in: try h.users)
            h.clock.advance(seconds: 180)
            #expect(try await h.service.authWithOTP(collection: "users", h.otpLogin, client: "c").record.id == alice.id)
        }
    }

    @Test("a wrong password is the same 400 and does not burn the OTP")
    func wrongPassword() async throws {
        try await withAuth(adjusting: [Self.users: enableOTP()]) { h in
            let alice = try h.addUser()
            try h.addOTP(for: alice, in: try h.users)
            let service = h.service
            await #expect(throws: Self.invalid) {
                try await service.authWithOTP(collection: "users", OTPLogin(otpID: "otp000000000001", password: "00000000"),
                                              client: "c")
            }
            #expect(try await service.authWithOTP(collection: "users", h.otpLogin, client: "c").record.id == alice.id)
        }
    }

    @Test("the sixth attempt on a record within 180 s is 429, per client address, for any OTP")
    func rateLimited() async throws {
        try await withAuth(adjusting: [Self.users: enableOTP()]) { h in
            let alice = try h.addUser()
            try h.addOTP(for: alice, in: try h.users)
            let service = h.service
            let wrong = OTPLogin(otpID: "otp000000000001", password: "00000000")
            for _ in 0..<5 {
                await #expect(throws: Self.invalid) {
                    try await service.authWithOTP(collection: "users", wrong, client: "10.0.0.1")
                }
            }
            let tooMany = ApplicationError.tooManyRequests("Too many attempts, please try again later with a new OTP.")
            await #expect(throws: tooMany) {
                try await service.authWithOTP(collection: "users", h.otpLogin, client: "10.0.0.1")
            }
            try h.addOTP(id: "otp000000000002", for: alice, in: try h.users)
            await #expect(throws: tooMany) {
                try await service.authWithOTP(collection: "users", OTPLogin(otpID: "otp000000000002", password: "12345678"),
                                              client: "10.0.0.1")
            }
            #expect(h.blocking.runCount == 5)
            // Another address has its own allowance.
            #expect(try await service.authWithOTP(collection: "users", h.otpLogin, client: "10.0.0.2").record.id == alice.id)
            // The window starts over 180 s after the last allowed attempt.
            h.clock.advance(seconds: 180)
            #expect(try await service.authWithOTP(collection: "users", OTPLogin(otpID: "otp000000000002", password: "12345678"),
                                                  client: "10.0.0.1").record.id == alice.id)
        }
    }

    @Test("an unknown client address is never limited")
    func noAddress() async throws {
        try await withAuth(adjusting: [Self.users: enableOTP()]) { h in
            let alice = try h.addUser()
            try h.addOTP(for: alice, in: try h.users)
            let service = h.service
            for _ in 0..<7 {
                await #expect(throws: Self.invalid) {
                    try await service.authWithOTP(collection: "users", OTPLogin(otpID: "otp000000000001", password: "0"),
                                                  client: "")
                }
            }
        }
    }

    @Test("the attempt limiter resets a window only after it has passed since the last allowed attempt")
    func limiterWindow() {
        let clock = FixedClock()
        let limiter = AttemptLimiter(maxAttempts: 2, window: 10, clock: clock)
        #expect(limiter.consume(key: "k", client: "a"))
        clock.advance(seconds: 5)
        #expect(limiter.consume(key: "k", client: "a"))
        #expect(!limiter.consume(key: "k", client: "a"))
        #expect(limiter.consume(key: "other", client: "a"))
        clock.advance(seconds: 9)
        #expect(!limiter.consume(key: "k", client: "a"))
        clock.advance(seconds: 1)
        #expect(limiter.consume(key: "k", client: "a"))
    }

    @Test("superusers with OTP on always need a second factor, and the OTP is used up by the first")
    func superusersForceMFA() async throws {
        try await withAuth(adjusting: [SystemCollections.superusers: enableOTP()]) { h in
            let root = try h.addSuperuser()
            try h.addOTP(for: root, in: try h.superusers)
            let mfaID = try await requireMFA {
                try await h.service.authWithOTP(collection: "_superusers", h.otpLogin, client: "c")
            }
            #expect(try h.directory.records.record(in: try h.otps, id: "otp000000000001") == nil)
            let session = try #require(try h.directory.records.record(in: try h.mfas, id: mfaID))
            #expect(session.string("method") == "otp")
            let result = try await h.service.authWithPassword(
                collection: "_superusers", PasswordLogin(identity: "root@example.com", password: "rootpass1"),
                mfa: .id(mfaID))
            #expect(result.record.id == root.id)
            let methods = try h.service.authMethods(collection: "_superusers")
            #expect(methods["mfa"] == .object(JSONObject([("enabled", true), ("duration", 1800)])))
            #expect(methods["otp"] == .object(JSONObject([("enabled", true), ("duration", 180)])))
        }
    }
}
