/// IP address text as Go's `netip.ParseAddr(...).StringExpanded()` writes it: IPv4 in dotted
/// decimal, IPv6 as eight groups of four hex digits (with its zone, if any).
public enum IPAddressText {
    /// The expanded form of `text`, or nil when it is not an IP address.
    public static func expanded(_ text: String) -> String? {
        if text.contains(":") { return expandedIPv6(text) }
        return ipv4(text).map { $0.map(String.init).joined(separator: ".") }
    }

    /// The four bytes of a dotted-decimal IPv4 address (no leading zeros, as Go).
    static func ipv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.utf8.count), part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                  !(part.utf8.count > 1 && part.first == "0"), let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    static func ipv4(_ text: String) -> [UInt8]? { ipv4(Substring(text)) }

    private static func expandedIPv6(_ text: String) -> String? {
        var address = Substring(text)
        var zone = ""
        if let percent = address.firstIndex(of: "%") {
            zone = String(address[percent...])
            address = address[..<percent]
            guard zone.count > 1 else { return nil }
        }
        guard let groups = groups(address) else { return nil }
        let hex = groups.map { group -> String in
            let digits = String(group, radix: 16)
            return String(repeating: "0", count: 4 - digits.count) + digits
        }
        return hex.joined(separator: ":") + zone
    }

    /// The eight 16-bit groups of an IPv6 address without zone (`::` and a trailing IPv4 allowed).
    private static func groups(_ text: Substring) -> [UInt16]? {
        guard text.utf8.count <= 45 else { return nil }
        var halves = [String(text)]
        if let gap = text.firstRange(of: "::") {
            halves = [String(text[..<gap.lowerBound]), String(text[gap.upperBound...])]
            guard !halves[1].contains("::") else { return nil }
        }
        func parse(_ part: String, allowIPv4: Bool) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if allowIPv4, index == pieces.count - 1, piece.contains(".") {
                    guard let bytes = ipv4(piece) else { return nil }
                    result.append(UInt16(bytes[0]) << 8 | UInt16(bytes[1]))
                    result.append(UInt16(bytes[2]) << 8 | UInt16(bytes[3]))
                    continue
                }
                guard (1...4).contains(piece.utf8.count), let value = UInt16(piece, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        if halves.count == 1 {
            guard let all = parse(halves[0], allowIPv4: true), all.count == 8 else { return nil }
            return all
        }
        guard let head = parse(halves[0], allowIPv4: false), let tail = parse(halves[1], allowIPv4: true),
              head.count + tail.count <= 7 else { return nil }
        return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    }
}
