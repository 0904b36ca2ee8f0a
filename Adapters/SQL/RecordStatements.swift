/// The single-table statements a record store runs, written once against a dialect. Every method
/// documents the order in which the caller binds its parameters.
public struct RecordStatements: Sendable {
    /// The dialect the statements are written in.
    public let dialect: any SQLDialect

    /// Creates a builder for `dialect`.
    public init(dialect: any SQLDialect) {
        self.dialect = dialect
    }

    /// All columns of the row whose `id` equals parameter 1.
    public func selectByID(table: String) -> String {
        "SELECT * FROM \(q(table)) WHERE \(q("id")) = \(dialect.placeholder(at: 1)) LIMIT 1"
    }

    /// All columns of the first row (by insertion order) whose `column` equals parameter 1.
    public func selectFirst(table: String, where column: String, orderBy ordering: String) -> String {
        "SELECT * FROM \(q(table)) WHERE \(q(column)) = \(dialect.placeholder(at: 1)) ORDER BY \(ordering) LIMIT 1"
    }

    /// All columns of the first row (by insertion order) whose `column` equals parameter 1 with
    /// ASCII letters folded.
    public func selectFirstIgnoringCase(table: String, where column: String) -> String {
        "SELECT * FROM \(q(table)) WHERE \(dialect.equalsIgnoringCase(q(column), dialect.placeholder(at: 1))) "
            + "ORDER BY _rowid_ LIMIT 1"
    }

    /// All columns of every row whose `column` equals parameter 1, in insertion order.
    public func selectAll(table: String, where column: String) -> String {
        "SELECT * FROM \(q(table)) WHERE \(q(column)) = \(dialect.placeholder(at: 1)) ORDER BY _rowid_"
    }

    /// All columns of every row (in insertion order, at most `limit`) whose JSON-array column
    /// `column` has an item equal to parameter 1 (a single value counts as one item).
    public func selectAll(table: String, whereItemOf column: String, limit: Int?) -> String {
        let items = dialect.jsonArrayItems(ofColumn: "\(q(table)).\(q(column))")
        return "SELECT * FROM \(q(table)) WHERE EXISTS (SELECT 1 FROM \(items) AS \(q("__item")) WHERE "
            + "\(dialect.jsonArrayItemValue(q("__item"))) = \(dialect.placeholder(at: 1))) ORDER BY _rowid_"
            + (limit.map { " LIMIT \(max(0, $0))" } ?? "")
    }

    /// All columns of every row whose `column` equals parameter 1, in insertion order, at most `limit`.
    public func selectAll(table: String, where column: String, limit: Int?) -> String {
        selectAll(table: table, where: column) + (limit.map { " LIMIT \(max(0, $0))" } ?? "")
    }

    /// The number of rows.
    public func count(table: String) -> String {
        "SELECT COUNT(*) FROM \(q(table))"
    }

    /// Inserts one row; binds the values of `columns` in order.
    public func insert(table: String, columns: [String]) -> String {
        let names = columns.map(q).joined(separator: ", ")
        return "INSERT INTO \(q(table)) (\(names)) VALUES (\(dialect.placeholders(from: 1, count: columns.count)))"
    }

    /// Updates the row whose `key` equals the last parameter; binds the values of `columns` in
    /// order, then the key.
    public func update(table: String, columns: [String], key: String = "id") -> String {
        let assignments = columns.enumerated()
            .map { "\(q($0.element)) = \(dialect.placeholder(at: $0.offset + 1))" }
            .joined(separator: ", ")
        return "UPDATE \(q(table)) SET \(assignments) WHERE \(q(key)) = \(dialect.placeholder(at: columns.count + 1))"
    }

    /// Deletes the row whose `key` equals parameter 1.
    public func delete(table: String, key: String = "id") -> String {
        "DELETE FROM \(q(table)) WHERE \(q(key)) = \(dialect.placeholder(at: 1))"
    }

    private func q(_ identifier: String) -> String { dialect.quoteIdentifier(identifier) }
}
