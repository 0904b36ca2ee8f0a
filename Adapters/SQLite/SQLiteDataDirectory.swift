public import PocketApplication
public import PocketDomain
internal import PocketSQL

/// A PocketBase data directory: `data.db` and `auxiliary.db`, created with PocketBase 0.28.4's
/// schema when new, opened as is when they already exist.
public final class SQLiteDataDirectory: Sendable {
    /// The directory.
    public let path: String
    /// `data.db`: collections, records, params, migrations.
    public let data: SQLiteDatabase
    /// `auxiliary.db`: logs.
    public let auxiliary: SQLiteDatabase
    /// True when this open created `data.db`'s schema (a fresh directory).
    public let didBootstrap: Bool
    private let clock: any Clock
    private let dialect: any SQLDialect

    /// Opens (creating the directory and files if missing) `<path>/data.db` and
    /// `<path>/auxiliary.db`. A `data.db` without `_collections` gets PocketBase's fresh schema in
    /// one transaction, stamped with `clock` and with auth token secrets from `random`.
    public init(path: String, clock: any Clock, random: any RandomStringGenerator, readerCount: Int = 4) throws {
        try Directory.create(path)
        self.path = path
        self.clock = clock
        self.dialect = SQLiteDialect()
        let data = try SQLiteDatabase(path: Directory.join(path, "data.db"), readerCount: readerCount)
        let auxiliary: SQLiteDatabase
        do {
            auxiliary = try SQLiteDatabase(path: Directory.join(path, "auxiliary.db"), readerCount: readerCount)
        } catch {
            data.close()
            throw error
        }
        self.data = data
        self.auxiliary = auxiliary
        do {
            let collections = SQLiteCollectionStore(database: data, dialect: dialect)
            didBootstrap = try data.write { connection in
                guard try !PocketBaseSchema.isInitialized(connection, table: "_collections") else { return false }
                try PocketBaseSchema.bootstrapData(on: connection, collections: collections, now: clock.now(),
                                                   secrets: { random.secret() })
                return true
            }
            try auxiliary.write { connection in
                guard try !PocketBaseSchema.isInitialized(connection, table: "_logs") else { return }
                try PocketBaseSchema.bootstrapAuxiliary(on: connection)
            }
        } catch {
            data.close()
            auxiliary.close()
            throw error
        }
    }

    /// The collections of `data.db`.
    public var collections: SQLiteCollectionStore { SQLiteCollectionStore(database: data, dialect: dialect) }
    /// The records of `data.db`.
    public var records: SQLiteRecordStore { SQLiteRecordStore(database: data, dialect: dialect) }
    /// The `_params` of `data.db`, stamped with the directory's clock.
    public var params: SQLiteParamStore { SQLiteParamStore(database: data, clock: clock) }
    /// The `_migrations` of `data.db`.
    public var migrations: SQLiteMigrationHistory { SQLiteMigrationHistory(database: data) }

    /// Closes both databases; the stores throw afterwards.
    public func close() {
        data.close()
        auxiliary.close()
    }
}
