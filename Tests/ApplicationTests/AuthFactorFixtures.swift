import PocketApplication
import PocketDomain
import PocketSQLite
import PocketTestSupport
import Testing

/// Runs `body` over a fresh data directory whose auth collections' options are changed.
func withAuth(adjusting adjustments: [String: (inout AuthOptions) -> Void],
              _ body: (AuthHarness) async throws -> Void) async throws {
    try await withDataDirectory { directory, clock in
        let collections = try registry(of: directory, adjusting: adjustments)
        try await body(AuthHarness(directory: directory, clock: clock, collections: collections))
    }
}

/// Turns OTP sign-in on (and MFA when asked) with PocketBase's default durations.
func enableOTP(mfa: Bool = false, mfaRule: String = "") -> (inout AuthOptions) -> Void {
    { options in
        options.otp.enabled = true
        if mfa {
            options.mfa.enabled = true
            options.mfa.rule = mfaRule
        }
    }
}

extension AuthHarness {
    static let otpPassword = "12345678"

    var otps: Collection { get throws { try collections.named(SystemCollections.otps) } }
    var mfas: Collection { get throws { try collections.named(SystemCollections.mfas) } }

    /// Stores an `_otps` row for the record, created now, with `otpPassword` hashed.
    @discardableResult
    func addOTP(id: String = "otp000000000001", for record: Record, in collection: Collection,
                sentTo: String = "") throws -> Record {
        let otps = try otps
        var otp = Record(collection: otps)
        otp.id = id
        otp["collectionRef"] = .string(collection.id)
        otp["recordRef"] = .string(record.id)
        otp["password"] = .string(try hasher.hash(Self.otpPassword, cost: 8))
        otp["sentTo"] = .string(sentTo)
        otp["created"] = .string(clock.now().description)
        otp["updated"] = .string(clock.now().description)
        try directory.records.insert(otp, into: otps)
        return otp
    }

    /// Inserts a second user, Bob.
    @discardableResult
    func addSecondUser(verified: Bool = true) throws -> Record {
        let users = try users
        var bob = authRecord(in: users, id: "u00000000000002", email: "bob@example.com",
                             passwordHash: try hasher.hash(Self.userPassword, cost: 10),
                             tokenKey: "bob-token-key-0123456789abcdefghijklmnopqrstuvwxy")
        bob["verified"] = .bool(verified)
        try directory.records.insert(bob, into: users)
        return bob
    }

    /// Sets Alice's `verified`.
    func setUserVerified(_ verified: Bool) throws {
        let users = try users
        var alice = try #require(try directory.records.record(in: users, id: Self.userID))
        alice["verified"] = .bool(verified)
        try directory.records.update(alice, in: users)
    }

    var alicePassword: PasswordLogin { PasswordLogin(identity: Self.userEmail, password: Self.userPassword) }
    var otpLogin: OTPLogin { OTPLogin(otpID: "otp000000000001", password: Self.otpPassword) }
}

/// The `mfaId` of a sign-in that must stop at its first factor.
func requireMFA(_ signIn: () async throws -> AuthResult,
                sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
    do {
        let result = try await signIn()
        Issue.record("expected MFARequired, signed in \(result.record.id)", sourceLocation: sourceLocation)
        return ""
    } catch let required as MFARequired {
        return required.mfaID
    }
}
