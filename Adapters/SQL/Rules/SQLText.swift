/// SQL text with its bind parameters in place, so fragments can be concatenated (or repeated)
/// in any order and numbered only once the whole statement is known.
public struct SQLText: Sendable, Hashable, ExpressibleByStringInterpolation {
    /// A run of SQL or one bind parameter.
    public enum Piece: Sendable, Hashable {
        case sql(String)
        case bind(SQLBind)
    }

    public private(set) var pieces: [Piece]

    public init(_ sql: String = "") {
        pieces = sql.isEmpty ? [] : [.sql(sql)]
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public init(stringInterpolation: DefaultStringInterpolation) {
        self.init(String(stringInterpolation: stringInterpolation))
    }

    /// One bind parameter.
    public static func bind(_ value: SQLBind) -> SQLText {
        var text = SQLText()
        text.pieces = [.bind(value)]
        return text
    }

    public var isEmpty: Bool { pieces.isEmpty }

    /// The bind values, in text order.
    public var binds: [SQLBind] {
        pieces.compactMap { if case .bind(let value) = $0 { value } else { nil } }
    }

    public static func + (lhs: SQLText, rhs: SQLText) -> SQLText {
        var out = lhs
        out.pieces.append(contentsOf: rhs.pieces)
        return out
    }

    public static func + (lhs: SQLText, rhs: String) -> SQLText { lhs + SQLText(rhs) }
    public static func + (lhs: String, rhs: SQLText) -> SQLText { SQLText(lhs) + rhs }

    public static func += (lhs: inout SQLText, rhs: SQLText) { lhs = lhs + rhs }
    public static func += (lhs: inout SQLText, rhs: String) { lhs = lhs + SQLText(rhs) }

    /// The parts joined by `separator`.
    public static func joined(_ parts: [SQLText], separator: String) -> SQLText {
        var out = SQLText()
        for (index, part) in parts.enumerated() {
            if index > 0 { out += SQLText(separator) }
            out += part
        }
        return out
    }

    /// The same text with every bind replaced by `transform(bind)`.
    public func mappingBinds(_ transform: (SQLBind) -> SQLBind) -> SQLText {
        var out = self
        out.pieces = pieces.map { piece in
            if case .bind(let value) = piece { .bind(transform(value)) } else { piece }
        }
        return out
    }

    /// The SQL with each bind written as the dialect's placeholder, numbered from `first`, and the
    /// binds in that order.
    public func render(_ dialect: any SQLDialect, firstPlaceholder first: Int = 1) -> (sql: String, binds: [SQLBind]) {
        var sql = ""
        var binds: [SQLBind] = []
        for piece in pieces {
            switch piece {
            case .sql(let text): sql += text
            case .bind(let value):
                binds.append(value)
                sql += dialect.placeholder(at: first + binds.count - 1)
            }
        }
        return (sql, binds)
    }

    // Dialect hooks take and return plain strings; binds travel through them as numbered markers.
    private static let open: Character = "\u{1}"
    private static let close: Character = "\u{2}"

    /// The text with binds as markers (for a dialect hook), plus the binds the markers number.
    func marked(into binds: inout [SQLBind]) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .sql(let text): out += text
            case .bind(let value):
                out += "\(Self.open)\(binds.count)\(Self.close)"
                binds.append(value)
            }
        }
        return out
    }

    /// Text from a hook's result, turning markers back into binds (a marker may appear any number
    /// of times).
    init(marked text: String, binds: [SQLBind]) {
        pieces = []
        var run = ""
        var number = ""
        var inMarker = false
        for character in text {
            if character == Self.open {
                inMarker = true
                number = ""
            } else if inMarker, character == Self.close {
                inMarker = false
                if !run.isEmpty { pieces.append(.sql(run)) }
                run = ""
                pieces.append(.bind(binds[Int(number)!]))
            } else if inMarker {
                number.append(character)
            } else {
                run.append(character)
            }
        }
        if !run.isEmpty { pieces.append(.sql(run)) }
    }

    /// Applies a string-based dialect hook to texts that may hold binds.
    static func hook(_ arguments: [SQLText], _ body: ([String]) -> String) -> SQLText {
        var binds: [SQLBind] = []
        let marked = arguments.map { $0.marked(into: &binds) }
        return SQLText(marked: body(marked), binds: binds)
    }
}
