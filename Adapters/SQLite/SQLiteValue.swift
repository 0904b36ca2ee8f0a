/// One SQLite value, as bound to a parameter or read from a column.
public enum SQLiteValue: Sendable, Equatable {
    /// SQL NULL.
    case null
    /// A 64-bit integer.
    case integer(Int64)
    /// A double.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Raw bytes.
    case blob([UInt8])

    /// The text payload, or nil for any other storage class.
    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The value as an integer: integers as is, reals truncated, numeric text parsed; nil otherwise.
    public var integer: Int64? {
        switch self {
        case .integer(let value): value
        case .real(let value) where value.isFinite && abs(value) < 9.2e18: Int64(value)
        case .text(let value): Int64(value)
        default: nil
        }
    }

    /// The value as a double: numbers as is, numeric text parsed; nil otherwise.
    public var real: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .real(let value): value
        case .text(let value): Double(value)
        default: nil
        }
    }

    /// True for `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
