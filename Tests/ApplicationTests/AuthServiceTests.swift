import PocketApplication
import PocketDomain
import PocketSQLite
import PocketTestSupport
import Testing

/// The pieces of an `AuthService` over a real data directory, with fast fakes for hashing,
/// signing and blocking work.
struct AuthHarness {
    let directory: SQLiteDataDirectory
    let clock: FixedClock
    let collections: CollectionRegistry
    let hasher = PlainPasswordHasher()
    let blocking = InlineBlockingRunner()
    let signer = FakeTokenSigner()
    let random = SequentialRandom(seed: 7)
    /// What the auth flows mailed (through an outbox, as in the app).
    let mailbox = TestMailbox()

    var tokens: AuthTokens { AuthTokens(signer: signer, clock: clock) }
    /// A new service each time: keep one in a test that relies on its resend guards.
    var service: AuthService {
        AuthService(collections: collections, records: directory.records, hasher: hasher, tokens: tokens,
                    blocking: blocking, clock: clock, random: random,
                    mail: AccountMail(outbox: mailbox.outbox, settings: { Self.settings }))
    }

    /// Settings with a sender and an app name, as the mails use them.
    static let settings: AppSettings = {
        AppSettings.defaults.merging(JSONObject([("meta", .object(JSONObject([
            ("appName", "Acme Test"), ("appURL", "https://app.example.test"),
            ("senderName", "Acme Support"), ("senderAddress", "noreply@example.test"),
        ])))]))
    }()
    var users: Collection { get throws { try collections.named("users") } }
    var superusers: Collection { get throws { try collections.named("_superusers") } }

    static let userID = "u00000000000001"
    static let userEmail = "alice@example.com"
    static let userPassword = "correct horse"
    static let userTokenKey = "alice-token-key-0123456789abcdefghijklmnopqrstuv"

    /// Inserts Alice into `users` and returns her stored record.
    @discardableResult
    func addUser() throws -> Record {
        let users = try users
        try directory.records.insert(
            authRecord(in: users, id: Self.userID, email: Self.userEmail,
                       passwordHash: try hasher.hash(Self.userPassword, cost: 10), tokenKey: Self.userTokenKey),
            into: users)
        return try #require(try directory.records.record(in: users, id: Self.userID))
    }

    /// Inserts a superuser and returns its stored record.
    @discardableResult
    func addSuperuser() throws -> Record {
        let superusers = try superusers
        try directory.records.insert(
            authRecord(in: superusers, id: "s00000000000001", email: "root@example.com",
                       passwordHash: try hasher.hash("rootpass1", cost: 10),
                       tokenKey: "root-token-key-0123456789abcdefghijklmnopqrstuvw"),
            into: superusers)
        return try #require(try directory.records.record(in: superusers, id: "s00000000000001"))
    }
}

/// Runs `body` over a fresh data directory whose `users` options are changed by `configureUsers`.
func withAuth(configureUsers: ((inout AuthOptions) -> Void)? = nil,
              _ body: (AuthHarness) async throws -> Void) async throws {
    try await withDataDirectory { directory, clock in
        let collections = try registry(of: directory,
                                       adjusting: configureUsers.map { [SystemCollections.users: $0] } ?? [:])
        try await body(AuthHarness(directory: directory, clock: clock, collections: collections))
    }
}

@Suite("AuthService")
struct AuthServiceTests {
    // MARK: Collection context

