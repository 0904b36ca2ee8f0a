/// PocketBase 0.28.4's LIKE pattern handling for bound values (`search.wrapLikeParams`).
enum LikePattern {
    /// `%text%` with unescaped `\`, `%` and `_` escaped, or `text` unchanged when it already holds
    /// an unescaped `%` (the client wrote the wildcards).
    static func wrap(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        if containsUnescaped(scalars, "%") { return text }
        return "%" + escapeUnescaped(scalars) + "%"
    }

    static func containsUnescaped(_ scalars: [Unicode.Scalar], _ wanted: Unicode.Scalar) -> Bool {
        var previous: Unicode.Scalar = "\u{0}"
        for scalar in scalars {
            if scalar == wanted, previous != "\\" { return true }
            previous = scalar == "\\" && previous == "\\" ? "\u{0}" : scalar
        }
        return false
    }

    /// Go's `escapeUnescapedChars(str, '\\', '%', '_')`, walked from the end as PocketBase does.
    static func escapeUnescaped(_ scalars: [Unicode.Scalar]) -> String {
        let special: Set<Unicode.Scalar> = ["\\", "%", "_"]
        var result: [Unicode.Scalar] = []
        var match = false
        for index in stride(from: scalars.count - 1, through: 0, by: -1) {
            let scalar = scalars[index]
            if match {
                if scalar != "\\" { result.append("\\") }
                match = false
            } else if special.contains(scalar) {
                match = true
            }
            result.append(scalar)
            if index == 0, match { result.append("\\") }
        }
        return String(String.UnicodeScalarView(result.reversed()))
    }
}
