/// Base64 encoding and decoding in the two flavours PocketBase uses, written without Foundation.
///
/// `standard` is Go's `base64.StdEncoding` (`+/`, padded); `rawURL` is `base64.RawURLEncoding`
/// (`-_`, no padding). Decoding mirrors Go's non-strict mode: padding must be exactly right for
/// `standard` and absent for `rawURL`, but unused trailing bits need not be zero.
public struct Base64: Sendable {
    /// `+/` with `=` padding.
    public static let standard = Base64(
        alphabet: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8), padded: true)
    /// `-_` without padding, as JSON Web Tokens use.
    public static let rawURL = Base64(
        alphabet: Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8), padded: false)

    private static let pad = UInt8(ascii: "=")
    private static let invalid: UInt8 = 0xFF

    private let alphabet: [UInt8]
    private let padded: Bool
    private let decodeTable: [UInt8]

    private init(alphabet: [UInt8], padded: Bool) {
        self.alphabet = alphabet
        self.padded = padded
        var table = [UInt8](repeating: Self.invalid, count: 256)
        for (value, symbol) in alphabet.enumerated() { table[Int(symbol)] = UInt8(value) }
        decodeTable = table
    }

    /// The encoded text of `bytes`.
    public func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= bytes.count {
            let group = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            appendSymbols(of: group, count: 4, to: &out)
            index += 3
        }
        switch bytes.count - index {
        case 1:
            appendSymbols(of: UInt32(bytes[index]) << 16, count: 2, to: &out)
            if padded { out.append(contentsOf: [Self.pad, Self.pad]) }
        case 2:
            appendSymbols(of: UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8, count: 3, to: &out)
            if padded { out.append(Self.pad) }
        default:
            break
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes encoded by `text`, or nil when it is not valid in this flavour.
    public func decode(_ text: some StringProtocol) -> [UInt8]? {
        decode(bytes: Array(text.utf8))
    }

    /// The bytes encoded by the ASCII symbols `text`, or nil when they are not valid in this flavour.
    public func decode(bytes text: [UInt8]) -> [UInt8]? {
        var symbolCount = text.count
        if padded {
            guard text.count % 4 == 0 else { return nil }
            while symbolCount > 0, text.count - symbolCount < 2, text[symbolCount - 1] == Self.pad {
                symbolCount -= 1
            }
            let padding = text.count - symbolCount
            // "xx==" and "xxx=" are the only padded endings; a full group takes none.
            guard padding == 0 || (symbolCount % 4) + padding == 4 else { return nil }
        }
        guard symbolCount % 4 != 1 else { return nil }

        var out: [UInt8] = []
        out.reserveCapacity(symbolCount / 4 * 3 + 2)
        var group: UInt32 = 0
        var filled = 0
        for index in 0..<symbolCount {
            let value = decodeTable[Int(text[index])]
            guard value != Self.invalid else { return nil }
            group = group << 6 | UInt32(value)
            filled += 1
            if filled == 4 {
                out.append(UInt8(truncatingIfNeeded: group >> 16))
                out.append(UInt8(truncatingIfNeeded: group >> 8))
                out.append(UInt8(truncatingIfNeeded: group))
                group = 0
                filled = 0
            }
        }
        switch filled {
        case 2:
            out.append(UInt8(truncatingIfNeeded: group >> 4))
        case 3:
            out.append(UInt8(truncatingIfNeeded: group >> 10))
            out.append(UInt8(truncatingIfNeeded: group >> 2))
        default:
            break
        }
        return out
    }

    private func appendSymbols(of group: UInt32, count: Int, to out: inout [UInt8]) {
        for position in 0..<count {
            let shift = UInt32(18 - 6 * position)
            out.append(alphabet[Int((group >> shift) & 0x3F)])
        }
    }
}
