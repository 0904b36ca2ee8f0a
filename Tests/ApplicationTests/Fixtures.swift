import Foundation
import PocketApplication
import PocketDomain
import PocketSQLite
import PocketTestSupport
import Testing

/// The clock instant every test starts at: 2024-01-02 03:04:05.678Z.
let testNow = DateTime(unixMilliseconds: 1_704_164_645_678)

/// A 32-byte settings encryption key.
let testEncryptionKey = "0123456789abcdef0123456789abcdef"

/// Opens a fresh PocketBase data directory (the real SQLite adapter) under a new temp dir, runs
/// `body`, then closes and removes it.
func withDataDirectory<T>(_ body: (SQLiteDataDirectory, FixedClock) async throws -> T) async throws -> T {
    let root = FileManager.default.temporaryDirectory.path + "/pocketswift-app-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: root) }
    let clock = FixedClock(testNow)
    let directory = try SQLiteDataDirectory(path: root + "/pb_data", clock: clock, random: SequentialRandom(seed: 1))
    defer { directory.close() }
    return try await body(directory, clock)
}

/// A registry over the directory's collections, with the auth options of some collections changed
/// (the collection rows stay as stored; only what the services see differs).
func registry(of directory: SQLiteDataDirectory,
              adjusting adjustments: [String: (inout AuthOptions) -> Void] = [:]) throws -> CollectionRegistry {
    let stored = try directory.collections.loadCollections()
    guard !adjustments.isEmpty else { return try CollectionRegistry(store: directory.collections) }
    let adjusted = stored.map { collection -> Collection in
        guard let adjust = adjustments[collection.name], var options = collection.auth else { return collection }
        adjust(&options)
        var copy = collection
        copy.auth = options
        return copy
    }
    return try CollectionRegistry(store: FixedCollectionStore(adjusted))
}

extension CollectionRegistry {
    /// A collection that the test knows exists.
    func named(_ name: String) throws -> Collection {
        guard let collection = find(name) else { throw FixtureError.missingCollection(name) }
        return collection
    }
}

enum FixtureError: Error {
    case missingCollection(String)
}

/// An auth record with the given values, ready to insert.
func authRecord(in collection: Collection, id: String, email: String, passwordHash: String,
                tokenKey: String) -> Record {
    var record = Record(collection: collection)
    record.id = id
    record["email"] = .string(email)
    record["password"] = .string(passwordHash)
    record["tokenKey"] = .string(tokenKey)
    record["emailVisibility"] = false
    record["verified"] = true
    record["created"] = .string(testNow.description)
    record["updated"] = .string(testNow.description)
    return record
}
