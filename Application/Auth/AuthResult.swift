public import PocketDomain

/// A successful sign-in: the record and a fresh token for it.
public struct AuthResult: Sendable, Equatable {
    public let record: Record
    public let collection: Collection
    public let token: String

    public init(record: Record, collection: Collection, token: String) {
        self.record = record
        self.collection = collection
        self.token = token
    }
}
