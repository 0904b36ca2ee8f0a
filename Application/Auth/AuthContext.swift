public import PocketDomain

/// The authenticated caller of a request: an auth record and its collection.
public struct AuthContext: Sendable, Equatable {
    public let record: Record
    public let collection: Collection

    public init(record: Record, collection: Collection) {
        self.record = record
        self.collection = collection
    }

    /// True for records of `_superusers`.
    public var isSuperuser: Bool { collection.name == SystemCollections.superusers }
}
