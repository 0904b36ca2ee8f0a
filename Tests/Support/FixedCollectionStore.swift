public import PocketApplication
public import PocketDomain
internal import Synchronization
public import Testing

/// A `CollectionStore` returning a list the test sets (no query engine: collections are values).
///
/// It has no tables behind it, so `apply` records an issue and throws: use the SQLite store for
/// tests that change the schema.
public final class FixedCollectionStore: CollectionStore {
    private let collections: Mutex<[Collection]>
    private let location: SourceLocation

    public init(_ collections: [Collection], sourceLocation: SourceLocation = #_sourceLocation) {
        self.collections = Mutex(collections)
        self.location = sourceLocation
    }

    public func loadCollections() throws -> [Collection] { collections.withLock { $0 } }

    public func apply(_ changes: [SchemaChange]) throws {
        throw unimplemented("FixedCollectionStore", #function, sourceLocation: location)
    }

    public func viewColumns(_ query: String) throws -> [String] {
        throw unimplemented("FixedCollectionStore", #function, sourceLocation: location)
    }

    /// Replaces the list the next `loadCollections()` returns.
    public func set(_ collections: [Collection]) { self.collections.withLock { $0 = collections } }
}
