public import PocketApplication
public import PocketDomain
internal import Synchronization

/// A `CollectionStore` returning a list the test sets (no query engine: collections are values).
public final class FixedCollectionStore: CollectionStore {
    private let collections: Mutex<[Collection]>

    public init(_ collections: [Collection]) {
        self.collections = Mutex(collections)
    }

    public func loadCollections() throws -> [Collection] { collections.withLock { $0 } }

    /// Replaces the list the next `loadCollections()` returns.
    public func set(_ collections: [Collection]) { self.collections.withLock { $0 = collections } }
}
