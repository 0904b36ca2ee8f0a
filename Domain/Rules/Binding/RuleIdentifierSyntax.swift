/// The identifier shapes PocketBase 0.28.4's record resolver accepts, and its name helpers.
enum RuleIdentifierSyntax {
    /// Go's `\w`: ASCII letters, digits and `_`.
    static func isWord(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
    }

    private static func isPathByte(_ byte: UInt8) -> Bool {
        isWord(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    /// `[\w\.\:]*\w+` over the whole of `bytes`.
    private static func isPathTail(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let last = bytes.last, isWord(last) else { return false }
        return bytes.allSatisfy(isPathByte)
    }

    /// True when `name` matches one of the resolver's allowed patterns.
    static func isAllowed(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first else { return false }
        if isWord(first) { return bytes.dropFirst().allSatisfy(isPathByte) }
        if name == "@request.context" || name == "@request.method" { return true }
        for prefix in ["@request.auth.", "@request.body.", "@request.query.", "@request.headers."]
        where name.hasPrefix(prefix) {
            return isPathTail(bytes[prefix.utf8.count...])
        }
        let collectionPrefix = "@collection."
        guard name.hasPrefix(collectionPrefix) else { return false }
        var index = collectionPrefix.utf8.count
        let start = index
        while index < bytes.count, isWord(bytes[index]) { index += 1 }
        guard index > start else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            let aliasStart = index + 1
            index = aliasStart
            while index < bytes.count, isWord(bytes[index]) { index += 1 }
            guard index > aliasStart else { return false }
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ".") else { return false }
        return isPathTail(bytes[(index + 1)...])
    }

    /// PocketBase's `inflector.Columnify`: drops every character but `\w . * - @ #`.
    static func columnify(_ text: String) -> String {
        let kept = text.utf8.filter { byte in
            isWord(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "@") || byte == UInt8(ascii: "#")
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// The modifiers of the rule language.
    enum Modifier: String {
        case each, isset, length, lower
    }

    /// Splits `name:modifier`; a name with no colon or more than one has no modifier.
    static func splitModifier(_ combined: String) throws(RuleBindError) -> (name: String, modifier: Modifier?) {
        let parts = combined.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return (combined, nil) }
        guard let modifier = Modifier(rawValue: String(parts[1])) else {
            throw RuleBindError("unknown modifier in \(GoQuote.string(combined))")
        }
        return (String(parts[0]), modifier)
    }

    /// `posts_via_author` → (`posts`, `author`), as Go's `^(\w+)_via_(\w+)$` matches (the last
    /// `_via_` with word characters on both sides).
    static func backRelation(_ prop: String) -> (collection: String, field: String)? {
        let bytes = Array(prop.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy(isWord) else { return nil }
        let marker = Array("_via_".utf8)
        guard bytes.count > marker.count + 1 else { return nil }
        var index = bytes.count - marker.count - 1
        while index >= 1 {
            if Array(bytes[index..<(index + marker.count)]) == marker {
                return (String(decoding: bytes[..<index], as: UTF8.self),
                        String(decoding: bytes[(index + marker.count)...], as: UTF8.self))
            }
            index -= 1
        }
        return nil
    }

    /// Go's `strconv.Atoi` success: an optional sign and one or more ASCII digits.
    static func isInteger(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        return !bytes.isEmpty && bytes.allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}
