import PocketApplication
import PocketDomain
import PocketSQLite
import PocketTestSupport
import Testing

/// A `SuperuserService` over a real data directory, with the plain hasher and predictable randomness.
struct SuperuserHarness {
    let directory: SQLiteDataDirectory
    let clock: FixedClock
    let collections: CollectionRegistry
    let hasher = PlainPasswordHasher()
    /// One sequence for every call, so ids and token keys never repeat.
    let random = SequentialRandom(seed: 99)

    var service: SuperuserService {
        SuperuserService(collections: collections, records: directory.records, hasher: hasher, random: random,
                         clock: clock)
    }
    var superusers: Collection { get throws { try collections.named("_superusers") } }

    func find(_ email: String) throws -> Record? {
        try directory.records.firstRecord(in: try superusers, where: "email", equals: email)
    }

    func count() throws -> Int { try directory.records.countRecords(in: try superusers) }
}

func withSuperusers(configure: ((inout AuthOptions) -> Void)? = nil,
                    _ body: (SuperuserHarness) throws -> Void) async throws {
    try await withDataDirectory { directory, clock in
        let collections = try registry(of: directory,
                                       adjusting: configure.map { [SystemCollections.superusers: $0] } ?? [:])
        try body(SuperuserHarness(directory: directory, clock: clock, collections: collections))
    }
}

@Suite("SuperuserService")
struct SuperuserServiceTests {
    // MARK: create

    @Test("create stores a verified superuser with a hashed password and a fresh tokenKey")
    func create() async throws {
        try await withSuperusers { h throws in
            try h.service.create(email: "root@example.com", password: "12345678")
            let stored = try #require(try h.find("root@example.com"))
            #expect(stored.string("password") == "plain:10:12345678")
            #expect(stored.bool("verified"))
            #expect(!stored.bool("emailVisibility"))
            #expect(stored.string("tokenKey").count == 50)
            #expect(stored.id.count == 15)
            #expect(stored.string("created") == testNow.description)
            #expect(stored.string("updated") == testNow.description)
            #expect(try h.count() == 1)
        }
    }

