public import PocketApplication
public import PocketDomain
public import PocketSQL

/// The records of collection tables in a SQLite database.
///
/// Values are typed by the collection's fields (see `RecordColumnCodec`); columns without a field
/// are ignored and fields without a column are left out of the record.
public struct SQLiteRecordStore: RecordStore {
    /// Where the statements run: the database, or one write transaction (see `transaction`).
    let database: SQLiteAccess
    let statements: RecordStatements

    /// A store over `database`, writing SQL in `dialect`.
    public init(database: SQLiteDatabase, dialect: any SQLDialect = SQLiteDialect()) {
        self.database = .database(database)
        self.statements = RecordStatements(dialect: dialect)
    }

    private init(access: SQLiteAccess, statements: RecordStatements) {
        self.database = access
        self.statements = statements
    }

    /// Runs `body` with a store bound to one write transaction (`BEGIN IMMEDIATE`): its reads see
    /// the database as the transaction does, and everything it writes commits together or not at all.
    public func transaction<T: Sendable>(_ body: (any RecordStore) throws -> T) throws -> T {
        try database.transaction { access in try body(SQLiteRecordStore(access: access, statements: statements)) }
    }

    /// The record with this id, or nil.
    public func record(in collection: Collection, id: String) throws -> Record? {
        let sql = statements.selectByID(table: collection.name)
        let row = try database.read { try $0.queryFirst(sql, [.text(id)]) }
        return row.map { Self.record(from: $0, in: collection) }
    }

    /// The first record (by rowid) whose `field` equals `value`; nil when there is none or the
    /// collection has no such field.
    public func firstRecord(in collection: Collection, where field: String, equals value: String) throws -> Record? {
        guard collection.field(named: field) != nil else { return nil }
        let sql = statements.selectFirst(table: collection.name, where: field, orderBy: "_rowid_")
        let row = try database.read { try $0.queryFirst(sql, [.text(value)]) }
        return row.map { Self.record(from: $0, in: collection) }
    }

    public func firstRecord(in collection: Collection, where field: String, equalsIgnoringCase value: String) throws
        -> Record? {
        guard collection.field(named: field) != nil else { return nil }
        let sql = statements.selectFirstIgnoringCase(table: collection.name, where: field)
        let row = try database.read { try $0.queryFirst(sql, [.text(value)]) }
        return row.map { Self.record(from: $0, in: collection) }
    }

    public func records(in collection: Collection, where field: String, equals value: String) throws -> [Record] {
        guard collection.field(named: field) != nil else { return [] }
        let sql = statements.selectAll(table: collection.name, where: field)
        let rows = try database.read { try $0.query(sql, [.text(value)]) }
        return Self.records(from: rows, in: collection)
    }

    public func records(in collection: Collection, where field: String, holds value: String, limit: Int?) throws
        -> [Record] {
        guard let definition = collection.field(named: field) else { return [] }
        let sql: String
        if case .multiple(isMulti: true) = definition.storage {
            sql = statements.selectAll(table: collection.name, whereItemOf: field, limit: limit)
        } else {
            sql = statements.selectAll(table: collection.name, where: field, limit: limit)
        }
        let rows = try database.read { try $0.query(sql, [.text(value)]) }
        return Self.records(from: rows, in: collection)
    }

    /// The number of rows of the collection's table.
    public func countRecords(in collection: Collection) throws -> Int {
        let sql = statements.count(table: collection.name)
        let count = try database.read { try $0.queryFirst(sql)?[0].integer ?? 0 }
        return Int(count)
    }

    /// Inserts the record's values for the collection's fields; an empty id is left to the
    /// column's default.
    public func insert(_ record: Record, into collection: Collection) throws {
        try database.write { try insert(record, into: collection, on: $0) }
    }

    /// Writes every field value the record holds (except `id`) to the row `record.id`.
    public func update(_ record: Record, in collection: Collection) throws {
        try database.write { try update(record, in: collection, on: $0) }
    }

    func insert(_ record: Record, into collection: Collection, on connection: SQLiteConnection) throws {
        var columns: [String] = []
        var binds: [SQLiteValue] = []
        for field in collection.fields {
            guard let value = record.values[field.name] else { continue }
            if field.name == "id", value.stringValue?.isEmpty ?? value.isNull { continue }
            columns.append(field.name)
            binds.append(RecordColumnCodec.encode(value, for: field))
        }
        try connection.run(statements.insert(table: collection.name, columns: columns), binds)
    }

    func update(_ record: Record, in collection: Collection, on connection: SQLiteConnection) throws {
        var columns: [String] = []
        var binds: [SQLiteValue] = []
        for field in collection.fields where field.name != "id" {
            guard let value = record.values[field.name] else { continue }
            columns.append(field.name)
            binds.append(RecordColumnCodec.encode(value, for: field))
        }
        guard !columns.isEmpty else { return }
        try connection.run(statements.update(table: collection.name, columns: columns), binds + [.text(record.id)])
    }

    /// Deletes the row with this id; false when there was none.
    @discardableResult
    public func delete(id: String, from collection: Collection) throws -> Bool {
        let sql = statements.delete(table: collection.name)
        return try database.write { try $0.run(sql, [.text(id)]) } > 0
    }

    public func write(updates: [(Record, Collection)], deletions: [(id: String, collection: Collection)]) throws {
        try database.write { connection in
            for (record, collection) in updates { try update(record, in: collection, on: connection) }
            for (id, collection) in deletions {
                try connection.run(statements.delete(table: collection.name), [.text(id)])
            }
        }
    }

    public func deleteAll(in collection: Collection) throws {
        let sql = "DELETE FROM \(statements.dialect.quoteIdentifier(collection.name))"
        try database.write { _ = try $0.run(sql) }
    }

    /// A record from a `SELECT *` row, values in the collection's field order.
    static func record(from row: SQLiteRow, in collection: Collection) -> Record {
        records(from: [row], in: collection)[0]
    }

    /// Rows of one statement as records: the fields' column positions are looked up once.
    static func records(from rows: [SQLiteRow], in collection: Collection) -> [Record] {
        guard let first = rows.first else { return [] }
        let columns: [(name: String, kind: ColumnKind, index: Int)] = collection.fields.compactMap { field in
            first.columns.firstIndex(of: field.name).map { (field.name, ColumnKind(field: field), $0) }
        }
        return rows.map { row in
            var values = JSONObject()
            values.reserveCapacity(columns.count)
            // Field names are unique within a collection.
            for column in columns {
                values.appendNew(column.name, RecordColumnCodec.decode(row.values[column.index], as: column.kind))
            }
            return Record(collection: collection, values: values)
        }
    }
}
