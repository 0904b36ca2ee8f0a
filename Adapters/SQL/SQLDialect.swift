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

    // Rules and filters (RuleSQLCompiler, RecordSelectBuilder).

    /// A comparison in which NULL equals NULL (`a IS b`, or `a IS NOT b` when `equal` is false).
    func nullSafeComparison(_ left: String, _ right: String, equal: Bool) -> String
    /// `left = right`, comparing text with ASCII letters folded (SQLite's `NOCASE`), so an index
    /// declared with that collation can serve it.
    func equalsIgnoringCase(_ left: String, _ right: String) -> String
    /// `value LIKE pattern` with `\` escaping `%` and `_`, case-insensitive for ASCII only.
    func like(_ value: String, _ pattern: String, negated: Bool) -> String
    /// The SQL value at a JSON path of a column (the whole value for an empty path); a column that
    /// does not hold valid JSON is read as a JSON string.
    func jsonExtract(_ column: String, path: [BoundJSONPathItem]) -> String
    /// The number of items of a multi-valued column: a JSON array's length, 0 for `''` or NULL and
    /// 1 for any other single value.
    func jsonArrayLength(_ column: String) -> String
    /// A table source yielding one row per item of a multi-valued column (a single value is one
    /// item), the item in the column ``jsonArrayItemValue(_:)`` names.
    func jsonArrayItems(ofColumn column: String) -> String
    /// A table source yielding one row per item of a JSON array given as a bind parameter.
    func jsonArrayItems(ofParameter parameter: String) -> String
    /// The item of a row of ``jsonArrayItems(ofColumn:)`` joined as `alias`.
    func jsonArrayItemValue(_ alias: String) -> String
    /// An order term (`expression ASC`); NULLs sort first ascending, last descending.
    func orderTerm(_ expression: String, _ direction: SortDirection) -> String
    /// The term ordering rows randomly.
    var randomOrder: String { get }
    /// The insertion-order row id of a quoted table alias.
    func rowID(of alias: String) -> String
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
