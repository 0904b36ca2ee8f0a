public import PocketApplication
public import PocketDomain
public import PocketSQL

/// The collections of `_collections`, and the tables behind them.
public struct SQLiteCollectionStore: CollectionStore {
    /// The database holding `_collections` (`data.db`).
    public let database: SQLiteDatabase
    let ddl: SchemaDDL

    /// A store over `database`, writing DDL in `dialect`.
    public init(database: SQLiteDatabase, dialect: any SQLDialect = SQLiteDialect()) {
        self.database = database
        self.ddl = SchemaDDL(dialect: dialect)
    }

    private static let columns =
        "`id`, `name`, `type`, `system`, `fields`, `indexes`, `listRule`, `viewRule`, `createRule`, "
        + "`updateRule`, `deleteRule`, `options`, `created`, `updated`"

    /// Every row, in rowid order; a row that cannot be decoded throws `StoreError.failure`.
    public func loadCollections() throws -> [Collection] {
        let rows = try database.read {
            try $0.query("SELECT \(Self.columns) FROM `_collections` ORDER BY `_rowid_`")
        }
        return try rows.map(Self.collection(from:))
    }

    /// Inserts the collection's row and creates its table and indexes, in one transaction.
    public func create(_ collection: Collection) throws {
        try database.write { try create(collection, on: $0) }
    }

    /// Inserts the collection's row and creates its table and indexes on `connection` (the caller
    /// owns the transaction).
    func create(_ collection: Collection, on connection: SQLiteConnection) throws {
        try insertRow(collection, on: connection)
        for statement in ddl.createTable(for: collection) {
            try connection.execute(statement)
        }
    }

    /// Inserts the collection's `_collections` row.
    func insertRow(_ collection: Collection, on connection: SQLiteConnection) throws {
        try connection.run(
            "INSERT INTO `_collections` (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Self.row(for: collection))
    }

    /// Rewrites the collection's `_collections` row in place (keeping its position).
    func updateRow(old: Collection, new: Collection, on connection: SQLiteConnection) throws {
        let assignments = Self.columns.split(separator: ",").map { "\($0.trimmingPrefixSpaces()) = ?" }
            .joined(separator: ", ")
        try connection.run("UPDATE `_collections` SET \(assignments) WHERE `id` = ?",
                           Self.row(for: new) + [.text(old.id)])
    }

    /// The bind values of a `_collections` row, in `columns` order.
    static func row(for collection: Collection) -> [SQLiteValue] {
        func rule(_ text: String?) -> SQLiteValue { text.map(SQLiteValue.text) ?? .null }
        return [
            .text(collection.id), .text(collection.name), .text(collection.kind.rawValue),
            .integer(collection.system ? 1 : 0),
            .text(JSONWriter.string(collection.fieldsJSON)), .text(JSONWriter.string(collection.indexesJSON)),
            rule(collection.rules.list), rule(collection.rules.view), rule(collection.rules.create),
            rule(collection.rules.update), rule(collection.rules.delete),
            .text(JSONWriter.string(collection.optionsJSON)),
            .text(collection.created.description), .text(collection.updated.description),
        ]
    }

    /// Decodes one `_collections` row selected with `columns`.
    static func collection(from row: SQLiteRow) throws -> Collection {
        let name = row[1].text ?? ""
        func json(_ index: Int, _ column: String) throws -> JSONValue {
            let text: String
            switch row[index] {
            case .text(let value): text = value
            case .blob(let bytes): text = String(decoding: bytes, as: UTF8.self)
            default: return .null
            }
            do {
                return try JSONParser.parse(text)
            } catch {
                throw StoreError.failure("collection \(name): invalid \(column) JSON (\(error.reason))")
            }
        }
        func date(_ index: Int, _ column: String) throws -> DateTime {
            let text = row[index].text ?? ""
            if text.isEmpty { return DateTime(unixMilliseconds: 0) }
            guard let date = DateTime(parsing: text) else {
                throw StoreError.failure("collection \(name): invalid \(column) \(text)")
            }
            return date
        }
        let rules = CollectionRules(list: row[6].text, view: row[7].text, create: row[8].text,
                                    update: row[9].text, delete: row[10].text)
        do {
            return try Collection(id: row[0].text ?? "", name: name, type: row[2].text ?? "",
                                  system: (row[3].integer ?? 0) != 0, fields: json(4, "fields"),
                                  indexes: json(5, "indexes"), rules: rules, options: json(11, "options"),
                                  created: date(12, "created"), updated: date(13, "updated"))
        } catch let error as Collection.DecodingError {
            throw StoreError.failure(error.message)
        }
    }
}

extension Substring {
    func trimmingPrefixSpaces() -> Substring { drop { $0 == " " } }
}
