/// Stores uploaded files by key (`<collectionId>/<recordId>/<fileName>` in PocketBase's layout).
///
/// Contract: `put` writes the whole file or nothing (a partial file is never visible under its
/// key); `get` returns nil for a missing key; `delete` of a missing key is not an error;
/// `deletePrefix` removes every key under a prefix and the then-empty directory.
public protocol FileStorage: Sendable {
    func put(_ bytes: [UInt8], at key: String, contentType: String) throws
    func get(_ key: String) throws -> [UInt8]?
    func exists(_ key: String) throws -> Bool
    func delete(_ key: String) throws
    func deletePrefix(_ prefix: String) throws
}
