/// One result row: the statement's column names and the row's values in the same order.
public struct SQLiteRow: Sendable, Equatable {
    /// The column names of the statement (shared by every row of a result).
    public let columns: [String]
    /// The values, one per column.
    public let values: [SQLiteValue]

    /// Creates a row; `values` has one entry per column.
    public init(columns: [String], values: [SQLiteValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value at a column position.
    public subscript(index: Int) -> SQLiteValue { values[index] }

    /// The value of the first column with this name; `.null` when there is none.
    public subscript(name: String) -> SQLiteValue {
        guard let index = columns.firstIndex(of: name) else { return .null }
        return values[index]
    }
}
