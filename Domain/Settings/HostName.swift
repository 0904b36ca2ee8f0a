/// govalidator's `IsHost` (behind ozzo's `is.Host`): an IP address Go's `net.ParseIP` accepts, or a
/// DNS name of labels made of letters, digits, `_` and `-` (each starting with a letter, digit or
/// `_`, at most 63 characters), with one optional trailing `.` or `_`.
public enum HostName {
    public static func isValid(_ text: String) -> Bool {
        isIP(text) || isDNSName(text)
    }

    static func isDNSName(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.filter({ $0 != UInt8(ascii: ".") }).count <= 255 else { return false }
        var bytes = Array(text.utf8)
        if let last = bytes.last, last == UInt8(ascii: ".") || last == UInt8(ascii: "_") { bytes.removeLast() }
        guard !bytes.isEmpty else { return false }
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            guard let first = label.first, label.count <= 63, isWord(first) else { return false }
            return label.allSatisfy { isWord($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isWord(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == UInt8(ascii: "_")
    }

    /// Go's `net.ParseIP`: dotted IPv4 (no leading zeros) or IPv6 (with `::` and an embedded IPv4 tail).
    public static func isIP(_ text: String) -> Bool {
        isIPv4(Substring(text)) || isIPv6(text)
    }

    static func isIPv4(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { part in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  !(part.count > 1 && part.first == "0"), let n = Int(part) else { return false }
            return n <= 255
        }
    }

    static func isIPv6(_ text: String) -> Bool {
        guard text.contains(":") else { return false }
        var groups = 0
        var sawEllipsis = false
        var rest = Substring(text)
        if rest.hasPrefix("::") {
            sawEllipsis = true
            rest = rest.dropFirst(2)
            if rest.isEmpty { return true }
        }
        while !rest.isEmpty {
            // An IPv4 tail takes two groups.
            if rest.contains("."), !rest.contains(":") {
                guard isIPv4(rest) else { return false }
                groups += 2
                rest = ""
                break
            }
            let group = rest.prefix { $0 != ":" }
            guard !group.isEmpty, group.count <= 4, group.allSatisfy(\.isHexDigit) else { return false }
            groups += 1
            rest = rest.dropFirst(group.count)
            if rest.isEmpty { break }
            rest = rest.dropFirst()  // ":"
            if rest.hasPrefix(":") {
                guard !sawEllipsis else { return false }
                sawEllipsis = true
                rest = rest.dropFirst()
                if rest.isEmpty { break }
            } else if rest.isEmpty {
                return false
            }
        }
        return sawEllipsis ? groups < 8 : groups == 8
    }
}
