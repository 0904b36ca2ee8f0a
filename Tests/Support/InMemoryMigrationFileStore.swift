public import PocketApplication
internal import Synchronization

/// A `MigrationFileStore` kept in a dictionary of file name to contents.
///
/// `list()` returns only `.js` names, sorted, as the contract asks, so other files put here
/// (`.go`, notes) show that the service never sees them.
public final class InMemoryMigrationFileStore: MigrationFileStore {
    public let directory: String
    private let files: Mutex<[String: String]>

    /// A store for `directory` holding `files` (name to contents).
    public init(directory: String = "pb_migrations", files: [String: String] = [:]) {
        self.directory = directory
        self.files = Mutex(files)
    }

    public func list() throws -> [String] {
        files.withLock { $0.keys.filter { $0.hasSuffix(".js") }.sorted() }
    }

    public func write(name: String, contents: String) throws -> String {
        files.withLock { $0[name] = contents }
        return directory + "/" + name
    }

    /// The contents of a file, or nil.
    public func contents(of name: String) -> String? { files.withLock { $0[name] } }

    /// Every file name held, sorted (all extensions).
    public var names: [String] { files.withLock { $0.keys.sorted() } }
}
