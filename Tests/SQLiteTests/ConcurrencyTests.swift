import Dispatch
import Synchronization
import PocketDomain
import PocketSQLite
import PocketTestSupport
import Testing

@Suite("SQLiteDatabase concurrency")
struct ConcurrencyTests {
    @Test("parallel writers and readers neither deadlock nor lose rows")
    func parallel() throws {
        try withDataDirectory { directory, _ throws in
            let collection = allTypesCollection()
            try directory.collections.create(collection)
            let store = directory.records
            let failures = FailureCounter()
            DispatchQueue.concurrentPerform(iterations: 64) { index in
                do {
                    let id = "r" + String(repeating: "0", count: 12 - String(index).count) + String(index) + "xx"
                    let values = object(["id": .string(id), "title": .string(id), "count": .number(Double(index))])
                    try store.insert(Record(collection: collection, values: values), into: collection)
                    _ = try store.countRecords(in: collection)
                    _ = try store.record(in: collection, id: id)
                } catch {
                    failures.record()
                }
            }
            #expect(failures.count == 0)
            #expect(try store.countRecords(in: collection) == 64)
        }
    }
}

/// Counts failures reported from concurrent work.
private final class FailureCounter: Sendable {
    private let value = Mutex(0)
    func record() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}
