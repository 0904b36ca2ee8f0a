public import PocketDomain

/// The facts of one SQL database: quoting, placeholders, column definitions and literals.
///
/// Contract: hooks are pure and cheap; statement builders (`SchemaDDL`, record statements) are
/// written once against this protocol and never hard-code a database's syntax.
public protocol SQLDialect: Sendable {
    /// A short name for diagnostics (`sqlite`, `postgres`).
    var name: String { get }
    /// Quotes a table, column or index name so any text is a safe identifier.
    func quoteIdentifier(_ identifier: String) -> String
    /// The bind placeholder of the 1-based parameter `index` (`?` in SQLite, `$1` in Postgres).
    func placeholder(at index: Int) -> String
    /// The column definition (type, default and nullability) of a column shape.
    func columnDefinition(for kind: ColumnKind) -> String
    /// The literal for a boolean (`TRUE`, `1`).
    func booleanLiteral(_ value: Bool) -> String
    /// An expression turning a single-value column into a JSON array of it (`[]` when empty).
    func singleToMultipleExpression(_ column: String) -> String
    /// An expression keeping the last item of a JSON array column as text (`''` when empty).
    func multipleToSingleExpression(_ column: String) -> String
}

extension SQLDialect {
    /// The column definition PocketBase 0.28.4 gives a field, e.g. `TEXT DEFAULT '' NOT NULL`.
    public func columnDefinition(for field: Field) -> String {
        columnDefinition(for: ColumnKind(field: field))
    }

    /// The definition of the text primary key column.
    public var primaryKeyColumnDefinition: String { columnDefinition(for: .primaryKey) }

    /// A comma-separated list of placeholders for parameters `start ..< start + count`.
    public func placeholders(from start: Int, count: Int) -> String {
        (start..<(start + count)).map { placeholder(at: $0) }.joined(separator: ", ")
    }
}
