import PocketApplication
import PocketDomain
import PocketSQLite
import PocketTestSupport
import Testing

@Suite("SQLiteRecordStore.wouldMatch")
struct RecordStoreWouldMatchTests {
    @Test("checks an unsaved record against rules without writing it")
    func wouldMatch() throws {
        try withDataDirectory { directory, _ throws in
            let collection = allTypesCollection()
            try directory.collections.create(collection)
            let store = directory.records
            let record = Record(collection: collection, values: object(["id": "abc123def456ghi", "title": "Hello"]))
            let environment = RuleEnvironment(now: DateTime(unixSeconds: 1_700_000_000))
            func rules(_ text: String) throws -> [BoundRule] {
                [try RuleBinder.bind(text, collection: collection, schema: SchemaSnapshot([collection]),
                                     environment: environment, options: .apiRule)]
            }
            #expect(try store.wouldMatch(record, in: collection, rules: rules(#"title = "Hello""#)))
            #expect(try !store.wouldMatch(record, in: collection, rules: rules(#"title = "Bye""#)))
            #expect(try store.countRecords(in: collection) == 0)
        }
    }
}
