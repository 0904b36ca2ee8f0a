public import PocketApplication
public import PocketDomain
public import Testing

/// What an `Unimplemented*` fake throws after recording the issue.
public struct UnimplementedError: Error, Equatable, CustomStringConvertible {
    public let function: String
    public var description: String { "unimplemented: \(function)" }
}

/// Records a test issue naming the port method that should not have been called.
func unimplemented(_ port: String, _ function: String, sourceLocation: SourceLocation) -> UnimplementedError {
    Issue.record("\(port).\(function) was called unexpectedly", sourceLocation: sourceLocation)
    return UnimplementedError(function: "\(port).\(function)")
}

/// A `RecordStore` for tests that must not touch records: every call records an issue and throws.
public struct UnimplementedRecordStore: RecordStore {
    let location: SourceLocation
    public init(sourceLocation: SourceLocation = #_sourceLocation) { location = sourceLocation }

    public func record(in collection: Collection, id: String) throws -> Record? {
        throw unimplemented("RecordStore", #function, sourceLocation: location)
    }
    public func firstRecord(in collection: Collection, where field: String, equals value: String) throws -> Record? {
        throw unimplemented("RecordStore", #function, sourceLocation: location)
    }
    public func records(in collection: Collection, where field: String, holds value: String, limit: Int?) throws
        -> [Record] {
        throw unimplemented("RecordStore", #function, sourceLocation: location)
    }
    public func transaction<T: Sendable>(_ body: (any RecordStore) throws -> T) throws -> T {
        throw unimplemented("RecordStore", #function, sourceLocation: location)
    }
    public func firstRecord(in collection: Collection, where field: String, equalsIgnoringCase value: String) throws
        -> Record? {
        throw unimplemented("RecordStore", #function, sourceLocation: location)
    }
    public func records(in collection: Collection, where field: String, equals value: String) throws -> [Record] {
        throw unimplemented("RecordStore", #function, sourceLocation: location)
    }
    public func write(updates: [(Record, Collection)], deletions: [(id: String, collection: Collection)]) throws {
        throw unimplemented("RecordStore", #function, sourceLocation: location)
    }
    public func countRecords(in collection: Collection) throws -> Int {
        throw unimplemented("RecordStore", #function, sourceLocation: location)
    }
    public func insert(_ record: Record, into collection: Collection) throws {
        throw unimplemented("RecordStore", #function, sourceLocation: location)
    }
    public func update(_ record: Record, in collection: Collection) throws {
        throw unimplemented("RecordStore", #function, sourceLocation: location)
    }
    public func delete(id: String, from collection: Collection) throws -> Bool {
        throw unimplemented("RecordStore", #function, sourceLocation: location)
    }
    public func deleteAll(in collection: Collection) throws {
        throw unimplemented("RecordStore", #function, sourceLocation: location)
    }
    public func save(_ record: Record, in collection: Collection, isNew: Bool, requiring check: RecordQuery?) throws -> Bool {
        throw unimplemented("RecordStore", #function, sourceLocation: location)
    }
    public func records(matching query: RecordQuery) throws -> [Record] {
        throw unimplemented("RecordStore", #function, sourceLocation: location)
    }
    public func count(matching query: RecordQuery) throws -> Int {
        throw unimplemented("RecordStore", #function, sourceLocation: location)
    }
}

/// A `PasswordHasher` that must not be used: `hash` records an issue and throws, `verify` records
/// an issue and returns false.
public struct UnimplementedPasswordHasher: PasswordHasher {
    let location: SourceLocation
    public init(sourceLocation: SourceLocation = #_sourceLocation) { location = sourceLocation }

    public func hash(_ password: String, cost: Int) throws -> String {
        throw unimplemented("PasswordHasher", #function, sourceLocation: location)
    }
    public func verify(_ password: String, against hash: String) -> Bool {
        _ = unimplemented("PasswordHasher", #function, sourceLocation: location)
        return false
    }
}

/// A `SecretCipher` that must not be used (settings without an encryption key).
public struct UnimplementedSecretCipher: SecretCipher {
    let location: SourceLocation
    public init(sourceLocation: SourceLocation = #_sourceLocation) { location = sourceLocation }

    public func encrypt(_ plaintext: [UInt8], key: String) throws -> String {
        throw unimplemented("SecretCipher", #function, sourceLocation: location)
    }
    public func decrypt(_ ciphertext: String, key: String) throws -> [UInt8] {
        throw unimplemented("SecretCipher", #function, sourceLocation: location)
    }
}

/// A `TokenSigner` that must not be used: records an issue and returns an empty token or nil.
public struct UnimplementedTokenSigner: TokenSigner {
    let location: SourceLocation
    public init(sourceLocation: SourceLocation = #_sourceLocation) { location = sourceLocation }

    public func sign(_ claims: JSONObject, secret: String) -> String {
        _ = unimplemented("TokenSigner", #function, sourceLocation: location)
        return ""
    }
    public func verifiedClaims(of token: String, secret: String) -> JSONObject? {
        _ = unimplemented("TokenSigner", #function, sourceLocation: location)
        return nil
    }
    public func unverifiedClaims(of token: String) -> JSONObject? {
        _ = unimplemented("TokenSigner", #function, sourceLocation: location)
        return nil
    }
}

/// A `BlockingRunner` that must not be used: records an issue and throws without running the work.
public struct UnimplementedBlockingRunner: BlockingRunner {
    let location: SourceLocation
    public init(sourceLocation: SourceLocation = #_sourceLocation) { location = sourceLocation }

    public func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        throw unimplemented("BlockingRunner", #function, sourceLocation: location)
    }
}

/// A `ParamStore` that must not be used.
public struct UnimplementedParamStore: ParamStore {
    let location: SourceLocation
    public init(sourceLocation: SourceLocation = #_sourceLocation) { location = sourceLocation }

    public func param(_ id: String) throws -> ParamValue? {
        throw unimplemented("ParamStore", #function, sourceLocation: location)
    }
    public func setParam(_ id: String, _ value: ParamValue) throws {
        throw unimplemented("ParamStore", #function, sourceLocation: location)
    }
}

/// A `MigrationHistory` that must not be used.
public struct UnimplementedMigrationHistory: MigrationHistory {
    let location: SourceLocation
    public init(sourceLocation: SourceLocation = #_sourceLocation) { location = sourceLocation }

    public func applied() throws -> [AppliedMigration] {
        throw unimplemented("MigrationHistory", #function, sourceLocation: location)
    }
    public func markApplied(_ file: String, at microseconds: Int64) throws {
        throw unimplemented("MigrationHistory", #function, sourceLocation: location)
    }
    public func remove(_ files: [String]) throws {
        throw unimplemented("MigrationHistory", #function, sourceLocation: location)
    }
}

/// A `MigrationFileStore` that must not be used (its `directory` is "unimplemented").
public struct UnimplementedMigrationFileStore: MigrationFileStore {
    let location: SourceLocation
    public init(sourceLocation: SourceLocation = #_sourceLocation) { location = sourceLocation }

    public var directory: String {
        _ = unimplemented("MigrationFileStore", #function, sourceLocation: location)
        return "unimplemented"
    }
    public func list() throws -> [String] {
        throw unimplemented("MigrationFileStore", #function, sourceLocation: location)
    }
    public func write(name: String, contents: String) throws -> String {
        throw unimplemented("MigrationFileStore", #function, sourceLocation: location)
    }
}
