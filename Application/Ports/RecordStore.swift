public import PocketDomain

/// Reads and writes the records of one collection's table.
///
/// Contract: values come back typed by the collection's fields (bool columns as `.bool`, JSON and
/// multi-valued columns parsed, numbers as `.number`, everything else as `.string`); missing columns
/// are left out. Lookups compare exactly (case-sensitive). A write that breaks a unique index throws
/// `StoreError.uniqueViolation`; every write is atomic.
public protocol RecordStore: Sendable {
    func record(in collection: Collection, id: String) throws -> Record?
    /// The first record (by rowid) whose `field` equals `value`.
    func firstRecord(in collection: Collection, where field: String, equals value: String) throws -> Record?
    /// The first record (by rowid) whose `field` equals `value` with ASCII letters folded (SQLite's
    /// `NOCASE`); `value` is compared as a value, never as a pattern.
    func firstRecord(in collection: Collection, where field: String, equalsIgnoringCase value: String) throws -> Record?
    /// Every record (by rowid) whose `field` column equals `value` exactly (an index can serve it).
    func records(in collection: Collection, where field: String, equals value: String) throws -> [Record]
    /// Every record (by rowid, at most `limit`) whose `field` holds `value`: a single-valued field
    /// equal to it, a multi-valued one (select, file, relation) with it as one of its items. Empty
    /// when the collection has no such field.
    func records(in collection: Collection, where field: String, holds value: String, limit: Int?) throws -> [Record]
    func countRecords(in collection: Collection) throws -> Int
    func insert(_ record: Record, into collection: Collection) throws
    /// Replaces the stored values of `record.id` with the record's values.
    func update(_ record: Record, in collection: Collection) throws
    /// Returns false when no such record existed.
    @discardableResult
    func delete(id: String, from collection: Collection) throws -> Bool
    /// Rewrites `updates` and deletes `deletions` in one transaction: all of it or, on an error,
    /// none of it (a delete with its cascade).
    func write(updates: [(Record, Collection)], deletions: [(id: String, collection: Collection)]) throws
    /// Deletes every record of the collection.
    func deleteAll(in collection: Collection) throws
    /// Inserts (when `existing` is false) or updates the record, then — in the same transaction —
    /// checks that the record matches `requiring` (its rules, with `id` set to the record's id);
    /// when it does not, nothing is written and the answer is false.
    func save(_ record: Record, in collection: Collection, isNew: Bool, requiring check: RecordQuery?) throws -> Bool
    /// The records matching the query, in its order and page.
    func records(matching query: RecordQuery) throws -> [Record]
    /// How many records match the query's rules (paging and `id` ignored).
    func count(matching query: RecordQuery) throws -> Int
    /// Whether `record`, were it inserted, would match `rules`; nothing is written.
    func wouldMatch(_ record: Record, in collection: Collection, rules: [BoundRule]) throws -> Bool
    /// Runs `body` with a store bound to one write transaction: what it reads is the database as
    /// that transaction sees it (no other write can come between its reads and its writes), and
    /// what it writes commits together when `body` returns, or not at all when it throws. A write
    /// of the bound store that throws undoes only itself. Calling `transaction` inside `body` joins
    /// the same transaction.
    func transaction<T: Sendable>(_ body: (any RecordStore) throws -> T) throws -> T
}

extension RecordStore {
    /// Whether `record`, were it inserted, would match `rules` — nothing is written (PocketBase's
    /// dummy-record check of a create's manage rule). Stores that cannot tell answer false.
    public func wouldMatch(_ record: Record, in collection: Collection, rules: [BoundRule]) throws -> Bool {
        false
    }
}
