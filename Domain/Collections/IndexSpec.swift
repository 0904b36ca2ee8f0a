/// A collection index as PocketBase writes it (`CREATE [UNIQUE] INDEX name ON table (cols) [WHERE …]`),
/// parsed and rebuilt in its canonical form.
public struct IndexSpec: Sendable, Equatable {
    /// One indexed column or expression.
    public struct Column: Sendable, Equatable {
        public var name: String
        public var collate: String
        public var sort: String
    }

    public var unique = false
    public var optional = false
    public var schemaName = ""
    public var indexName = ""
    public var tableName = ""
    public var columns: [Column] = []
    public var whereClause = ""

    private static let trimSet: Set<Character> = ["`", "\"", "'", "[", "]", "\r", "\n", "\t", "\u{0C}", "\u{0B}", " "]

    /// True when it names an index, a table and at least one column.
    public var isValid: Bool { !indexName.isEmpty && !tableName.isEmpty && !columns.isEmpty }

    /// Parses an index definition; an unparsable text gives an invalid spec (as PocketBase does).
    public init(parsing sql: String) {
        var scanner = Scanner(Array(sql))
        guard scanner.seek(word: "create") else { return }
        scanner.skipSpace()
        if scanner.consume(word: "unique") { unique = true; scanner.skipSpace() }
        guard scanner.consume(word: "index") else { return }
        scanner.skipSpace()
        // "IF NOT EXISTS"; otherwise (say an index named "iffy") the words are the index name.
        let beforeIf = scanner.position
        if scanner.consume(word: "if"), scanner.skipRequiredSpace(), scanner.consume(word: "not"),
           scanner.skipRequiredSpace(), scanner.consume(word: "exists"), scanner.skipRequiredSpace() {
            optional = true
        } else {
            scanner.position = beforeIf
        }
        let nameToken = scanner.token()
        scanner.skipSpace()
        guard scanner.consume(word: "on") else { return }
        scanner.skipSpace()
        var tableToken = scanner.token()
        // "ON table(" with no space: the table token stops at the parenthesis.
        if let paren = tableToken.firstIndex(of: "(") {
            scanner.position -= tableToken.distance(from: paren, to: tableToken.endIndex)
            tableToken = String(tableToken[..<paren])
        }
        scanner.skipSpace()
        guard scanner.peek == "(" else { return }
        let rest = Array(scanner.characters[(scanner.position + 1)...])
        guard let close = rest.lastIndex(of: ")") else { return }
        let inner = String(rest[..<close])
        let tail = String(rest[(close + 1)...])

        let nameParts = Self.split(nameToken, separator: ".")
        if nameParts.count == 2 {
            schemaName = Self.trim(nameParts[0])
            indexName = Self.trim(nameParts[1])
        } else {
            indexName = Self.trim(nameParts.first ?? "")
        }
        tableName = Self.trim(tableToken)
        for raw in Self.split(inner, separator: ",") {
            if let column = Self.parseColumn(raw) { columns.append(column) }
        }
        var tailScanner = Scanner(Array(tail))
        tailScanner.skipSpace()
        if tailScanner.consume(word: "where"), tailScanner.peek?.isWhitespace == true {
            whereClause = String(tailScanner.characters[tailScanner.position...]).trimmingSpaces()
        }
    }

    /// The canonical text: backquoted names, one column per line when there are several.
    public func build() -> String {
        guard isValid else { return "" }
        var s = "CREATE "
        if unique { s += "UNIQUE " }
        s += "INDEX "
        if optional { s += "IF NOT EXISTS " }
        if !schemaName.isEmpty { s += "`\(schemaName)`." }
        s += "`\(indexName)` ON `\(tableName)` ("
        if columns.count > 1 { s += "\n  " }
        var hasColumn = false
        for column in columns {
            let name = column.name.trimmingSpaces()
            if name.isEmpty { continue }
            if hasColumn { s += ",\n  " }
            if column.name.contains("(") || column.name.contains(" ") {
                s += name
            } else {
                s += "`\(name)`"
            }
            if !column.collate.isEmpty { s += " COLLATE \(column.collate)" }
            if !column.sort.isEmpty { s += " \(column.sort.uppercased())" }
            hasColumn = true
        }
        if hasColumn && columns.count > 1 { s += "\n" }
        s += ")"
        if !whereClause.isEmpty { s += " WHERE \(whereClause)" }
        return s
    }

    private static func trim(_ text: String) -> String {
        var chars = Substring(text)
        while let f = chars.first, trimSet.contains(f) { chars.removeFirst() }
        while let l = chars.last, trimSet.contains(l) { chars.removeLast() }
        return String(chars)
    }

    /// `name [COLLATE x] [ASC|DESC]`.
    private static func parseColumn(_ raw: String) -> Column? {
        var words = raw.trimmingSpaces()
        var sort = ""
        var collate = ""
        let lower = words.lowercased()
        for candidate in ["asc", "desc"] where lower.hasSuffix(" " + candidate) || lower.hasSuffix("\t" + candidate) {
            sort = candidate.uppercased()
            words = String(words.dropLast(candidate.count)).trimmingSpaces()
        }
        let parts = words.split(whereSeparator: \.isWhitespace)
        if parts.count >= 3, parts[parts.count - 2].lowercased() == "collate",
           parts.last!.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            collate = String(parts.last!)
            words = parts.dropLast(2).joined(separator: " ")
        }
        let name = trim(words)
        return name.isEmpty ? nil : Column(name: name, collate: collate, sort: sort)
    }

    /// Splits on a separator outside parentheses and quotes.
    static func split(_ text: String, separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for c in text {
            if let q = quote {
                current.append(c)
                if c == q { quote = nil }
                continue
            }
            switch c {
            case "'", "\"", "`": quote = c; current.append(c)
            case "(": depth += 1; current.append(c)
            case ")": depth -= 1; current.append(c)
            case separator where depth == 0:
                parts.append(current)
                current = ""
            default: current.append(c)
            }
        }
        if !current.trimmingSpaces().isEmpty || !parts.isEmpty { parts.append(current) }
        return parts.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
    }
}

/// A tiny case-insensitive word scanner for index definitions.
private struct Scanner {
    let characters: [Character]
    var position = 0

    init(_ characters: [Character]) { self.characters = characters }

    var peek: Character? { position < characters.count ? characters[position] : nil }

    mutating func skipSpace() {
        while let c = peek, c.isWhitespace { position += 1 }
    }

    /// Skips whitespace; false when there was none.
    mutating func skipRequiredSpace() -> Bool {
        let start = position
        skipSpace()
        return position > start
    }

    mutating func consume(word: String) -> Bool {
        let w = Array(word)
        guard position + w.count <= characters.count else { return false }
        for i in 0..<w.count where characters[position + i].lowercased() != String(w[i]) { return false }
        position += w.count
        return true
    }

    /// Moves past the first occurrence of `word` (case-insensitive), as an unanchored regex would.
    mutating func seek(word: String) -> Bool {
        while position < characters.count {
            if consume(word: word) { return true }
            position += 1
        }
        return false
    }

    mutating func token() -> String {
        let start = position
        while let c = peek, !c.isWhitespace { position += 1 }
        return String(characters[start..<position])
    }
}

extension String {
    /// The text without leading and trailing whitespace.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
