public import PocketApplication
public import PocketDomain
internal import Synchronization

/// A real store with another writer slipped in: the first `transaction` runs `interloper` on the
/// underlying store just before its body, as a concurrent request committing between a use case's
/// read and its write would. Everything else is forwarded unchanged.
public final class InterleavingRecordStore: RecordStore {
    private let base: any RecordStore
    private let interloper: Mutex<(@Sendable (any RecordStore) throws -> Void)?>

    public init(_ base: any RecordStore, interloper: @escaping @Sendable (any RecordStore) throws -> Void) {
        self.base = base
        self.interloper = Mutex(interloper)
    }

    public func transaction<T: Sendable>(_ body: (any RecordStore) throws -> T) throws -> T {
        if let interloper = interloper.withLock({ current in defer { current = nil }; return current }) {
            try interloper(base)
        }
        return try base.transaction(body)
    }

    public func record(in collection: Collection, id: String) throws -> Record? {
        try base.record(in: collection, id: id)
    }
    public func firstRecord(in collection: Collection, where field: String, equals value: String) throws -> Record? {
        try base.firstRecord(in: collection, where: field, equals: value)
    }
    public func firstRecord(in collection: Collection, where field: String, equalsIgnoringCase value: String) throws
        -> Record? {
        try base.firstRecord(in: collection, where: field, equalsIgnoringCase: value)
    }
    public func records(in collection: Collection, where field: String, equals value: String) throws -> [Record] {
        try base.records(in: collection, where: field, equals: value)
    }
    public func records(in collection: Collection, where field: String, holds value: String, limit: Int?) throws
        -> [Record] {
        try base.records(in: collection, where: field, holds: value, limit: limit)
    }
    public func countRecords(in collection: Collection) throws -> Int { try base.countRecords(in: collection) }
    public func insert(_ record: Record, into collection: Collection) throws { try base.insert(record, into: collection) }
    public func update(_ record: Record, in collection: Collection) throws { try base.update(record, in: collection) }
    public func delete(id: String, from collection: Collection) throws -> Bool { try base.delete(id: id, from: collection) }
    public func write(updates: [(Record, Collection)], deletions: [(id: String, collection: Collection)]) throws {
        try base.write(updates: updates, deletions: deletions)
    }
    public func deleteAll(in collection: Collection) throws { try base.deleteAll(in: collection) }
    public func save(_ record: Record, in collection: Collection, isNew: Bool, requiring check: RecordQuery?) throws
        -> Bool {
        try base.save(record, in: collection, isNew: isNew, requiring: check)
    }
    public func records(matching query: RecordQuery) throws -> [Record] { try base.records(matching: query) }
    public func count(matching query: RecordQuery) throws -> Int { try base.count(matching: query) }
    public func wouldMatch(_ record: Record, in collection: Collection, rules: [BoundRule]) throws -> Bool {
        try base.wouldMatch(record, in: collection, rules: rules)
    }
}
