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

    /// Numbers as Go's encoding/json writes float64: integers without a fraction, others in the
    /// shortest form that round-trips; non-finite values (which JSON lacks) as 0.
    public mutating func writeNumber(_ n: Double) {
        guard n.isFinite else { bytes.append(UInt8(ascii: "0")); return }
        if n == n.rounded(), abs(n) < 1e21 {
            if abs(n) < 9.2e18 {
                bytes.append(contentsOf: String(Int64(n)).utf8)
            } else {
                bytes.append(contentsOf: Self.expandedInteger(n).utf8)
            }
            return
        }
        var text = n.description
        // Swift writes "1e-07"; Go writes "1e-7".
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let mantissa = text[..<e]
            var exponent = text[text.index(after: e)...]
            var sign = ""
            if exponent.first == "-" || exponent.first == "+" {
                sign = exponent.first == "-" ? "-" : "+"
                exponent = exponent.dropFirst()
            }
            while exponent.count > 2, exponent.first == "0" { exponent = exponent.dropFirst() }
            text = "\(mantissa)e\(sign)\(exponent)"
        }
        bytes.append(contentsOf: text.utf8)
    }

    private static func expandedInteger(_ n: Double) -> String {
        // Integral doubles between 2^63 and 1e21: print every digit.
        var digits: [UInt8] = []
        var value = abs(n)
        while value >= 1 {
            let digit = value.truncatingRemainder(dividingBy: 10)
            digits.append(UInt8(ascii: "0") + UInt8(digit))
            value = (value / 10).rounded(.down)
        }
        return (n < 0 ? "-" : "") + String(decoding: digits.reversed(), as: UTF8.self)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    public mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(0x5C); bytes.append(0x22)
            case UInt8(ascii: "\\"): bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20:
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
