/// The columns and tables a view's `SELECT` names, read loosely the way PocketBase 0.28.4 does
/// (`core/view.go`): comments dropped, joins folded into the table list, `WHERE`/`GROUP BY`/
/// `HAVING`/`ORDER`/`LIMIT`/`WITH` tails ignored, and each item split into `original [as] alias`.
public struct ViewQueryIdentifiers: Sendable, Equatable {
    /// One selected column or table: the text as written (quotes trimmed) and its alias.
    public struct Identifier: Sendable, Equatable {
        public var original: String
        public var alias: String

        public init(original: String, alias: String) {
            self.original = original
            self.alias = alias
        }
    }

    /// Why a query could not be read.
    public struct ParseError: Error, Sendable, Equatable {
        public var message: String
    }

    public var columns: [Identifier]
    /// The `FROM` tables first, then the joined ones.
    public var tables: [Identifier]

    private static let joinMarker = "__pb_join__"
    private static let discardMarker = "__pb_discard__"

    /// Reads `query`; an item that is not `x`, `x alias` or `x as alias` throws.
    public static func parse(_ query: String) throws(ParseError) -> ViewQueryIdentifiers {
        var text = trimmed(query)
        text = text.replacing(try! Regex(#"(/\*[\s\S]*?\*/)|(--.+$)"#).anchorsMatchLineEndings(), with: " ")
        text = text.replacing(try! Regex(
            #"\s+(full\s+outer\s+join|left\s+outer\s+join|right\s+outer\s+join|full\s+join|cross\s+join|inner\s+join|outer\s+join|left\s+join|right\s+join|join)\s+?"#)
            .ignoresCase(), with: " \(joinMarker) ")
        text = text.replacing(try! Regex(#"\s+(where|group\s+by|having|order|limit|with)\s+?"#).ignoresCase(),
                              with: " \(discardMarker) ")

        var selects: [String] = [], froms: [String] = [], joins: [String] = []
        var part = ""
        var skip = false
        for token in tokens(text) {
            switch token.lowercased() {
            case "select": skip = false; part = "select"
            case "distinct": continue
            case "from": skip = false; part = "from"
            case joinMarker:
                skip = false
                if part == "join" { joins.append(",") }
                part = "join"
            case discardMarker: skip = true
            default:
                if part == "join", token.lowercased() == "on" { skip = true }
                guard !skip else { continue }
                switch part {
                case "select": selects.append(token)
                case "from": froms.append(token)
                case "join": joins.append(token)
                default: break
                }
            }
        }
        return try ViewQueryIdentifiers(columns: identifiers(selects), tables: identifiers(froms) + identifiers(joins))
    }

    private init(columns: [Identifier], tables: [Identifier]) {
        self.columns = columns
        self.tables = tables
    }

    /// The query without surrounding whitespace and semicolons.
    public static func trimmed(_ query: String) -> String {
        var text = Substring(query)
        while let first = text.first, first.isWhitespace || first == ";" { text.removeFirst() }
        while let last = text.last, last.isWhitespace || last == ";" { text.removeLast() }
        return String(text)
    }

    /// Words and commas outside parentheses and quotes; whitespace separates, commas are tokens.
    static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        func flush() {
            if !current.isEmpty { out.append(current) }
            current = ""
        }
        for char in text {
            if let open = quote {
                current.append(char)
                if char == open { quote = nil }
                continue
            }
            switch char {
            case "'", "\"", "`":
                quote = char
                current.append(char)
            case "(", "[":
                depth += 1
                current.append(char)
            case ")", "]":
                depth = Swift.max(0, depth - 1)
                current.append(char)
            case "," where depth == 0:
                flush()
                out.append(",")
            case _ where char.isWhitespace && depth == 0:
                flush()
            default:
                current.append(char)
            }
        }
        flush()
        return out
    }

    private static func identifiers(_ tokens: [String]) throws(ParseError) -> [Identifier] {
        var groups: [[String]] = [[]]
        for token in tokens {
            if token == "," { groups.append([]) } else { groups[groups.count - 1].append(token) }
        }
        var result: [Identifier] = []
        for parts in groups where !parts.isEmpty {
            let original: String, alias: String
            switch parts.count {
            case 3:
                guard parts[1].lowercased() == "as" else {
                    throw ParseError(message: "invalid identifier part - expected \"as\", got \(parts[1])")
                }
                original = parts[0]; alias = parts[2]
            case 2:
                original = parts[0]; alias = parts[1]
            case 1:
                original = parts[0]
                alias = String(parts[0].split(separator: ".", omittingEmptySubsequences: false).last ?? "")
            default:
                throw ParseError(message: "invalid identifier parts [\(parts.joined(separator: " "))]")
            }
            result.append(Identifier(original: trimIdentifier(original, extra: ""),
                                     alias: trimIdentifier(alias, extra: "'")))
        }
        return result
    }

    private static func trimIdentifier(_ raw: String, extra: String) -> String {
        let trim = Set("`\"[];" + extra)
        return raw.split(separator: ".", omittingEmptySubsequences: false).map { part in
            var piece = Substring(part)
            while let first = piece.first, trim.contains(first) { piece.removeFirst() }
            while let last = piece.last, trim.contains(last) { piece.removeLast() }
            return String(piece)
        }.joined(separator: ".")
    }
}
