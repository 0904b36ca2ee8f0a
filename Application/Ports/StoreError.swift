/// What a store adapter reports when a write or read fails.
public enum StoreError: Error, Sendable, Equatable {
    /// A unique index refused the write; `columns` names the index's columns when known.
    case uniqueViolation(columns: [String])
    /// The database could not be read or written.
    case failure(String)
}
