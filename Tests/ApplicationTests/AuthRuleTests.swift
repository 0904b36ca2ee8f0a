import PocketApplication
import PocketDomain
import PocketSQLite
import PocketTestSupport
import Testing

@Suite("AuthService: auth rule, refreshable tokens, NOCASE identities")
struct AuthRuleTests {
    private static let refused = ApplicationError.forbidden(
        "The request doesn't satisfy the collection requirements to authenticate.")

    @Test("a non-empty authRule is evaluated against the signing-in record")
    func authRuleEvaluated() async throws {
        try await withAuth(configureUsers: { $0.authRule = "verified = true" }) { h in
            var alice = try h.addUser()
            let result = try await h.service.authWithPassword(collection: "users", h.alicePassword)
            #expect(result.record.id == alice.id)

            alice["verified"] = false
            try h.directory.records.update(alice, in: try h.users)
            await #expect(throws: Self.refused) {
                try await h.service.authWithPassword(collection: "users", h.alicePassword)
            }
        }
    }

    @Test("auth-refresh applies the authRule with the caller as @request.auth")
    func refreshAppliesAuthRule() async throws {
        try await withAuth(configureUsers: { $0.authRule = "@request.auth.id = id && verified = false" }) { h in
            let alice = try h.addUser()
            let auth = AuthContext(record: alice, collection: try h.users)
            #expect(throws: Self.refused) { try h.service.authRefresh(collection: "users", auth: auth) }
        }
        try await withAuth(configureUsers: { $0.authRule = "@request.auth.id = id" }) { h in
            let alice = try h.addUser()
            let auth = AuthContext(record: alice, collection: try h.users)
            #expect(try h.service.authRefresh(collection: "users", auth: auth).record.id == alice.id)
        }
    }

    @Test("a rule that cannot be bound refuses sign-in")
    func unbindableRule() async throws {
        try await withAuth(configureUsers: { $0.authRule = "missingField = 1" }) { h in
            try h.addUser()
            await #expect(throws: Self.refused) {
                try await h.service.authWithPassword(collection: "users", h.alicePassword)
            }
        }
    }

    @Test("auth-refresh refuses a token whose refreshable claim is missing or false")
    func nonRefreshable() async throws {
        try await withAuth { h in
            let alice = try h.addUser()
            let users = try h.users
            let auth = AuthContext(record: alice, collection: users)
            let message = ApplicationError.forbidden("The current auth token is not refreshable.")
            for refreshable: JSONValue? in [nil, .bool(false), .string("no"), .number(0), .null] {
                var claims = JSONObject([("id", .string(alice.id)), ("collectionId", .string(users.id)),
                                         ("type", .string("auth"))])
                if let refreshable { claims["refreshable"] = refreshable }
                let token = h.signer.sign(claims, secret: "whatever")
                #expect(throws: message) { try h.service.authRefresh(collection: "users", auth: auth, token: token) }
            }
            let good = h.tokens.authToken(for: alice, in: users)
            #expect(try h.service.authRefresh(collection: "users", auth: auth, token: good).record.id == alice.id)
            #expect(h.tokens.isRefreshable(h.tokens.authToken(for: alice, in: users, refreshable: false)) == false)
        }
    }

    @Test("only a single-column unique index with COLLATE NOCASE makes an identity case-insensitive")
    func nocaseIndex() throws {
        func collection(_ indexes: [String]) -> Collection {
            var c = Collection(id: "c1", name: "people", kind: .auth, fields: [])
            c.indexes = indexes
            return c
        }
        #expect(AuthService.hasNocaseUniqueIndex(
            collection(["CREATE UNIQUE INDEX idx_u ON people (username COLLATE NOCASE)"]), column: "username"))
        #expect(AuthService.hasNocaseUniqueIndex(
            collection(["CREATE UNIQUE INDEX `idx_u` ON `people` (`Username` collate nocase)"]), column: "username"))
        #expect(!AuthService.hasNocaseUniqueIndex(
            collection(["CREATE UNIQUE INDEX idx_u ON people (username)"]), column: "username"))
        #expect(!AuthService.hasNocaseUniqueIndex(
            collection(["CREATE INDEX idx_u ON people (username COLLATE NOCASE)"]), column: "username"))
        #expect(!AuthService.hasNocaseUniqueIndex(
            collection(["CREATE UNIQUE INDEX idx_u ON people (username COLLATE NOCASE, email)"]), column: "username"))
    }

    @Test("a non-empty MFA rule asks only records it matches for a second factor")
    func mfaRule() async throws {
        try await withAuth(adjusting: [SystemCollections.users: enableOTP(mfa: true, mfaRule: "verified = false")]) { h in
            let alice = try h.addUser()
            // Alice is verified, so the rule does not match her: no second factor.
            #expect(try await h.service.authWithPassword(collection: "users", h.alicePassword).record.id == alice.id)
        }
        try await withAuth(adjusting: [SystemCollections.users: enableOTP(mfa: true, mfaRule: "missingField = 1")]) { h in
            try h.addUser()
            await #expect(throws: ApplicationError.badRequest("Failed to authenticate.")) {
                try await h.service.authWithPassword(collection: "users", h.alicePassword)
            }
        }
    }
}
