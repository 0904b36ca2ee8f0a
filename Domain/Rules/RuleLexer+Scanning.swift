extension RuleLexer {
    // MARK: - Tokens

    /// An identifier, or a function's name and `(` when `(` follows directly.
    mutating func scanIdentifier(openFunctions: Int) throws(RuleSyntaxError) -> RuleToken {
        let start = offset
        let end = regionEnd
        offset += 1  // the first character is already known to be a valid start
        while offset < end {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "(") {
                let name = string(start, offset)
                if openFunctions >= RuleLimits.maxFunctionDepth {
                    throw error("max nested function arguments reached (max: \(RuleLimits.maxFunctionDepth))",
                                at: start)
                }
                guard Self.isValidIdentifier(bytes[start..<offset]) else {
                    throw error("invalid function name \(GoQuote.string(name))", at: start)
                }
                offset += 1
                contexts.append(.function(name: name, expectComma: false))
                return token(.functionOpen(name), from: start)
            }
            guard Self.isIdentifierPart(byte) else { break }
            offset += 1
        }
        let literal = string(start, offset)
        guard Self.isValidIdentifier(bytes[start..<offset]) else {
            throw error("invalid identifier \(GoQuote.string(literal))", at: start)
        }
        return token(.identifier(literal), from: start)
    }

    /// A number: optional leading `-`, digits and at most one `.`, not ending in `.`.
    mutating func scanNumber() throws(RuleSyntaxError) -> RuleToken {
        let start = offset
        let end = regionEnd
        var hadDot = false
        while offset < end {
            let byte = bytes[offset]
            if Self.isDigit(byte) || (byte == UInt8(ascii: "-") && offset == start) {
                offset += 1
            } else if byte == UInt8(ascii: "."), !hadDot {
                hadDot = true
                offset += 1
            } else {
                break
            }
        }
        let literal = string(start, offset)
        if literal == "-" || literal.hasSuffix(".") {
            throw error("invalid number \(GoQuote.string(literal))", at: start)
        }
        return token(.number(literal), from: start)
    }

    /// A quoted text; the value has its quotes removed and escaped matching quotes unescaped.
    mutating func scanText() throws(RuleSyntaxError) -> RuleToken {
        let start = offset
        let extent = Self.textExtent(in: bytes, from: start, end: regionEnd)
        offset = extent.end
        guard extent.isClosed else {
            throw error(Self.invalidTextMessage(bytes[start..<extent.end]), at: start)
        }
        let quote = bytes[start]
        var value: [UInt8] = []
        value.reserveCapacity(extent.end - start - 2)
        var index = start + 1
        while index < extent.end - 1 {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < extent.end - 1, bytes[index + 1] == quote {
                index += 1
            }
            value.append(bytes[index])
            index += 1
        }
        return token(.text(String(decoding: value, as: UTF8.self)), from: start)
    }

    /// A run of `= ? ! > < ~` that must form one operator.
    mutating func scanSign() throws(RuleSyntaxError) -> RuleToken {
        let start = offset
        let end = regionEnd
        while offset < end, Self.isSignCharacter(bytes[offset]) { offset += 1 }
        let literal = string(start, offset)
        guard let sign = RuleOperator(rawValue: literal) else {
            throw error("invalid sign operator \(GoQuote.string(literal))", at: start)
        }
        return token(.sign(sign), from: start)
    }

    /// A run of `&` and `|` that must be `&&` or `||`.
    mutating func scanJoin() throws(RuleSyntaxError) -> RuleToken {
        let start = offset
        let end = regionEnd
        while offset < end, bytes[offset] == UInt8(ascii: "&") || bytes[offset] == UInt8(ascii: "|") {
            offset += 1
        }
        switch string(start, offset) {
        case "&&": return token(.and, from: start)
        case "||": return token(.or, from: start)
        case let literal: throw error("invalid join operator \(GoQuote.string(literal))", at: start)
        }
    }

    /// A `//` comment up to (and swallowing) the next `\n`.
    mutating func scanComment() throws(RuleSyntaxError) -> RuleToken {
        let start = offset
        let end = regionEnd
        guard start + 1 < end, bytes[start + 1] == UInt8(ascii: "/") else {
            offset = min(start + 2, end)
            throw error("invalid comment", at: start)
        }
        offset += 2
        while offset < end, bytes[offset] != UInt8(ascii: "\n") { offset += 1 }
        let text = Self.trimmingGoSpace(string(start + 2, offset))
        let comment = token(.comment(text), from: start)
        if offset < end { offset += 1 }
        return comment
    }

    // MARK: - Shared pieces

    /// Where a quoted text starting at `start` ends (just past its closing quote, or at `end`).
    static func textExtent(in bytes: [UInt8], from start: Int, end: Int) -> (end: Int, isClosed: Bool) {
        let quote = bytes[start]
        var previous: UInt8 = 0
        var index = start + 1
        while index < end {
            let byte = bytes[index]
            index += 1
            if byte == quote, previous != UInt8(ascii: "\\") { return (index, true) }
            previous = byte
        }
        return (end, false)
    }

    static func invalidTextMessage(_ raw: ArraySlice<UInt8>) -> String {
        "invalid quoted text \(GoQuote.string(String(decoding: raw, as: UTF8.self)))"
    }

    static func unexpectedCharacterMessage(at offset: Int, in bytes: [UInt8]) -> String {
        "unexpected character \(GoQuote.rune(scalar(at: offset, in: bytes)))"
    }

    /// The Unicode scalar starting at `offset`.
    static func scalar(at offset: Int, in bytes: [UInt8]) -> Unicode.Scalar {
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[offset..<end], as: UTF8.self).unicodeScalars.first ?? "\u{FFFD}"
    }

    /// Go's `strings.TrimSpace`: drops leading and trailing Unicode white space.
    static func trimmingGoSpace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    // MARK: - Character classes

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isSpecialIdentifierStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "@") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "#")
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool { isLetter(byte) || isSpecialIdentifierStart(byte) }

    static func isIdentifierCombiner(_ byte: UInt8) -> Bool { byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") }

    static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || isIdentifierCombiner(byte)
    }

    static func isNumberStart(_ byte: UInt8) -> Bool { isDigit(byte) || byte == UInt8(ascii: "-") }

    static func isSignCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ">"), UInt8(ascii: "<"),
             UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Not ending in `.` or `:`, and not a lone `@`, `_` or `#`.
    static func isValidIdentifier(_ literal: ArraySlice<UInt8>) -> Bool {
        guard let last = literal.last else { return false }
        if isIdentifierCombiner(last) { return false }
        return !(literal.count == 1 && isSpecialIdentifierStart(last))
    }
}
