/// Writes JSON bytes by hand: the hot path of every response (see ARCHITECTURE.md §6).
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// The encoded text of one value.
    public static func string(_ value: JSONValue) -> String {
        var writer = JSONWriter()
        writer.write(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// The encoded bytes of one value.
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var writer = JSONWriter()
        writer.write(value)
        return writer.bytes
    }

    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: writeRaw("null")
        case .bool(let b): writeRaw(b ? "true" : "false")
        case .number(let n): writeNumber(n)
        case .string(let s): writeString(s)
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            var first = true
            for (key, item) in object {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                writeString(key)
                bytes.append(UInt8(ascii: ":"))
                write(item)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    public mutating func writeRaw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Numbers as Go's encoding/json writes float64: the shortest digits that round-trip, in plain
    /// decimal notation when 1e-6 <= |n| < 1e21 (integers without a fraction, `-0` kept), otherwise in
    /// exponent form with at least one exponent digit (`1e-7`, `1e+21`); non-finite values (which
    /// JSON lacks) as 0.
    public mutating func writeNumber(_ n: Double) {
        guard n.isFinite else { bytes.append(UInt8(ascii: "0")); return }
        let magnitude = abs(n)
        if magnitude < 9_007_199_254_740_992, n == n.rounded() {
            if n == 0, n.sign == .minus { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: String(Int64(n)).utf8)
            return
        }
        let text = n.description
        if magnitude >= 1e-6, magnitude < 1e21 {
            bytes.append(contentsOf: Self.plainDecimal(text).utf8)
            return
        }
        // Swift writes "1e-07"; Go writes "1e-7" (only a leading zero of a negative exponent goes).
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
            bytes.append(contentsOf: text.utf8)
            return
        }
        var exponent = text[text.index(after: e)...]
        var sign = "+"
        if exponent.first == "-" || exponent.first == "+" {
            sign = String(exponent.first!)
            exponent = exponent.dropFirst()
        }
        if sign == "-" {
            while exponent.count > 1, exponent.first == "0" { exponent = exponent.dropFirst() }
        } else if exponent.count < 2 {
            exponent = "0" + exponent
        }
        bytes.append(contentsOf: "\(text[..<e])e\(sign)\(exponent)".utf8)
    }

    /// Rewrites Swift's shortest description (`1.2345e-05`, `1.0000000000000001e+18`, `123.5`) in
    /// plain decimal notation with the same digits (`0.000012345`, `1000000000000000100`, `123.5`).
    static func plainDecimal(_ text: String) -> String {
        var body = Substring(text)
        var negative = false
        if body.first == "-" { negative = true; body = body.dropFirst() }
        var exponent = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            var digitsOfExponent = body[body.index(after: e)...]
            if digitsOfExponent.first == "+" { digitsOfExponent = digitsOfExponent.dropFirst() }
            exponent = Int(digitsOfExponent) ?? 0
            body = body[..<e]
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let integerDigits = parts.first.map(String.init) ?? ""
        let fractionDigits = parts.count > 1 ? String(parts[1]) : ""
        var digits = Array(integerDigits + fractionDigits)
        var point = integerDigits.count + exponent
        while digits.count > 1, digits.first == "0" { digits.removeFirst(); point -= 1 }
        while digits.count > 1, digits.last == "0", digits.count > point { digits.removeLast() }
        var out = negative ? "-" : ""
        if point <= 0 {
            out += "0." + String(repeating: "0", count: -point) + String(digits)
        } else if point >= digits.count {
            out += String(digits) + String(repeating: "0", count: point - digits.count)
        } else {
            out += String(digits[..<point]) + "." + String(digits[point...])
        }
        return out
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    public mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = s
        // Runs of bytes that need no escape are copied at once.
        text.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            let count = utf8.count
            while index < count {
                let byte = utf8[index]
                if byte >= 0x20, byte != 0x22, byte != 0x5C, byte != 0xE2 {
                    index += 1
                    continue
                }
                // U+2028 and U+2029 (E2 80 A8/A9), which Go always escapes; other E2 sequences pass.
                if byte == 0xE2 {
                    guard index + 2 < count, utf8[index + 1] == 0x80, utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9
                    else {
                        index += 1
                        continue
                    }
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                if byte == 0xE2 {
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "2"), UInt8(ascii: "0"),
                                              UInt8(ascii: "2"), utf8[index + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9")])
                    index += 3
                } else {
                    appendEscape(of: byte)
                    index += 1
                }
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The escape of a quote, a backslash or a control character.
    private mutating func appendEscape(of byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(0x5C); bytes.append(0x22)
        case UInt8(ascii: "\\"): bytes.append(0x5C); bytes.append(0x5C)
        case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
        case 0x08: bytes.append(0x5C); bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(0x5C); bytes.append(UInt8(ascii: "f"))
        default:
            bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(Self.hex[Int(byte >> 4)])
            bytes.append(Self.hex[Int(byte & 0xF)])
        }
    }
}
