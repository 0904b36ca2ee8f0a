/// Splits a rule or filter text into ``RuleToken``s, following PocketBase's fexpr scanner.
///
/// The lexical rules (PocketBase 0.28.4, fexpr 0.5.0):
/// - whitespace is space, tab and `\n` only; `\r` and other characters are "unexpected";
/// - identifiers start with a letter, `@`, `_` or `#`, continue with letters, digits, `_`, `.` and
///   `:`, and may not end in `.` or `:` nor be a lone `@`, `_` or `#`;
/// - an identifier directly followed by `(` is a function call; arguments are identifiers, nested
///   calls (at most 3 deep), numbers or texts separated by commas, and a trailing comma is allowed;
/// - numbers are an optional leading `-`, digits and at most one `.`, not ending in `.`
///   (`-.5` is accepted, `1.`, `.5` and `1e3` are not);
/// - texts are single- or double-quoted; a backslash escapes only the matching quote and is
///   otherwise kept, and a quote preceded by a backslash never closes the text (`'a\\'` is open);
/// - `//` starts a comment up to the end of the line;
/// - a group's extent is found first by counting parentheses outside quoted texts (comments are not
///   recognised at that stage, so `(a = 1 // x)` closes at the `)` in the comment), then the inside
///   is scanned on its own.
///
/// The lexer is pulled one token at a time by ``RuleParser`` so that errors surface in the same
/// order as PocketBase's.
public struct RuleLexer {
    /// A nesting level the lexer is inside of.
    enum Context {
        /// A parenthesised group whose `)` is at `close` (the root spans the whole text).
        case group(close: Int, isRoot: Bool)
        /// A function's argument list.
        case function(name: String, expectComma: Bool)
    }

    let bytes: [UInt8]
    var offset = 0
    var contexts: [Context]
    var sourceMap: RuleSourceMap

    /// A lexer over `text`.
    public init(_ text: String) {
        bytes = Array(text.utf8)
        contexts = [.group(close: bytes.count, isRoot: true)]
        sourceMap = RuleSourceMap(bytes: bytes)
    }

    /// Every token of `text`, ending with ``RuleToken/Kind/end``.
    public static func tokenize(_ text: String) throws(RuleSyntaxError) -> [RuleToken] {
        var lexer = RuleLexer(text)
        var tokens: [RuleToken] = []
        repeat {
            tokens.append(try lexer.next())
        } while tokens.last?.kind != .end
        return tokens
    }

    /// The next token; after the end it keeps returning ``RuleToken/Kind/end``.
    public mutating func next() throws(RuleSyntaxError) -> RuleToken {
        if case .function = contexts.last {
            return try nextArgumentToken()
        }
        skipWhitespace()
        if offset >= regionEnd {
            return closeRegion()
        }
        let start = offset
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "("):
            let close = try findGroupClose(from: start)
            contexts.append(.group(close: close, isRoot: false))
            offset += 1
            return token(.groupOpen, from: start)
        case _ where Self.isIdentifierStart(byte):
            return try scanIdentifier(openFunctions: 0)
        case _ where Self.isNumberStart(byte):
            return try scanNumber()
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            return try scanText()
        case _ where Self.isSignCharacter(byte):
            return try scanSign()
        case UInt8(ascii: "&"), UInt8(ascii: "|"):
            return try scanJoin()
        case UInt8(ascii: "/"):
            return try scanComment()
        default:
            throw error(Self.unexpectedCharacterMessage(at: start, in: bytes), at: start)
        }
    }

    // MARK: - Regions

    /// Where the innermost group's text ends (its `)`, or the end of the input).
    var regionEnd: Int {
        for context in contexts.reversed() {
            if case .group(let close, _) = context { return close }
        }
        return bytes.count
    }

    /// The token at the end of the current group: its `)`, or the end of the input.
    private mutating func closeRegion() -> RuleToken {
        guard case .group(let close, let isRoot) = contexts.last, !isRoot else {
            return token(.end, from: bytes.count)
        }
        contexts.removeLast()
        offset = close + 1
        return token(.groupClose, from: close)
    }

    /// The offset of the `)` matching the `(` at `open`, skipping quoted texts as fexpr does.
    private mutating func findGroupClose(from open: Int) throws(RuleSyntaxError) -> Int {
        let end = regionEnd
        var depth = 1
        var index = open + 1
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "("):
                depth += 1
                index += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index }
                index += 1
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                let text = Self.textExtent(in: bytes, from: index, end: end)
                guard text.isClosed else {
                    throw error(Self.invalidTextMessage(bytes[index..<text.end]), at: index)
                }
                index = text.end
            default:
                index += 1
            }
        }
        throw error("invalid formatted group - missing \(depth) closing bracket(s)", at: open)
    }

    // MARK: - Helpers

    mutating func skipWhitespace() {
        let end = regionEnd
        while offset < end, Self.isWhitespace(bytes[offset]) { offset += 1 }
    }

    mutating func token(_ kind: RuleToken.Kind, from start: Int) -> RuleToken {
        RuleToken(kind, range: sourceMap.range(start, max(start, offset)))
    }

    mutating func error(_ message: String, at offset: Int,
                        kind: RuleSyntaxError.Kind = .syntax) -> RuleSyntaxError {
        RuleSyntaxError(message, at: sourceMap.position(at: offset), kind: kind)
    }

    /// The position of a byte offset, for the parser's errors.
    mutating func position(at offset: Int) -> RuleSourcePosition {
        sourceMap.position(at: offset)
    }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
