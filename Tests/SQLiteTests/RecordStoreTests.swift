import Foundation
import PocketApplication
import PocketDomain
import PocketSQLite
import PocketTestSupport
import Testing

@Suite("SQLiteRecordStore")
struct RecordStoreTests {
    @Test("insert, find, update, delete and count round trip with typed values")
    func roundTrip() throws {
        try withDataDirectory { directory, _ throws in
            let collection = allTypesCollection()
            try directory.collections.create(collection)
            let store = directory.records
            var record = Record(collection: collection, values: object([
                "id": "abc123def456ghi", "title": "Hello", "count": 42.5, "flag": true,
                "tags": ["a", "b"], "kind": "x", "docs": ["f1.png"], "owner": "r1",
                "meta": ["k": [1, nil, "v"]], "place": ["lon": 1.5, "lat": -2], "unknown": "ignored",
            ]))
            try store.insert(record, into: collection)
            #expect(try store.countRecords(in: collection) == 1)

            let found = try #require(try store.record(in: collection, id: "abc123def456ghi"))
            #expect(found.collectionID == collection.id)
            #expect(found["title"] == "Hello")
            #expect(found["count"] == 42.5)
            #expect(found["flag"] == true)
            #expect(found["tags"] == ["a", "b"])
            #expect(found["kind"] == "x")
            #expect(found["docs"] == ["f1.png"])
            #expect(found["refs"] == [])
            #expect(found["avatar"] == "")
            #expect(found["meta"] == ["k": [1, nil, "v"]])
            #expect(found["place"] == ["lon": 1.5, "lat": -2])
            #expect(found["mail"] == "")
            #expect(found.values["unknown"] == nil)

            record["flag"] = false
            record["count"] = 7
            record["title"] = "Bye"
            try store.update(record, in: collection)
            let updated = try #require(try store.firstRecord(in: collection, where: "title", equals: "Bye"))
            #expect(updated.id == "abc123def456ghi")
            #expect(updated["flag"] == false)
            #expect(updated["count"] == 7)
            #expect(try store.firstRecord(in: collection, where: "title", equals: "bye") == nil)
            #expect(try store.firstRecord(in: collection, where: "nope", equals: "Bye") == nil)

            #expect(try store.delete(id: "abc123def456ghi", from: collection))
            #expect(try !store.delete(id: "abc123def456ghi", from: collection))
            #expect(try store.countRecords(in: collection) == 0)
            #expect(try store.record(in: collection, id: "abc123def456ghi") == nil)
        }
    }

    // Issue 9: an identity is compared as a value; `%` and `_` are not LIKE wildcards.
    @Test("a case-insensitive lookup folds ASCII letters and treats % and _ as plain text")
    func ignoringCase() throws {
        try withDataDirectory { directory, _ throws in
            let collection = allTypesCollection()
            try directory.collections.create(collection)
            let store = directory.records
            for (id, title) in [("aaaaaaaaaaaaaa1", "Hello"), ("aaaaaaaaaaaaaa2", "%"), ("aaaaaaaaaaaaaa3", "É")] {
                try store.insert(Record(collection: collection, values: object(["id": .string(id), "title": .string(title)])),
                                 into: collection)
            }
            #expect(try store.firstRecord(in: collection, where: "title", equalsIgnoringCase: "hELLO")?.id == "aaaaaaaaaaaaaa1")
            #expect(try store.firstRecord(in: collection, where: "title", equalsIgnoringCase: "%")?.id == "aaaaaaaaaaaaaa2")
            #expect(try store.firstRecord(in: collection, where: "title", equalsIgnoringCase: "H%") == nil)
            #expect(try store.firstRecord(in: collection, where: "title", equalsIgnoringCase: "_ello") == nil)
            // SQLite's NOCASE folds ASCII only, as PocketBase's index does.
            #expect(try store.firstRecord(in: collection, where: "title", equalsIgnoringCase: "é") == nil)
            #expect(try store.firstRecord(in: collection, where: "nope", equalsIgnoringCase: "x") == nil)
        }
    }