    @Test("create refuses an invalid email")
    func createBadEmail() async throws {
        try await withSuperusers { h throws in
            for email in ["", "root", "root@", "@example.com", "a b@example.com"] {
                #expect(throws: SuperuserError("missing or invalid email address")) {
                    try h.service.create(email: email, password: "12345678")
                }
            }
            #expect(try h.count() == 0)
        }
    }

    @Test("create refuses a short or long password with the validation summary")
    func createBadPassword() async throws {
        try await withSuperusers { h throws in
            #expect(throws: SuperuserError(
                "failed to create new superuser account: password: Must be at least 8 character(s).")) {
                try h.service.create(email: "root@example.com", password: "1234567")
            }
            #expect(throws: SuperuserError("failed to create new superuser account: password: Cannot be blank.")) {
                try h.service.create(email: "root@example.com", password: "")
            }
            #expect(throws: SuperuserError(
                "failed to create new superuser account: password: Must be no more than 71 character(s).")) {
                try h.service.create(email: "root@example.com", password: String(repeating: "x", count: 72))
            }
            #expect(try h.count() == 0)
            #expect(h.hasher.hashCount == 0)
        }
    }

    @Test("create refuses a taken email, listing every problem in name order")
    func createDuplicate() async throws {
        try await withSuperusers { h throws in
            try h.service.create(email: "root@example.com", password: "12345678")
            #expect(throws: SuperuserError("failed to create new superuser account: email: Value must be unique.")) {
                try h.service.create(email: "root@example.com", password: "abcdefgh")
            }
            #expect(throws: SuperuserError(
                "failed to create new superuser account: email: Value must be unique; password: Must be at least 8 character(s).")) {
                try h.service.create(email: "root@example.com", password: "short")
            }
            #expect(try h.count() == 1)
            #expect(try h.find("root@example.com")?.string("password") == "plain:10:12345678")
        }
    }

    // MARK: upsert and update

    @Test("upsert creates a missing superuser")
    func upsertCreates() async throws {
        try await withSuperusers { h throws in
            try h.service.upsert(email: "root@example.com", password: "12345678")
            let stored = try #require(try h.find("root@example.com"))
            #expect(stored.bool("verified"))
            #expect(stored.string("password") == "plain:10:12345678")
        }
    }

    @Test("upsert of an existing superuser changes the hash and rotates the tokenKey")
    func upsertUpdates() async throws {
        try await withSuperusers { h throws in
            try h.service.create(email: "root@example.com", password: "12345678")
            let before = try #require(try h.find("root@example.com"))
            h.clock.advance(seconds: 60)
            try h.service.upsert(email: "root@example.com", password: "new-password")
            let after = try #require(try h.find("root@example.com"))

            #expect(after.id == before.id)
            #expect(after.string("password") == "plain:10:new-password")
            #expect(after.string("tokenKey") != before.string("tokenKey"))
            #expect(after.string("tokenKey").count == 50)
            #expect(after.string("created") == before.string("created"))
            #expect(after.string("updated") == testNow.adding(seconds: 60).description)
            #expect(try h.count() == 1)
        }
    }

    @Test("upsert refuses a bad email or password with its own wording")
    func upsertFailures() async throws {
        try await withSuperusers { h throws in
            #expect(throws: SuperuserError("missing or invalid email address")) {
                try h.service.upsert(email: "nope", password: "12345678")
            }
            #expect(throws: SuperuserError(
                "failed to upsert superuser account: password: Must be at least 8 character(s).")) {
                try h.service.upsert(email: "root@example.com", password: "123")
            }
            #expect(try h.count() == 0)
        }
    }

    @Test("update changes the password of an existing superuser and rotates the tokenKey")
    func updatePassword() async throws {
        try await withSuperusers { h throws in
            try h.service.create(email: "root@example.com", password: "12345678")
            let before = try #require(try h.find("root@example.com"))
            try h.service.updatePassword(email: "root@example.com", password: "87654321")
            let after = try #require(try h.find("root@example.com"))
            #expect(after.string("password") == "plain:10:87654321")
            #expect(after.string("tokenKey") != before.string("tokenKey"))
        }
    }

    @Test("update refuses a missing superuser, a bad email and a short password")
    func updateFailures() async throws {
        try await withSuperusers { h throws in
            #expect(throws: SuperuserError("invalid or missing email address")) {
                try h.service.updatePassword(email: "nope", password: "12345678")
            }
            #expect(throws: SuperuserError("superuser with email \"ghost@example.com\" doesn't exist")) {
                try h.service.updatePassword(email: "ghost@example.com", password: "12345678")
            }
            try h.service.create(email: "root@example.com", password: "12345678")
            #expect(throws: SuperuserError(
                "failed to change superuser \"root@example.com\" password: password: Must be at least 8 character(s).")) {
                try h.service.updatePassword(email: "root@example.com", password: "1234")
            }
            #expect(try h.find("root@example.com")?.string("password") == "plain:10:12345678")
        }
    }

    // MARK: delete

    @Test("delete removes a superuser while another remains")
    func delete() async throws {
        try await withSuperusers { h throws in
            try h.service.create(email: "a@example.com", password: "12345678")
            try h.service.create(email: "b@example.com", password: "12345678")
            try h.service.delete(email: "a@example.com")
            #expect(try h.find("a@example.com") == nil)
            #expect(try h.count() == 1)
        }
    }

    @Test("delete refuses the last superuser")
    func deleteLast() async throws {
        try await withSuperusers { h throws in
            try h.service.create(email: "root@example.com", password: "12345678")
            #expect(throws: SuperuserError(
                "failed to delete superuser \"root@example.com\": You can't delete the only existing superuser.")) {
                try h.service.delete(email: "root@example.com")
            }
            #expect(try h.count() == 1)
        }
    }

    @Test("delete of a missing superuser is a notice, not an error")
    func deleteMissing() async throws {
        try await withSuperusers { h throws in
            #expect(throws: SuperuserError("superuser \"ghost@example.com\" is missing or already deleted",
                                           isError: false)) {
                try h.service.delete(email: "ghost@example.com")
            }
            #expect(throws: SuperuserError("invalid or missing email address")) {
                try h.service.delete(email: "")
            }
        }
    }

    // MARK: otp

    @Test("otp is refused while OTP auth is off for _superusers")
    func otpDisabled() async throws {
        try await withSuperusers { h throws in
            try h.service.create(email: "root@example.com", password: "12345678")
            #expect(throws: SuperuserError("OTP auth is not enabled for the _superusers collection")) {
                try h.service.createOTP(email: "root@example.com")
            }
        }
    }

    @Test("otp refuses a bad email and a missing superuser")
    func otpFailures() async throws {
        try await withSuperusers(configure: { $0.otp.enabled = true }) { h throws in
            #expect(throws: SuperuserError("invalid or missing email address")) {
                try h.service.createOTP(email: "nope")
            }
            #expect(throws: SuperuserError("superuser with email \"ghost@example.com\" doesn't exist")) {
                try h.service.createOTP(email: "ghost@example.com")
            }
        }
    }

    @Test("otp stores the password hashed with cost 8 in _otps and returns it in clear")
    func otpSuccess() async throws {
        try await withSuperusers(configure: { options in
            options.otp.enabled = true
            options.otp.length = 6
            options.otp.duration = 300
        }) { h throws in
            try h.service.create(email: "root@example.com", password: "12345678")
            let owner = try #require(try h.find("root@example.com"))
            let issued = try h.service.createOTP(email: "root@example.com")

            #expect(issued.password.count == 6)
            #expect(issued.password.allSatisfy { $0.isNumber })
            #expect(issued.duration == 300)
            let otps = try h.collections.named("_otps")
            let stored = try #require(try h.directory.records.record(in: otps, id: issued.id))
            #expect(stored.string("password") == "plain:8:" + issued.password)
            #expect(stored.string("collectionRef") == (try h.superusers.id))
            #expect(stored.string("recordRef") == owner.id)
            #expect(stored.string("sentTo") == "")
            #expect(stored.string("created") == testNow.description)
            #expect(h.hasher.verify(issued.password, against: stored.string("password")))
        }
    }
}
