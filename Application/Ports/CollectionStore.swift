public import PocketDomain

/// Reads the collections of `_collections`.
///
/// Contract: returns every row as a `Collection`, in the table's row order; a row that cannot be
/// decoded is an error (never silently skipped).
public protocol CollectionStore: Sendable {
    func loadCollections() throws -> [Collection]
}
