/// SQLite's dialect as PocketBase 0.28.4 speaks it: backquoted names, `?` placeholders.
public struct SQLiteDialect: SQLDialect {
    /// Creates the dialect (it has no settings).
    public init() {}

    /// `sqlite`.
    public var name: String { "sqlite" }

    /// Backquotes the identifier, doubling any backquote inside it.
    public func quoteIdentifier(_ identifier: String) -> String {
        var out = "`"
        for character in identifier {
            if character == "`" { out += "``" } else { out.append(character) }
        }
        out += "`"
        return out
    }

    /// Always `?` (SQLite numbers positional parameters itself).
    public func placeholder(at index: Int) -> String { "?" }

    /// PocketBase 0.28.4's column types, word for word.
    public func columnDefinition(for kind: ColumnKind) -> String {
        switch kind {
        case .primaryKey: "TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL"
        case .text: "TEXT DEFAULT '' NOT NULL"
        case .number: "NUMERIC DEFAULT 0 NOT NULL"
        case .bool: "BOOLEAN DEFAULT FALSE NOT NULL"
        case .json: "JSON DEFAULT NULL"
        case .jsonArray: "JSON DEFAULT '[]' NOT NULL"
        case .geoPoint: "JSON DEFAULT '{\"lon\":0,\"lat\":0}' NOT NULL"
        }
    }

    /// `TRUE` or `FALSE` (SQLite reads them as 1 and 0).
    public func booleanLiteral(_ value: Bool) -> String { value ? "TRUE" : "FALSE" }

    public func singleToMultipleExpression(_ column: String) -> String {
        "CASE WHEN \(column) IS NULL OR \(column) = '' THEN '[]' ELSE json_array(\(column)) END"
    }

    public func multipleToSingleExpression(_ column: String) -> String {
        "CASE WHEN json_valid(\(column)) AND json_type(\(column)) = 'array' AND json_array_length(\(column)) > 0 "
            + "THEN json_extract(\(column), '$[#-1]') WHEN json_valid(\(column)) THEN '' ELSE \(column) END"
    }
}
