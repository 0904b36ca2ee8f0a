import PocketApplication
import PocketDomain
import PocketSQLite
import PocketTestSupport
import Testing

/// Issue 9, item 7: an unexpected database failure keeps its cause for the log and gets
/// PocketBase's answer, with nothing half written.
@Suite("store failures are reported with their cause")
struct StoreFailureTests {
    @Test("a full database fails a create with PocketBase's 400 and the cause, and stores nothing")
    func diskFull() async throws {
        try await withAuth { h in
            let users = try h.users
            let before = try h.directory.records.countRecords(in: users)
            let pages = try h.directory.data.withWriterConnection { try $0.queryFirst("PRAGMA page_count")?[0].integer ?? 0 }
            try h.directory.data.withWriterConnection { try $0.execute("PRAGMA max_page_count = \(pages)") }
            let service = RecordService(registry: h.collections, records: h.directory.records, files: InMemoryFileStorage(),
                                        clock: h.clock, hasher: h.hasher, random: h.random, blocking: h.blocking)
            let superuser = AuthContext(record: Record(collection: try h.superusers), collection: try h.superusers)
            let body = JSONObject([("email", "big@example.com"), ("password", "12345678901"),
                                   ("passwordConfirm", "12345678901"), ("name", .string(String(repeating: "x", count: 200)))])
            do {
                for n in 0..<50 {
                    var values = body
                    values["email"] = .string("big\(n)@example.com")
                    _ = try await service.create("users", body: SubmittedBody(values: values), request: RequestInfo(auth: superuser))
                }
                Issue.record("expected the database to fill up")
            } catch let failure as StoreFailure {
                #expect(failure.answer == .badRequest("Failed to create record."))
                #expect(failure.cause.contains("database or disk is full"))
            }
            try h.directory.data.withWriterConnection { try $0.execute("PRAGMA max_page_count = 1073741823") }
            let after = try h.directory.records.countRecords(in: users)
            #expect(after >= before)
            #expect(try h.directory.records.records(matching: RecordQuery(collection: users)).allSatisfy {
                !$0.string("tokenKey").isEmpty && !$0.string("password").isEmpty })
        }
    }
}
