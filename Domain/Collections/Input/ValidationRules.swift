/// ozzo-validation's rules as PocketBase reports them (codes, sentence-cased messages, params).
enum Rules {
    static let maxSafeJSONInt = 9_007_199_254_740_991

    static func tree(_ errors: FieldErrors) -> ValidationError {
        ValidationError(code: "", message: "", nested: errors)
    }

    static let required = ValidationError.required
    static let match = ValidationError(code: "validation_match_invalid", message: "Must be in a valid format.")
    static let inInvalid = ValidationError.notInList
    static let notIn = ValidationError(code: "validation_not_in_invalid", message: "Must not be in list.")
    static let empty = ValidationError(code: "validation_empty", message: "Must be blank.")
    static let mustBeNil = ValidationError(code: "validation_nil", message: "Must be blank.")
    static let nilOrNotEmpty = ValidationError(code: "validation_nil_or_not_empty_required", message: "Cannot be blank.")
    static let domain = ValidationError(code: "validation_is_domain", message: "Must be a valid domain.")
    static let mismatch = ValidationError(code: "validation_values_mismatch", message: "Values don't match.")
    static let via = ValidationError(code: "validation_found_via", message: "The value cannot contain \"_via_\".")

    static func minimum(_ threshold: Double) -> ValidationError {
        ValidationError(code: "validation_min_greater_equal_than_required",
                        message: "Must be no less than \(format(threshold)).",
                        params: JSONObject([("threshold", .number(threshold))]))
    }

    static func maximum(_ threshold: Double) -> ValidationError {
        ValidationError(code: "validation_max_less_equal_than_required",
                        message: "Must be no greater than \(format(threshold)).",
                        params: JSONObject([("threshold", .number(threshold))]))
    }

    static func format(_ n: Double) -> String {
        n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
    }

    /// `validation.Min(min)` and `Max(max)` on an integer: zero is "empty" and always passes.
    static func range(_ value: Int, min: Int?, max: Int?) -> ValidationError? {
        guard value != 0 else { return nil }
        if let min, value < min { return minimum(Double(min)) }
        if let max, value > max { return maximum(Double(max)) }
        return nil
    }

    /// `validation.Length(min, max)` counted in runes; an empty string passes.
    static func length(_ text: String, min: Int, max: Int) -> ValidationError? {
        let count = text.unicodeScalars.count
        guard count > 0, count < min || count > max else { return nil }
        return .outOfRange(min: min, max: max)
    }

    /// Go's `^\w+$`: ASCII letters, digits and underscores.
    static func isWord(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || $0 == 95 }
    }

    /// ozzo's `is.Domain` (v4.3): dotted labels, the last one letters or punycode.
    static func isDomain(_ text: String) -> Bool {
        guard text.utf8.count <= 255 else { return false }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last else { return false }
        func alnum(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }
        func lowerAlnum(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 97 && c <= 122) }
        for label in labels.dropLast() {
            let b = Array(label.utf8)
            guard (1...63).contains(b.count), alnum(b[0]) else { return false }
            if b.count > 1 {
                guard lowerAlnum(b[b.count - 1]), b[1..<(b.count - 1)].allSatisfy({ alnum($0) || $0 == 45 }) else { return false }
            }
        }
        let t = Array(tld.utf8)
        if (1...63).contains(t.count), t.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) }) { return true }
        if t.count > 4, t.count <= 63, tld.hasPrefix("xn--"), t[4...].allSatisfy(lowerAlnum) { return true }
        return false
    }

    /// PocketBase's `validators.IsRegex` (Go RE2 syntax); nil when the pattern compiles.
    static func regexProblem(_ pattern: String) -> ValidationError? {
        guard !pattern.isEmpty, let reason = GoRegexSyntax.problem(pattern) else { return nil }
        return ValidationError(code: "validation_invalid_regex", message: "Error parsing regexp: \(reason).")
    }
}

/// Whether a pattern is valid Go (RE2) regexp syntax, by compiling it with `GoRegex`.
enum GoRegexSyntax {
    /// Go's error text without its `error parsing regexp: ` prefix ("missing closing ]: `[`"), or
    /// nil when the pattern compiles.
    static func problem(_ pattern: String) -> String? {
        do {
            _ = try GoRegex(pattern)
            return nil
        } catch {
            return error.description
        }
    }
}
