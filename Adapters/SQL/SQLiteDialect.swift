public import PocketDomain

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

    // PocketBase 0.28.4 compares with `IS`/`IS NOT` so NULL is equal to NULL.
    public func nullSafeComparison(_ left: String, _ right: String, equal: Bool) -> String {
        "\(left) \(equal ? "IS" : "IS NOT") \(right)"
    }

    public func equalsIgnoringCase(_ left: String, _ right: String) -> String {
        "\(left) = \(right) COLLATE NOCASE"
    }

    public func like(_ value: String, _ pattern: String, negated: Bool) -> String {
        "\(value) \(negated ? "NOT LIKE" : "LIKE") \(pattern) ESCAPE '\\'"
    }

    // PocketBase 0.28.4 (dbutils.JSONExtract): non-JSON text is wrapped as {"pb": value}.
    public func jsonExtract(_ column: String, path: [BoundJSONPathItem]) -> String {
        var suffix = ""
        for item in path {
            switch item {
            case .key(let key): suffix += "." + key
            case .index(let index): suffix += "[" + index + "]"
            }
        }
        let escaped = suffix.replacingSingleQuotes()
        return "(CASE WHEN json_valid(\(column)) THEN JSON_EXTRACT(\(column), '$\(escaped)') "
            + "ELSE JSON_EXTRACT(json_object('pb', \(column)), '$.pb\(escaped)') END)"
    }

    public func jsonArrayLength(_ column: String) -> String {
        "json_array_length(CASE WHEN iif(json_valid(\(column)), json_type(\(column))='array', FALSE) THEN \(column) "
            + "ELSE (CASE WHEN \(column) = '' OR \(column) IS NULL THEN json_array() ELSE json_array(\(column)) END) END)"
    }

    public func jsonArrayItems(ofColumn column: String) -> String {
        "json_each(CASE WHEN iif(json_valid(\(column)), json_type(\(column))='array', FALSE) THEN \(column) "
            + "ELSE json_array(\(column)) END)"
    }

    public func jsonArrayItems(ofParameter parameter: String) -> String { "json_each(\(parameter))" }

    public func jsonArrayItemValue(_ alias: String) -> String { "\(alias).`value`" }

    public func orderTerm(_ expression: String, _ direction: SortDirection) -> String {
        "\(expression) \(direction.rawValue)"
    }

    public var randomOrder: String { "RANDOM()" }

    public func rowID(of alias: String) -> String { "\(alias).`_rowid_`" }
}

extension String {
    /// The text with each `'` doubled, for use inside a single-quoted SQL literal.
    func replacingSingleQuotes() -> String {
        var out = ""
        for character in self {
            out.append(character)
            if character == "'" { out.append("'") }
        }
        return out
    }
}
