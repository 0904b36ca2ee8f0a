public import PocketDomain
internal import Synchronization

/// The current schema, shared by every request: loaded once, swapped whole when it changes, so no
/// request reloads collections.
public final class CollectionRegistry: Sendable {
    private let state: Mutex<[Collection]>
    private let store: any CollectionStore

    public init(store: any CollectionStore) throws {
        self.store = store
        self.state = Mutex(try store.loadCollections())
    }

    /// Every collection, in stored order.
    public var all: [Collection] { state.withLock { $0 } }

    /// Re-reads the collections from the store (after a schema change).
    public func reload() throws {
        let fresh = try store.loadCollections()
        state.withLock { $0 = fresh }
    }

    /// A collection by id, or by name ignoring ASCII case (PocketBase 0.28.4 matches names that way).
    public func find(_ idOrName: String) -> Collection? {
        state.withLock { collections in
            if let byID = collections.first(where: { $0.id == idOrName }) { return byID }
            let lowered = idOrName.lowercased()
            return collections.first { $0.name.lowercased() == lowered }
        }
    }

    /// The `_superusers` collection (always present in an initialized data directory).
    public func requireSuperusers() throws -> Collection {
        guard let collection = find(SystemCollections.superusers) else {
            throw ApplicationError.internalError("Missing the _superusers collection.")
        }
        return collection
    }
}
