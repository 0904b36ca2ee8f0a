public import PocketApplication
internal import Foundation

/// Files under `pb_data/storage`, one directory per collection and record, as PocketBase lays them out.
public struct LocalFileStorage: FileStorage {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public func put(_ bytes: [UInt8], at key: String, contentType: String) throws {
        let path = try resolve(key)
        let directory = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // Written to a temporary name, then renamed: a reader never sees half a file.
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    public func get(_ key: String) throws -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: try resolve(key)) else { return nil }
        return [UInt8](data)
    }

    public func exists(_ key: String) throws -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: try resolve(key), isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    public func delete(_ key: String) throws {
        let path = try resolve(key)
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
    }

    public func deletePrefix(_ prefix: String) throws {
        let path = try resolve(prefix)
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
    }

    /// The absolute path of a key; keys never climb out of the root.
    private func resolve(_ key: String) throws -> String {
        let parts = key.split(separator: "/")
        guard !parts.isEmpty, !parts.contains(".."), !parts.contains(".") else {
            throw StoreError.failure("invalid file key \(key)")
        }
        return root + "/" + parts.joined(separator: "/")
    }
}
