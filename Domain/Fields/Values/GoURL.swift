import _StringProcessing

/// The URL checks behind PocketBase's url field: govalidator's `IsURL` (which ozzo's `is.URL` uses)
/// and the host Go's `url.Parse` reports, which the domain lists compare against.
public enum GoURL {
    /// govalidator's `IsURL`: 4 to 2082 characters, not starting with `.`, accepted by Go's URL
    /// parser (with `http://` put in front when there is a colon but no `://`), a host not starting
    /// with `.`, a dotted path when there is no host, and the shape govalidator's URL pattern allows.
    public static func isValid(_ text: String) -> Bool {
        let runes = text.unicodeScalars.count
        guard !text.isEmpty, runes < 2083, text.utf8.count > 3, !text.hasPrefix(".") else { return false }
        let probe = text.contains(":") && !text.contains("://") ? "http://" + text : text
        guard let parts = parse(probe) else { return false }
        if parts.host.hasPrefix(".") { return false }
        if parts.host.isEmpty, !parts.path.isEmpty, !parts.path.contains(".") { return false }
        return hasURLShape(text)
    }

    /// The `host[:port]` of a URL as Go's `url.Parse` splits it (empty without a `//` authority);
    /// nil when Go refuses the URL.
    public static func host(of text: String) -> String? { parse(text)?.host }

    struct Parts {
        var host = ""
        var path = ""
    }

    /// The parts of Go's `url.Parse` that decide validity here: control bytes, the scheme, a colon in
    /// a scheme-less first segment, the authority's user info, host and port, and `%` escapes in the
    /// host, path and fragment.
    static func parse(_ raw: String) -> Parts? {
        guard !raw.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return nil }
        var rest = Substring(raw)
        if let hash = rest.firstIndex(of: "#") {
            guard validEscapes(rest[rest.index(after: hash)...]) else { return nil }
            rest = rest[..<hash]
        }
        var scheme = ""
        if let colon = rest.firstIndex(of: ":") {
            let candidate = rest[..<colon]
            if candidate.isEmpty { return nil }
            if let first = candidate.first, first.isASCII, first.isLetter,
               candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) {
                scheme = String(candidate)
                rest = rest[rest.index(after: colon)...]
            }
        }
        if let question = rest.firstIndex(of: "?") { rest = rest[..<question] }
        var parts = Parts()
        if !rest.hasPrefix("/") {
            if !scheme.isEmpty { return parts }
            let segment = rest.prefix { $0 != "/" }
            if segment.contains(":") { return nil }
        }
        if (!scheme.isEmpty || !rest.hasPrefix("///")) && rest.hasPrefix("//") {
            let authorityAndPath = rest.dropFirst(2)
            let slash = authorityAndPath.firstIndex(of: "/") ?? authorityAndPath.endIndex
            guard let host = parseAuthority(authorityAndPath[..<slash]) else { return nil }
            parts.host = host
            rest = authorityAndPath[slash...]
        }
        guard validEscapes(rest) else { return nil }
        parts.path = String(rest)
        return parts
    }

    private static func parseAuthority(_ authority: Substring) -> String? {
        var hostPart = authority
        if let at = authority.lastIndex(of: "@") {
            let userInfo = authority[..<at]
            let allowed = "-._:~!$&'()*+,;=%@"
            guard userInfo.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || allowed.contains($0) || !$0.isASCII }),
                  validEscapes(userInfo) else { return nil }
            hostPart = authority[authority.index(after: at)...]
        }
        if hostPart.hasPrefix("[") {
            guard let close = hostPart.lastIndex(of: "]") else { return nil }
            let port = hostPart[hostPart.index(after: close)...]
            guard port.isEmpty || (port.first == ":" && port.dropFirst().allSatisfy { $0.isASCII && $0.isNumber })
            else { return nil }
        } else if let colon = hostPart.lastIndex(of: ":") {
            guard hostPart[hostPart.index(after: colon)...].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        // Go's host unescaping refuses ASCII bytes a host may not hold.
        let refused = " \"#/<>?@\\^`{|}"
        guard !hostPart.contains(where: { $0.isASCII && refused.contains($0) }), validEscapes(hostPart) else { return nil }
        return String(hostPart)
    }

    /// Every `%` is followed by two hex digits.
    private static func validEscapes(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, isHex(bytes[i + 1]), isHex(bytes[i + 2]) else { return false }
                i += 3
            } else {
                i += 1
            }
        }
        return true
    }

    private static func isHex(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 70) || (b >= 97 && b <= 102)
    }

    /// govalidator's URL pattern, restated as a matcher over sets of positions (a backtracking
    /// regex takes minutes on long hostile inputs): optional scheme, optional user info, then an
    /// IPv4 address, a bracketed IPv6 address or a host name, an optional trailing dot, port and path.
    static func hasURLShape(_ text: String) -> Bool {
        URLShape(text).matches()
    }

    // The bracketed IPv6 forms govalidator allows (the text inside the brackets is short and has no
    // nested repetition, so the regex is safe here).
    nonisolated(unsafe) static let ipv6: Regex<AnyRegexOutput> = {
        let h16 = "[0-9a-fA-F]{1,4}"
        let v4Part = #"(?:25[0-5]|(?:2[0-4]|1?[0-9])?[0-9])"#
        let v4 = "(?:\(v4Part)\\.){3}\(v4Part)"
        let forms = [
            "(?:\(h16):){7}\(h16)", "(?:\(h16):){1,7}:", "(?:\(h16):){1,6}:\(h16)",
            "(?:\(h16):){1,5}(?::\(h16)){1,2}", "(?:\(h16):){1,4}(?::\(h16)){1,3}",
            "(?:\(h16):){1,3}(?::\(h16)){1,4}", "(?:\(h16):){1,2}(?::\(h16)){1,5}",
            "\(h16):(?::\(h16)){1,6}", ":(?:(?::\(h16)){1,7}|:)", "fe80:(?::[0-9a-fA-F]{0,4}){0,4}%[0-9a-zA-Z]+",
            "::(?:ffff(?::0{1,4})?:)?\(v4)", "(?:\(h16):){1,4}:\(v4)",
        ].joined(separator: "|")
        // The pattern is a constant known to compile.
        return try! Regex("^(?:\(forms))$").matchingSemantics(.unicodeScalar)
    }()
}
