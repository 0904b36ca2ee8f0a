public import PocketDomain

/// One change to the schema: a collection's row and the table (or view) behind it.
public enum SchemaChange: Sendable, Equatable {
    case create(Collection)
    case update(old: Collection, new: Collection)
    case delete(Collection)
}

/// Reads and changes the collections of `_collections` and their tables.
///
/// Contract: `loadCollections` returns every row as a `Collection`, in the table's row order; a row
/// that cannot be decoded is an error (never silently skipped). `apply` performs every change in
/// one transaction — rows, tables, columns (added, renamed, dropped, converted between single and
/// multiple values with their data kept) and indexes — and changes nothing when any step fails.
/// An index the database refuses throws `StoreError.invalidIndex` naming its position in the
/// collection's `indexes`; a view query it refuses throws `StoreError.invalidViewQuery`.
public protocol CollectionStore: Sendable {
    func loadCollections() throws -> [Collection]
    func apply(_ changes: [SchemaChange]) throws
    /// The column names, in order, of a view over the `SELECT` `query`, found without keeping
    /// anything; a query the database refuses throws `StoreError.invalidViewQuery` with its message.
    func viewColumns(_ query: String) throws -> [String]
}
