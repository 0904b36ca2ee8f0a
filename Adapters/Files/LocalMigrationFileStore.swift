public import PocketApplication
internal import Foundation

/// `pb_migrations` on the local disk.
public struct LocalMigrationFileStore: MigrationFileStore {
    public let directory: String

    /// `directory` as it should be printed (PocketBase prints it relative when `--dir` is relative).
    public init(directory: String) {
        self.directory = directory
    }

    public func list() throws -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.filter { $0.hasSuffix(".js") }.sorted()
    }

    public func write(name: String, contents: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + name
        guard FileManager.default.createFile(atPath: path, contents: Data(contents.utf8)) else {
            throw StoreError.failure("cannot write \(path)")
        }
        return path
    }
}
