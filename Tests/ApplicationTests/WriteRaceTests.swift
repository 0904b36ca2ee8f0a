import PocketApplication
import PocketDomain
import PocketSQLite
import PocketTestSupport
import Testing

/// Issue 9, item 5: a write that another request overtakes neither loses that request's change
/// nor acts on a token that request already used.
@Suite("writes overtaken by another request")
struct WriteRaceTests {
    @Test("an update made from an older read keeps the field another update changed meanwhile")
    func updatesOfDifferentFields() async throws {
        try await withAuth { h in
            try h.addUser()
            let users = try h.users
            let superuser = AuthContext(record: Record(collection: try h.superusers), collection: try h.superusers)
            // Between this PATCH's read and its write, another request sets the name.
            let store = InterleavingRecordStore(h.directory.records) { base in
                var other = try #require(try base.record(in: users, id: AuthHarness.userID))
                other["name"] = "Set meanwhile"
                try base.update(other, in: users)
            }
            let service = RecordService(registry: h.collections, records: store, files: InMemoryFileStorage(),
                                        clock: h.clock, hasher: h.hasher, random: h.random, blocking: h.blocking)
            _ = try await service.update("users", id: AuthHarness.userID,
                                         body: SubmittedBody(values: JSONObject([("emailVisibility", true)])),
                                         request: RequestInfo(auth: superuser))
            let stored = try #require(try h.directory.records.record(in: users, id: AuthHarness.userID))
            #expect(stored["name"] == "Set meanwhile")
            #expect(stored["emailVisibility"] == true)
        }
    }

    @Test("an update whose rule stops holding before its write is a 404 and writes nothing")
    func ruleCheckedInTheWrite() async throws {
        try await withAuth { h in
            let alice = try h.addUser()
            let users = try h.users
            let store = InterleavingRecordStore(h.directory.records) { base in
                var other = try #require(try base.record(in: users, id: AuthHarness.userID))
                other["verified"] = false
                try base.update(other, in: users)
            }
            var guarded = users
            guarded.rules.update = "id = @request.auth.id && verified = true"
            let registry = try CollectionRegistry(store: FixedCollectionStore(
                try h.directory.collections.loadCollections().map { $0.name == "users" ? guarded : $0 }))
            let service = RecordService(registry: registry, records: store, files: InMemoryFileStorage(),
                                        clock: h.clock, hasher: h.hasher, random: h.random, blocking: h.blocking)
            await #expect(throws: ApplicationError.notFound("The requested resource wasn't found.")) {
                _ = try await service.update("users", id: AuthHarness.userID,
                                             body: SubmittedBody(values: JSONObject([("name", "Alice")])),
                                             request: RequestInfo(auth: AuthContext(record: alice, collection: guarded)))
            }
            #expect(try h.directory.records.record(in: users, id: AuthHarness.userID)?["name"] == "")
        }
    }

    @Test("of two password resets with one token, the one overtaken is refused and sets nothing")
    func passwordResetOnce() async throws {
        try await withAuth { h in
            let alice = try h.addUser()
            let users = try h.users
            let token = h.tokens.actionToken(.passwordReset, for: alice, in: users)
            // The other reset commits first: new password, new tokenKey.
            let store = InterleavingRecordStore(h.directory.records) { base in
                var other = try #require(try base.record(in: users, id: AuthHarness.userID))
                other["password"] = .string(try h.hasher.hash("winner-password", cost: 10))
                other["tokenKey"] = "renewed-by-the-other-reset"
                try base.update(other, in: users)
            }
            let service = AuthService(collections: h.collections, records: store, hasher: h.hasher, tokens: h.tokens,
                                      blocking: h.blocking, clock: h.clock, random: h.random,
                                      mail: AccountMail(outbox: h.mailbox.outbox, settings: { AuthHarness.settings }))
            await #expect(throws: ApplicationError.validation(FieldErrors("token", ValidationError(
                code: "validation_invalid_token", message: "Invalid or expired token.")))) {
                try await service.confirmPasswordReset(collection: "users", token: token, password: "loser-password",
                                                       passwordConfirm: "loser-password")
            }
            let stored = try #require(try h.directory.records.record(in: users, id: AuthHarness.userID))
            #expect(h.hasher.verify("winner-password", against: stored.string("password")))
            #expect(stored["tokenKey"] == "renewed-by-the-other-reset")
        }
    }
}