    @Test("a transaction commits all of its writes or none; a failing write inside undoes only itself")
    func transaction() throws {
        try withDataDirectory { directory, _ throws in
            let collection = allTypesCollection()
            try directory.collections.create(collection)
            let store = directory.records
            func record(_ id: String) -> Record { Record(collection: collection, values: object(["id": .string(id), "title": .string(id)])) }
            struct Boom: Error {}
            #expect(throws: Boom.self) {
                try store.transaction { tx in
                    try tx.insert(record("bbbbbbbbbbbbbb1"), into: collection)
                    #expect(try tx.record(in: collection, id: "bbbbbbbbbbbbbb1") != nil)
                    throw Boom()
                }
            }
            #expect(try store.countRecords(in: collection) == 0)
            try store.transaction { tx in
                try tx.insert(record("bbbbbbbbbbbbbb2"), into: collection)
                // A duplicate id fails alone; the transaction goes on.
                #expect(throws: StoreError.self) { try tx.insert(record("bbbbbbbbbbbbbb2"), into: collection) }
                try tx.insert(record("bbbbbbbbbbbbbb3"), into: collection)
            }
            #expect(try store.countRecords(in: collection) == 2)
        }
    }

    @Test("holds: a single field by equality, a multiple one by its items, with a limit")
    func holds() throws {
        try withDataDirectory { directory, _ throws in
            let collection = allTypesCollection()
            try directory.collections.create(collection)
            let store = directory.records
            for (id, tags, owner) in [("ccccccccccccc1", ["a", "b"], "r1"), ("ccccccccccccc2", ["b"], "r2"),
                                      ("ccccccccccccc3", ["ab"], "r1")] {
                try store.insert(Record(collection: collection, values: object([
                    "id": .string(id), "title": .string(id), "tags": .array(tags.map(JSONValue.string)),
                    "owner": .string(owner)])),
                                 into: collection)
            }
            #expect(try store.records(in: collection, where: "tags", holds: "b", limit: nil).map(\.id)
                == ["ccccccccccccc1", "ccccccccccccc2"])
            #expect(try store.records(in: collection, where: "tags", holds: "b", limit: 1).map(\.id) == ["ccccccccccccc1"])
            #expect(try store.records(in: collection, where: "tags", holds: "a", limit: nil).map(\.id) == ["ccccccccccccc1"])
            #expect(try store.records(in: collection, where: "owner", holds: "r1", limit: nil).map(\.id)
                == ["ccccccccccccc1", "ccccccccccccc3"])
            #expect(try store.records(in: collection, where: "nope", holds: "r1", limit: nil).isEmpty)
        }
    }

    @Test("defaults fill unset columns; an empty id is generated by the column default")
    func defaults() throws {
        try withDataDirectory { directory, _ throws in
            let collection = allTypesCollection()
            try directory.collections.create(collection)
            try directory.records.insert(Record(collection: collection, values: object(["id": "", "title": "t"])), into: collection)
            let found = try #require(try directory.records.firstRecord(in: collection, where: "title", equals: "t"))
            #expect(found.id.count == 15)
            #expect(found["count"] == 0)
            #expect(found["flag"] == false)
            #expect(found["meta"] == nil)
            #expect(found["tags"] == [])
            #expect(found["place"] == ["lon": 0, "lat": 0])
        }
    }

    @Test("a query by ids reads just those records, in chunks when there are many")
    func byIDs() throws {
        try withDataDirectory { directory, _ throws in
            let collection = allTypesCollection()
            try directory.collections.create(collection)
            let ids = (0..<1_203).map { String(format: "id%013d", $0) }
            for id in ids {
                try directory.records.insert(Record(collection: collection, values: object(["id": .string(id), "title": .string(id)])),
                                             into: collection)
            }
            let wanted = ["id0000000000007", "id0000000000003", "nope", "id0000000000003"]
            let found = try directory.records.records(matching: RecordQuery(collection: collection, ids: wanted))
            #expect(Set(found.map(\.id)) == ["id0000000000003", "id0000000000007"])
            #expect(found.count == 2)
            #expect(try directory.records.records(matching: RecordQuery(collection: collection, ids: [])).isEmpty)
            let all = try directory.records.records(matching: RecordQuery(collection: collection, ids: ids.reversed()))
            #expect(all.count == 1_203)
            #expect(Set(all.map(\.id)) == Set(ids))
        }
    }

    @Test("records by exact column equality come back in insertion order")
    func byColumn() throws {
        try withDataDirectory { directory, _ throws in
            let collection = allTypesCollection()
            try directory.collections.create(collection)
            for (id, owner) in [("a00000000000001", "r1"), ("a00000000000002", "r2"), ("a00000000000003", "r1")] {
                try directory.records.insert(Record(collection: collection, values: object([
                    "id": .string(id), "title": .string(id), "owner": .string(owner)])), into: collection)
            }
            let found = try directory.records.records(in: collection, where: "owner", equals: "r1")
            #expect(found.map(\.id) == ["a00000000000001", "a00000000000003"])
            #expect(try directory.records.records(in: collection, where: "owner", equals: "R1").isEmpty)
            #expect(try directory.records.records(in: collection, where: "nope", equals: "r1").isEmpty)
        }
    }

    @Test("updates and deletes written together: all of them, or none when one fails")
    func writeTogether() throws {
        try withDataDirectory { directory, _ throws in
            let collection = allTypesCollection()
            try directory.collections.create(collection)
            for id in ["w00000000000001", "w00000000000002"] {
                try directory.records.insert(Record(collection: collection, values: object([
                    "id": .string(id), "title": .string(id)])), into: collection)
            }
            var renamed = try #require(try directory.records.record(in: collection, id: "w00000000000001"))
            renamed["title"] = "renamed"
            var missing = allTypesCollection()
            missing.name = "no_such_table"
            #expect(throws: (any Error).self) {
                try directory.records.write(updates: [(renamed, collection)],
                                            deletions: [(id: "w00000000000002", collection: collection),
                                                        (id: "x", collection: missing)])
            }
            #expect(try directory.records.record(in: collection, id: "w00000000000001")?["title"] == "w00000000000001")
            #expect(try directory.records.record(in: collection, id: "w00000000000002") != nil)

            try directory.records.write(updates: [(renamed, collection)],
                                        deletions: [(id: "w00000000000002", collection: collection)])
            #expect(try directory.records.record(in: collection, id: "w00000000000001")?["title"] == "renamed")
            #expect(try directory.records.record(in: collection, id: "w00000000000002") == nil)
        }
    }

    @Test("an unparsable json column comes back as a string")
    func unparsableJSON() throws {
        try withDataDirectory { directory, _ throws in
            let collection = allTypesCollection()
            try directory.collections.create(collection)
            try directory.data.write { try $0.run("INSERT INTO things (id, meta) VALUES ('x', 'not json')") }
            let found = try #require(try directory.records.record(in: collection, id: "x"))
            #expect(found["meta"] == "not json")
        }
    }

    @Test("two superusers with one email break the unique index on email")
    func uniqueEmail() throws {
        try withDataDirectory { directory, _ throws in
            let superusers = try #require(try directory.collections.loadCollections().first { $0.name == "_superusers" })
            func superuser(_ id: String, tokenKey: String) -> Record {
                Record(collection: superusers, values: object([
                    "id": .string(id), "email": "su@example.com", "tokenKey": .string(tokenKey), "password": "x",
                ]))
            }
            try directory.records.insert(superuser("aaaaaaaaaaaaaaa", tokenKey: "k1"), into: superusers)
            #expect(throws: StoreError.uniqueViolation(columns: ["email"])) {
                try directory.records.insert(superuser("bbbbbbbbbbbbbbb", tokenKey: "k2"), into: superusers)
            }
            #expect(throws: StoreError.uniqueViolation(columns: ["id"])) {
                try directory.records.insert(
                    Record(collection: superusers, values: object(["id": "aaaaaaaaaaaaaaa", "email": "other@example.com",
                                                                   "tokenKey": "k3"])),
                    into: superusers)
            }
            #expect(try directory.records.countRecords(in: superusers) == 1)
        }
    }

    @Test("a unique index over several columns names them all")
    func uniqueSeveralColumns() throws {
        try withDataDirectory { directory, _ throws in
            let origins = try #require(try directory.collections.loadCollections().first { $0.name == "_authOrigins" })
            let values = object(["collectionRef": "c", "recordRef": "r", "fingerprint": "f"])
            var first = Record(collection: origins, values: values)
            first.id = "aaaaaaaaaaaaaaa"
            var second = Record(collection: origins, values: values)
            second.id = "bbbbbbbbbbbbbbb"
            try directory.records.insert(first, into: origins)
            #expect(throws: StoreError.uniqueViolation(columns: ["collectionRef", "recordRef", "fingerprint"])) {
                try directory.records.insert(second, into: origins)
            }
        }
    }
}
