internal import PocketDomain

/// Parses `application/x-www-form-urlencoded` text and query strings.
public enum URLEncodedForm {
    /// The pairs in order; `+` is a space and percent escapes are decoded.
    public static func parse(_ text: String) -> [(String, String)] {
        FormURLEncoding.decode(text)
    }

    /// The query parameters of a request, the first value of each name (`+` is a space).
    public static func firstValues(ofQuery query: String?) -> [String: String] {
        var values: [String: String] = [:]
        for (key, value) in parse(query ?? "") where values[key] == nil { values[key] = value }
        return values
    }
}
