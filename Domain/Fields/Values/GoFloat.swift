/// Go's `strconv.ParseFloat(s, 64)`, as cast uses it: nil when Go reports an error (bad syntax or
/// overflow), so the caller falls back to 0.
enum GoFloat {
    static func parse(_ text: String) -> Double? {
        var body = Substring(text)
        var negative = false
        if let first = body.first, first == "+" || first == "-" {
            negative = first == "-"
            body = body.dropFirst()
        }
        if let special = special(body, signed: text.first == "+" || text.first == "-") {
            return negative ? -special : special
        }
        guard !body.isEmpty, body.allSatisfy(\.isASCII) else { return nil }
        let lowered = body.lowercased()
        let isHex = lowered.hasPrefix("0x")
        guard underscoresAreValid(Array(lowered.utf8), hex: isHex) else { return nil }
        let cleaned = lowered.replacingAll("_")
        guard isHex ? isHexFloat(cleaned) : isDecimalFloat(cleaned) else { return nil }
        guard let value = Double(cleaned) else { return nil }
        // Go reports overflow as an error (cast then yields 0); an underflow rounds to zero silently.
        if value.isInfinite { return nil }
        return negative ? -value : value
    }

    /// `inf`, `infinity` (any case, optionally signed) and an unsigned `nan`.
    private static func special(_ body: Substring, signed: Bool) -> Double? {
        let lowered = body.lowercased()
        if lowered == "inf" || lowered == "infinity" { return .infinity }
        if !signed, lowered == "nan" { return .nan }
        return nil
    }

    /// Digits with an optional point and an optional `e` exponent; at least one mantissa digit.
    private static func isDecimalFloat(_ s: String) -> Bool {
        var bytes = Array(s.utf8)[...]
        var mantissaDigits = 0
        var seenPoint = false
        while let b = bytes.first, isDigit(b) || (b == UInt8(ascii: ".") && !seenPoint) {
            if b == UInt8(ascii: ".") { seenPoint = true } else { mantissaDigits += 1 }
            bytes = bytes.dropFirst()
        }
        guard mantissaDigits > 0 else { return false }
        if bytes.isEmpty { return true }
        guard bytes.first == UInt8(ascii: "e") else { return false }
        return isExponent(bytes.dropFirst())
    }

    /// `0x` hex digits with an optional point and a required `p` exponent.
    private static func isHexFloat(_ s: String) -> Bool {
        var bytes = Array(s.utf8)[...].dropFirst(2)
        var mantissaDigits = 0
        var seenPoint = false
        while let b = bytes.first, isHexDigit(b) || (b == UInt8(ascii: ".") && !seenPoint) {
            if b == UInt8(ascii: ".") { seenPoint = true } else { mantissaDigits += 1 }
            bytes = bytes.dropFirst()
        }
        guard mantissaDigits > 0, bytes.first == UInt8(ascii: "p") else { return false }
        return isExponent(bytes.dropFirst())
    }

    private static func isExponent(_ rest: ArraySlice<UInt8>) -> Bool {
        var digits = rest
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    /// Go allows `_` only between digits (or right after a base prefix).
    private static func underscoresAreValid(_ s: [UInt8], hex: Bool) -> Bool {
        guard s.contains(UInt8(ascii: "_")) else { return true }
        var saw: UInt8 = UInt8(ascii: "^")
        var i = 0
        if hex { i = 2; saw = UInt8(ascii: "0") }
        while i < s.count {
            let b = s[i]
            if isDigit(b) || (hex && isHexDigit(b)) {
                saw = UInt8(ascii: "0")
            } else if b == UInt8(ascii: "_") {
                if saw != UInt8(ascii: "0") { return false }
                saw = UInt8(ascii: "_")
            } else {
                if saw == UInt8(ascii: "_") { return false }
                saw = UInt8(ascii: "!")
            }
            i += 1
        }
        return saw != UInt8(ascii: "_")
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private static func isHexDigit(_ b: UInt8) -> Bool { isDigit(b) || (b >= 97 && b <= 102) }
}

extension String {
    /// The text without any occurrence of `character`.
    func replacingAll(_ character: Character) -> String { String(filter { $0 != character }) }
}
