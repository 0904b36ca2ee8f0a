extension RuleLexer {
    /// The next token inside a function's argument list.
    ///
    /// Comma placement is checked here, as fexpr's scanner does: no leading or doubled comma, a
    /// comma between arguments, and an optional trailing comma before `)`.
    mutating func nextArgumentToken() throws(RuleSyntaxError) -> RuleToken {
        guard case .function(let name, let expectComma) = contexts.last else {
            preconditionFailure("nextArgumentToken outside a function")
        }
        let end = regionEnd
        while true {
            guard offset < end else {
                throw functionError("invalid or incomplete function \(GoQuote.string(name)) (expected ')')",
                                    at: offset)
            }
            let start = offset
            let byte = bytes[start]
            if byte == UInt8(ascii: ")") {
                contexts.removeLast()
                offset += 1
                return token(.functionClose, from: start)
            }
            if Self.isWhitespace(byte) {
                skipWhitespace()
                continue
            }
            if byte == UInt8(ascii: "/") {
                do {
                    return try scanComment()
                } catch {
                    throw functionError("failed to scan comment in function \(GoQuote.string(name)): \(error.message)",
                                        at: error.position.offset)
                }
            }
            let isComma = byte == UInt8(ascii: ",")
            if expectComma, !isComma {
                throw functionError("expected comma after the last argument in function \(GoQuote.string(name))",
                                    at: start)
            }
            if !expectComma, isComma {
                throw functionError("unexpected comma in function \(GoQuote.string(name))", at: start)
            }
            setExpectComma(!isComma)
            if isComma {
                offset += 1
                return token(.comma, from: start)
            }
            return try scanArgument(of: name)
        }
    }

    /// One argument: an identifier or nested call, a number, or a text.
    private mutating func scanArgument(of name: String) throws(RuleSyntaxError) -> RuleToken {
        let start = offset
        let byte = bytes[start]
        let kind: String
        if Self.isIdentifierStart(byte) {
            kind = "identifier"
        } else if Self.isNumberStart(byte) {
            kind = "number"
        } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
            kind = "text"
        } else {
            let character = GoQuote.rune(Self.scalar(at: start, in: bytes))
            throw functionError("unsupported argument character \(character) in function \(GoQuote.string(name))",
                                at: start)
        }
        do {
            switch kind {
            case "identifier": return try scanIdentifier(openFunctions: openFunctionCount)
            case "number": return try scanNumber()
            default: return try scanText()
            }
        } catch {
            // fexpr names the failing argument by what was scanned of it (a text with its quote).
            let literal = string(start, kind == "identifier" ? identifierEnd(from: start) : offset)
            throw functionError(error.message, at: error.position.offset, argument: (kind, literal))
        }
    }

    /// How many function argument lists are open around the current position.
    private var openFunctionCount: Int {
        var count = 0
        for context in contexts.reversed() {
            guard case .function = context else { break }
            count += 1
        }
        return count
    }

    private mutating func setExpectComma(_ value: Bool) {
        guard case .function(let name, _) = contexts.last else { return }
        contexts[contexts.count - 1] = .function(name: name, expectComma: value)
    }

    /// The end of the identifier (or function name) starting at `start`.
    private func identifierEnd(from start: Int) -> Int {
        var index = start + 1
        while index < bytes.count, Self.isIdentifierPart(bytes[index]) { index += 1 }
        return index
    }

    /// An error raised inside function arguments, wrapped once per enclosing function the way
    /// fexpr reports it: `invalid identifier argument "g" in function "f": <inner message>`.
    private mutating func functionError(_ message: String, at offset: Int,
                                        argument: (kind: String, literal: String)? = nil) -> RuleSyntaxError {
        var names: [String] = []
        for context in contexts.reversed() {
            guard case .function(let name, _) = context else { break }
            names.insert(name, at: 0)
        }
        var text = message
        if let argument, let innermost = names.last {
            text = "invalid \(argument.kind) argument \(GoQuote.string(argument.literal)) "
                + "in function \(GoQuote.string(innermost)): " + text
        }
        for index in stride(from: names.count - 2, through: 0, by: -1) {
            text = "invalid identifier argument \(GoQuote.string(names[index + 1])) "
                + "in function \(GoQuote.string(names[index])): " + text
        }
        return error(text, at: offset)
    }
}
