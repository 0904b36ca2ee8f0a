public import PocketDomain

/// The statements that create a collection's table and indexes, written once against a dialect.
public struct SchemaDDL: Sendable {
    /// The dialect the statements are written in.
    public let dialect: any SQLDialect

    /// Creates a builder for `dialect`.
    public init(dialect: any SQLDialect) {
        self.dialect = dialect
    }

    /// `CREATE TABLE` with one column per field, sorted by name (PocketBase 0.28.4 sorts them, as
    /// its query builder writes a map), then one statement per index. A view has no table: `[]`.
    public func createTable(for collection: Collection) -> [String] {
        guard collection.kind != .view else { return [] }
        let columns = collection.fields
            .map { (name: $0.name, definition: dialect.columnDefinition(for: $0)) }
            .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            .map { "\(dialect.quoteIdentifier($0.name)) \($0.definition)" }
        let table = "CREATE TABLE \(dialect.quoteIdentifier(collection.name)) (\(columns.joined(separator: ", ")))"
        return [table] + createIndexes(for: collection)
    }

    /// One `CREATE INDEX` per collection index, in PocketBase's canonical form and always on the
    /// collection's own table; unparsable definitions are skipped (PocketBase rejects them before
    /// they are saved).
    public func createIndexes(for collection: Collection) -> [String] {
        collection.indexes.compactMap { definition in
            var spec = IndexSpec(parsing: definition)
            // PocketBase 0.28.4: the parsed table name is overwritten with the collection's name.
            spec.tableName = collection.name
            return spec.isValid ? spec.build() : nil
        }
    }

    /// `DROP TABLE IF EXISTS` for a collection's table.
    public func dropTable(named name: String) -> String {
        "DROP TABLE IF EXISTS \(dialect.quoteIdentifier(name))"
    }
}
