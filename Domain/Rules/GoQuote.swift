/// Quotes values the way Go's `%q` verb does, so error messages read like PocketBase's.
enum GoQuote {
    /// A double-quoted string (`strconv.Quote`).
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars { out += escape(scalar, quote: "\"") }
        return out + "\""
    }

    /// A single-quoted character (`strconv.QuoteRune`).
    static func rune(_ scalar: Unicode.Scalar) -> String {
        "'" + escape(scalar, quote: "'") + "'"
    }

    private static func escape(_ scalar: Unicode.Scalar, quote: Unicode.Scalar) -> String {
        switch scalar {
        case quote, "\\": return "\\" + String(Character(scalar))
        case "\u{07}": return "\\a"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{0B}": return "\\v"
        default: break
        }
        if isPrintable(scalar) { return String(Character(scalar)) }
        if scalar.value < 0x80 { return "\\x" + hex(scalar.value, width: 2) }
        if scalar.value < 0x10000 { return "\\u" + hex(scalar.value, width: 4) }
        return "\\U" + hex(scalar.value, width: 8)
    }

    /// Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        if scalar.value < 0x80 { return scalar.value > 0x20 && scalar.value < 0x7F }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber,
             .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
