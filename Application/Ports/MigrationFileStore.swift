/// The project's `pb_migrations` directory.
///
/// Contract: `list()` returns the `.js` file names (not paths) sorted by name, or nothing when the
/// directory does not exist; `write` creates the directory when needed and returns the path it
/// wrote, relative as configured.
public protocol MigrationFileStore: Sendable {
    var directory: String { get }
    func list() throws -> [String]
    func write(name: String, contents: String) throws -> String
}
