import Testing
@testable import PocketDomain

@Suite("SystemCollections")
struct SystemCollectionsTests {
    static let now = DateTime(unixMilliseconds: 1_704_164_645_678)

    static func all() -> [Collection] {
        var counter = 0
        return SystemCollections.all(now: now, secrets: { counter += 1; return "secret\(counter)" })
    }

    private func collection(_ name: String) throws -> Collection {
        try #require(Self.all().first { $0.name == name })
    }

    @Test("six collections in PocketBase's creation order")
    func order() {
        #expect(Self.all().map(\.name) == ["_mfas", "_otps", "_externalAuths", "_authOrigins", "_superusers", "users"])
        #expect(Self.all().map(\.kind) == [.base, .base, .base, .base, .auth, .auth])
    }

    @Test("ids and system flags")
    func ids() {
        #expect(Self.all().map(\.id) == ["pbc_2279338944", "pbc_1638494021", "pbc_2281828961", "pbc_4275539003",
                                         "pbc_3142635823", "_pb_users_auth_"])
        #expect(Self.all().map(\.system) == [true, true, true, true, true, false])
        #expect(Self.all().allSatisfy { $0.created == Self.now && $0.updated == Self.now })
    }

    @Test("columns match a fresh PocketBase 0.28.4 data directory", arguments: ReferenceCollections.rows.map(\.name))
    func matchesReference(name: String) throws {
        let row = try #require(ReferenceCollections.rows.first { $0.name == name })
        let collection = try collection(name)
        #expect(collection.id == row.id)
        #expect(collection.kind.rawValue == row.type)
        #expect(collection.system == row.system)
        #expect(JSONWriter.string(collection.fieldsJSON) == row.fields)
        #expect(JSONWriter.string(collection.indexesJSON) == row.indexes)
        let rules = collection.rules
        #expect([rules.list, rules.view, rules.create, rules.update, rules.delete] == row.rules)
        let options: JSONValue = collection.auth.map { .object($0.json(includeSecrets: false)) } ?? collection.optionsJSON
        #expect(JSONWriter.string(options) == row.options)
    }

    @Test("token durations: superusers one day, users one week")
    func tokenDurations() throws {
        let superusers = try #require(try collection("_superusers").auth)
        let users = try #require(try collection("users").auth)
        #expect(superusers.authToken.duration == 86_400)
        #expect(users.authToken.duration == 604_800)
        #expect(users.passwordResetToken.duration == 1800)
        #expect(users.emailChangeToken.duration == 1800)
        #expect(users.verificationToken.duration == 259_200)
        #expect(users.fileToken.duration == 180)
    }

    @Test("every token kind gets its own secret from the generator")
    func secrets() throws {
        let superusers = try #require(try collection("_superusers").auth)
        let users = try #require(try collection("users").auth)
        #expect([superusers.authToken.secret, superusers.passwordResetToken.secret, superusers.emailChangeToken.secret,
                 superusers.verificationToken.secret, superusers.fileToken.secret]
            == ["secret1", "secret2", "secret3", "secret4", "secret5"])
        #expect(users.authToken.secret == "secret6")
        #expect(users.fileToken.secret == "secret10")
    }

    @Test("users: owner-only rules, anyone may sign up")
    func usersRules() throws {
        let users = try collection("users")
        let owner = "id = @request.auth.id"
        #expect(users.id == "_pb_users_auth_")
        #expect(!users.system)
        #expect(users.rules == CollectionRules(list: owner, view: owner, create: "", update: owner, delete: owner))
        #expect(users.auth?.oauth2.mappedFields["name"] == "name")
        #expect(users.auth?.oauth2.mappedFields["avatarURL"] == "avatar")
        #expect(users.auth?.oauth2.mappedFields["id"] == "")
        #expect(users.fields.map(\.name)
            == ["id", "password", "tokenKey", "email", "emailVisibility", "verified", "name", "avatar", "created", "updated"])
    }

    @Test("_superusers: only superusers (all rules nil)")
    func superusersRules() throws {
        let superusers = try collection("_superusers")
        #expect(superusers.rules == CollectionRules())
        #expect(superusers.auth?.oauth2.mappedFields["name"] == "")
        #expect(superusers.fields.map(\.name)
            == ["id", "password", "tokenKey", "email", "emailVisibility", "verified", "created", "updated"])
    }

    @Test("helper collections: owner rule; only _externalAuths and _authOrigins may be deleted by the owner",
          arguments: [("_mfas", false), ("_otps", false), ("_externalAuths", true), ("_authOrigins", true)])
    func helperRules(name: String, deletable: Bool) throws {
        let helper = try collection(name)
        #expect(helper.rules.list == SystemCollections.ownerRule)
        #expect(helper.rules.view == SystemCollections.ownerRule)
        #expect(helper.rules.create == nil)
        #expect(helper.rules.update == nil)
        #expect(helper.rules.delete == (deletable ? SystemCollections.ownerRule : nil))
        #expect(helper.auth == nil)
    }

    @Test("_otps password: bcrypt cost 8, hidden, no minimum")
    func otpPassword() throws {
        let otps = try collection("_otps")
        guard case .password(let password) = otps.field(named: "password") else {
            Issue.record("no password field")
            return
        }
        #expect(password.cost == 8)
        #expect(password.effectiveCost == 8)
        #expect(password.base.hidden)
        #expect(password.min == 0)
        #expect(otps.hiddenFieldNames == ["password", "sentTo"])
    }

    @Test("auth password: cost 0 means bcrypt's default 10, minimum 8")
    func authPassword() throws {
        guard case .password(let password) = try collection("users").field(named: "password") else {
            Issue.record("no password field")
            return
        }
        #expect(password.cost == 0)
        #expect(password.effectiveCost == 10)
        #expect(password.min == 8)
        #expect(try collection("users").hiddenFieldNames == ["password", "tokenKey"])
    }

    @Test("auth indexes name the collection id")
    func authIndexes() {
        #expect(SystemCollections.authIndexes(table: "members", id: "pbc_1")
            == ["CREATE UNIQUE INDEX `idx_tokenKey_pbc_1` ON `members` (`tokenKey`)",
                "CREATE UNIQUE INDEX `idx_email_pbc_1` ON `members` (`email`) WHERE `email` != ''"])
    }
}
