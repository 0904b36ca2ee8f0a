/// What a store adapter reports when a write or read fails.
public enum StoreError: Error, Sendable, Equatable {
    /// A unique index refused the write; `columns` names the index's columns when known.
    case uniqueViolation(columns: [String])
    /// The index at `position` of the collection's `indexes` could not be created.
    case invalidIndex(collection: String, position: Int, name: String, message: String)
    /// The query of a view collection was refused by the database.
    case invalidViewQuery(collection: String, message: String)
    /// The database could not be read or written.
    case failure(String)
}