    @Test("requireAuthCollection gives PocketBase's 404s and matches names ignoring case")
    func requireAuthCollection() async throws {
        try await withDataDirectory { directory, _ in
            let service = AuthService(collections: try registry(of: directory), records: UnimplementedRecordStore(),
                                      hasher: UnimplementedPasswordHasher(),
                                      tokens: AuthTokens(signer: UnimplementedTokenSigner(), clock: FixedClock()),
                                      blocking: UnimplementedBlockingRunner(), clock: FixedClock(),
                                      random: SequentialRandom())
            #expect(throws: ApplicationError.notFound("Missing or invalid collection context.")) {
                try service.requireAuthCollection("missing")
            }
            #expect(throws: ApplicationError.notFound("Missing or invalid auth collection context.")) {
                try service.requireAuthCollection("_otps")
            }
            #expect(try service.requireAuthCollection("USERS").id == SystemCollections.usersID)
            #expect(try service.requireAuthCollection(SystemCollections.usersID).name == "users")
            #expect(try service.requireAuthCollection("_superusers").name == "_superusers")
        }
    }

    // MARK: auth-with-password

    @Test("a right password returns a token with PocketBase's claims, signed with tokenKey + secret")
    func passwordSuccess() async throws {
        try await withAuth { h in
            let alice = try h.addUser()
            let users = try h.users
            let result = try await h.service.authWithPassword(
                collection: "users", PasswordLogin(identity: AuthHarness.userEmail, password: AuthHarness.userPassword))

            #expect(result.record == alice)
            #expect(result.collection.id == SystemCollections.usersID)
            #expect(h.blocking.runCount == 1)
            let claims = try #require(h.signer.verifiedClaims(
                of: result.token, secret: AuthHarness.userTokenKey + (users.auth?.authToken.secret ?? "")))
            #expect(claims.keys == ["collectionId", "exp", "id", "refreshable", "type"])
            #expect(claims == JSONObject([
                ("collectionId", "_pb_users_auth_"),
                ("exp", .number(Double(testNow.unixSeconds + 604_800))),
                ("id", .string(AuthHarness.userID)),
                ("refreshable", true),
                ("type", "auth"),
            ]))
            #expect(h.signer.verifiedClaims(of: result.token, secret: users.auth?.authToken.secret ?? "") == nil)
        }
    }

    @Test("an explicit identityField from the allowed list is used")
    func explicitIdentityField() async throws {
        try await withAuth { h in
            try h.addUser()
            let result = try await h.service.authWithPassword(
                collection: SystemCollections.usersID,
                PasswordLogin(identity: AuthHarness.userEmail, password: AuthHarness.userPassword, identityField: "email"))
            #expect(result.record.id == AuthHarness.userID)
        }
    }

    @Test("superuser tokens last the _superusers authToken duration (one day)")
    func superuserTokenDuration() async throws {
        try await withAuth { h in
            let root = try h.addSuperuser()
            let result = try await h.service.authWithPassword(
                collection: "_superusers", PasswordLogin(identity: "root@example.com", password: "rootpass1"))
            #expect(result.record == root)
            let claims = try #require(h.signer.unverifiedClaims(of: result.token))
            #expect(claims["exp"] == .number(Double(testNow.unixSeconds + 86_400)))
            #expect(claims["collectionId"] == .string(try h.superusers.id))
        }
    }

    @Test("a wrong password or an unknown identity fails the same way, still checking a hash")
    func passwordFailure() async throws {
        try await withAuth { h in
            try h.addUser()
            await #expect(throws: ApplicationError.badRequest("Failed to authenticate.")) {
                try await h.service.authWithPassword(
                    collection: "users", PasswordLogin(identity: AuthHarness.userEmail, password: "wrong password"))
            }
            await #expect(throws: ApplicationError.badRequest("Failed to authenticate.")) {
                try await h.service.authWithPassword(
                    collection: "users", PasswordLogin(identity: "bob@example.com", password: AuthHarness.userPassword))
            }
            // Lookups are exact: another case of the email is another identity.
            await #expect(throws: ApplicationError.badRequest("Failed to authenticate.")) {
                try await h.service.authWithPassword(
                    collection: "users", PasswordLogin(identity: "ALICE@example.com", password: AuthHarness.userPassword))
            }
            #expect(h.hasher.verifyCount == 3)
            #expect(h.blocking.runCount == 3)
        }
    }

    @Test("missing identity and password are validation errors")
    func missingValues() async throws {
        try await withAuth { h in
            var expected = FieldErrors("identity", .required)
            expected.add("password", .required)
            await #expect(throws: ApplicationError.validation(expected)) {
                try await h.service.authWithPassword(collection: "users", PasswordLogin(identity: "", password: ""))
            }
            #expect(expected["identity"]?.code == "validation_required")
            #expect(expected["password"]?.code == "validation_required")
            #expect(h.blocking.runCount == 0)
        }
    }

    @Test("an identityField outside the collection's identity fields is validation_in_invalid")
    func identityFieldNotAllowed() async throws {
        try await withAuth { h in
            try h.addUser()
            let expected = FieldErrors("identityField", .notInList)
            await #expect(throws: ApplicationError.validation(expected)) {
                try await h.service.authWithPassword(
                    collection: "users",
                    PasswordLogin(identity: AuthHarness.userEmail, password: AuthHarness.userPassword,
                                  identityField: "username"))
            }
            #expect(expected["identityField"]?.code == "validation_in_invalid")
        }
    }

    @Test("values over 255 characters are out of range")
    func tooLong() async throws {
        try await withAuth { h in
            let long = String(repeating: "a", count: 256)
            var expected = FieldErrors("identity", .outOfRange(min: 1, max: 255))
            expected.add("password", .outOfRange(min: 1, max: 255))
            await #expect(throws: ApplicationError.validation(expected)) {
                try await h.service.authWithPassword(collection: "users", PasswordLogin(identity: long, password: long))
            }
        }
    }

    @Test("password auth turned off is forbidden before the body is checked")
    func passwordAuthDisabled() async throws {
        try await withAuth(configureUsers: { $0.passwordAuth.enabled = false }) { h in
            await #expect(throws: ApplicationError.forbidden(
                "The collection is not configured to allow password authentication.")) {
                try await h.service.authWithPassword(collection: "users", PasswordLogin(identity: "", password: ""))
            }
        }
    }

    @Test("a null authRule refuses sign-in even with the right password")
    func nullAuthRule() async throws {
        try await withAuth(configureUsers: { $0.authRule = nil }) { h in
            try h.addUser()
            await #expect(throws: ApplicationError.forbidden(
                "The request doesn't satisfy the collection requirements to authenticate.")) {
                try await h.service.authWithPassword(
                    collection: "users", PasswordLogin(identity: AuthHarness.userEmail, password: AuthHarness.userPassword))
            }
        }
    }

    @Test("a bad password is reported before the authRule is looked at")
    func badPasswordBeforeAuthRule() async throws {
        try await withAuth(configureUsers: { $0.authRule = nil }) { h in
            try h.addUser()
            await #expect(throws: ApplicationError.badRequest("Failed to authenticate.")) {
                try await h.service.authWithPassword(
                    collection: "users", PasswordLogin(identity: AuthHarness.userEmail, password: "nope"))
            }
        }
    }

    // MARK: authenticate(token:)

    @Test("authenticate accepts a token the service issued")
    func authenticateOwnToken() async throws {
        try await withAuth { h in
            let alice = try h.addUser()
            let token = h.tokens.authToken(for: alice, in: try h.users)
            let context = try #require(h.service.authenticate(token: token))
            #expect(context.record == alice)
            #expect(context.collection.id == SystemCollections.usersID)
            #expect(!context.isSuperuser)

            let root = try h.addSuperuser()
            let superContext = try #require(h.service.authenticate(token: h.tokens.authToken(for: root, in: try h.superusers)))
            #expect(superContext.isSuperuser)
            #expect(superContext.record.id == root.id)
        }
    }

    @Test("authenticate rejects a token once the record's tokenKey changes")
    func authenticateAfterTokenKeyChange() async throws {
        try await withAuth { h in
            var alice = try h.addUser()
            let users = try h.users
            let token = h.tokens.authToken(for: alice, in: users)
            alice["tokenKey"] = "a-brand-new-token-key-0123456789abcdefghijklmnop"
            try h.directory.records.update(alice, in: users)
            #expect(h.service.authenticate(token: token) == nil)
            #expect(h.service.authenticate(token: h.tokens.authToken(for: alice, in: users)) != nil)
        }
    }

    @Test("authenticate accepts a token up to its exp second and rejects it after")
    func authenticateExpired() async throws {
        try await withAuth { h in
            let alice = try h.addUser()
            let token = h.tokens.authToken(for: alice, in: try h.users)
            h.clock.advance(seconds: 604_800)
            #expect(h.service.authenticate(token: token) != nil)
            h.clock.advance(seconds: 1)
            #expect(h.service.authenticate(token: token) == nil)
        }
    }

    @Test("authenticate rejects the token of a deleted record")
    func authenticateDeleted() async throws {
        try await withAuth { h in
            let alice = try h.addUser()
            let users = try h.users
            let token = h.tokens.authToken(for: alice, in: users)
            #expect(try h.directory.records.delete(id: alice.id, from: users))
            #expect(h.service.authenticate(token: token) == nil)
        }
    }

    @Test("authenticate turns malformed, foreign and mis-typed tokens into guests")
    func authenticateRejectsOthers() async throws {
        try await withAuth { h in
            let alice = try h.addUser()
            let users = try h.users
            let secret = AuthHarness.userTokenKey + (users.auth?.authToken.secret ?? "")
            func signed(_ claims: JSONObject, secret: String = secret) -> String { h.signer.sign(claims, secret: secret) }
            let exp = JSONValue.number(Double(testNow.unixSeconds + 60))

            #expect(h.service.authenticate(token: "") == nil)
            #expect(h.service.authenticate(token: "garbage") == nil)
            // Signed with another secret.
            #expect(h.service.authenticate(token: signed(
                JSONObject([("collectionId", "_pb_users_auth_"), ("exp", exp), ("id", .string(alice.id)),
                            ("refreshable", true), ("type", "auth")]), secret: "other")) == nil)
            // Another token kind.
            #expect(h.service.authenticate(token: signed(
                JSONObject([("collectionId", "_pb_users_auth_"), ("exp", exp), ("id", .string(alice.id)),
                            ("type", "file")]))) == nil)
            // The collection named instead of its id.
            #expect(h.service.authenticate(token: signed(
                JSONObject([("collectionId", "users"), ("exp", exp), ("id", .string(alice.id)),
                            ("type", "auth")]))) == nil)
            // An id that is not a record.
            #expect(h.service.authenticate(token: signed(
                JSONObject([("collectionId", "_pb_users_auth_"), ("exp", exp), ("id", "nobody000000000"),
                            ("type", "auth")]))) == nil)
            // A different header.
            #expect(h.service.authenticate(token: FakeTokenSigner.token(
                header: #"{"alg":"none","typ":"JWT"}"#,
                payload: #"{"collectionId":"_pb_users_auth_","id":"u00000000000001","type":"auth"}"#,
                secret: secret)) == nil)
            // The right claims without exp never expire (PocketBase 0.28.4).
            #expect(h.service.authenticate(token: signed(
                JSONObject([("collectionId", "_pb_users_auth_"), ("id", .string(alice.id)),
                            ("type", "auth")]))) != nil)
        }
    }

    // MARK: auth-refresh

    @Test("auth-refresh issues a new token for the caller")
    func refreshSuccess() async throws {
        try await withAuth { h in
            let alice = try h.addUser()
            let users = try h.users
            let auth = try #require(h.service.authenticate(token: h.tokens.authToken(for: alice, in: users)))
            h.clock.advance(seconds: 100)
            let result = try h.service.authRefresh(collection: "users", auth: auth)
            #expect(result.record == alice)
            let claims = try #require(h.signer.unverifiedClaims(of: result.token))
            #expect(claims["exp"] == .number(Double(testNow.unixSeconds + 100 + 604_800)))
            #expect(h.service.authenticate(token: result.token)?.record.id == alice.id)
        }
    }

    @Test("auth-refresh without a caller is unauthorized, even for an unknown collection")
    func refreshWithoutAuth() async throws {
        try await withAuth { h in
            #expect(throws: ApplicationError.unauthorized("The request requires valid record authorization token.")) {
                try h.service.authRefresh(collection: "users", auth: nil)
            }
            #expect(throws: ApplicationError.unauthorized("The request requires valid record authorization token.")) {
                try h.service.authRefresh(collection: "missing", auth: nil)
            }
        }
    }

    @Test("auth-refresh of another collection is forbidden, naming the caller's collection")
    func refreshOtherCollection() async throws {
        try await withAuth { h in
            let root = try h.addSuperuser()
            let superusers = try h.superusers
            let auth = AuthContext(record: root, collection: superusers)
            let message = "The request requires auth record from _superusers collection."
            #expect(throws: ApplicationError.forbidden(message)) {
                try h.service.authRefresh(collection: "users", auth: auth)
            }
            #expect(throws: ApplicationError.forbidden(message)) {
                try h.service.authRefresh(collection: "missing", auth: auth)
            }
        }
    }

    @Test("auth-refresh refuses when the authRule became null")
    func refreshNullAuthRule() async throws {
        try await withAuth(configureUsers: { $0.authRule = nil }) { h in
            let alice = try h.addUser()
            let auth = AuthContext(record: alice, collection: try h.users)
            #expect(throws: ApplicationError.forbidden(
                "The request doesn't satisfy the collection requirements to authenticate.")) {
                try h.service.authRefresh(collection: "users", auth: auth)
            }
        }
    }

    // MARK: auth-methods

    static func methodsService(_ directory: SQLiteDataDirectory,
                               configureUsers: ((inout AuthOptions) -> Void)? = nil) throws -> AuthService {
        AuthService(collections: try registry(of: directory,
                                              adjusting: configureUsers.map { [SystemCollections.users: $0] } ?? [:]),
                    records: UnimplementedRecordStore(), hasher: UnimplementedPasswordHasher(),
                    tokens: AuthTokens(signer: UnimplementedTokenSigner(), clock: FixedClock()),
                    blocking: UnimplementedBlockingRunner(), clock: FixedClock(), random: SequentialRandom())
    }

    @Test("auth-methods of a default collection match PocketBase byte for byte")
    func authMethodsDefaults() async throws {
        try await withDataDirectory { directory, _ in
            let service = try Self.methodsService(directory)
            let expected = #"{"password":{"identityFields":["email"],"enabled":true},"oauth2":{"providers":[],"enabled":false},"mfa":{"enabled":false,"duration":0},"otp":{"enabled":false,"duration":0},"authProviders":null,"usernamePassword":false,"emailPassword":true}"#
            #expect(JSONWriter.string(.object(try service.authMethods(collection: "users"))) == expected)
            #expect(JSONWriter.string(.object(try service.authMethods(collection: "_superusers"))) == expected)
            #expect(throws: ApplicationError.notFound("Missing or invalid auth collection context.")) {
                try service.authMethods(collection: "_mfas")
            }
        }
    }

    @Test("auth-methods show durations only when enabled and the username flag from the identity fields")
    func authMethodsConfigured() async throws {
        try await withDataDirectory { directory, _ in
            let service = try Self.methodsService(directory) { options in
                options.passwordAuth.identityFields = ["email", "username"]
                options.mfa.enabled = true
                options.mfa.duration = 600
                options.otp.enabled = true
                options.otp.duration = 120
            }
            #expect(JSONWriter.string(.object(try service.authMethods(collection: "users")))
                == #"{"password":{"identityFields":["email","username"],"enabled":true},"oauth2":{"providers":[],"enabled":false},"mfa":{"enabled":true,"duration":600},"otp":{"enabled":true,"duration":120},"authProviders":null,"usernamePassword":true,"emailPassword":true}"#)

            let disabled = try Self.methodsService(directory) { $0.passwordAuth.enabled = false }
            #expect(JSONWriter.string(.object(try disabled.authMethods(collection: "users")))
                == #"{"password":{"identityFields":[],"enabled":false},"oauth2":{"providers":[],"enabled":false},"mfa":{"enabled":false,"duration":0},"otp":{"enabled":false,"duration":0},"authProviders":null,"usernamePassword":false,"emailPassword":false}"#)
        }
    }
}
