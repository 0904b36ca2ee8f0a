/// The value-validation failures of PocketBase 0.28.4's record fields, with its codes, messages
/// (as its API writes them: first letter upper-cased, a final period) and params.
public enum ValueErrors {
    public static let required = ValidationError.required
    public static let invalidFormat = ValidationError(code: "validation_invalid_format", message: "Invalid value format.")
    public static let notANumber = ValidationError(
        code: "validation_not_a_number", message: "The submitted number is not properly formatted.")
    public static let onlyInt = ValidationError(code: "validation_only_int_constraint", message: "Decimal numbers are not allowed.")
    public static let invalidEmail = ValidationError.invalidEmail
    public static let emailDomainNotAllowed = ValidationError(
        code: "validation_email_domain_not_allowed", message: "Email domain is not allowed.")
    public static let invalidURL = ValidationError(code: "validation_invalid_url", message: "Must be a valid url.")
    public static let urlDomainNotAllowed = ValidationError(
        code: "validation_url_domain_not_allowed", message: "Url domain is not allowed.")
    public static let invalidLatitude = ValidationError(
        code: "validation_invalid_latitude", message: "Latitude must be between -90 and 90 degrees.")
    public static let invalidLongitude = ValidationError(
        code: "validation_invalid_longitude", message: "Longitude must be between -180 and 180 degrees.")
    public static let invalidJSON = ValidationError(code: "validation_invalid_json", message: "Must be a valid json value.")
    public static let primaryKeyChange = ValidationError(
        code: "validation_pk_change", message: "The record primary key cannot be changed.")
    /// Text fields; the params carry the limit.
    public static func textTooShort(min: Int) -> ValidationError {
        ValidationError(code: "validation_min_text_constraint", message: "Must be at least \(min) character(s).",
                        params: JSONObject([("min", .number(Double(min)))]))
    }

    public static func textTooLong(max: Int) -> ValidationError {
        ValidationError(code: "validation_max_text_constraint", message: "Must be no more than \(max) character(s).",
                        params: JSONObject([("max", .number(Double(max)))]))
    }

    /// Password fields word these differently and carry no params.
    public static func passwordTooShort(min: Int) -> ValidationError {
        ValidationError(code: "validation_min_text_constraint", message: "Must be at least \(min) character(s).")
    }

    public static func passwordTooLong(max: Int) -> ValidationError {
        ValidationError(code: "validation_max_text_constraint", message: "Must be less than \(max) character(s).")
    }

    public static func primaryKeyForbidden(_ character: String) -> ValidationError {
        ValidationError(code: "validation_pk_forbidden", message: "The record primary key contains forbidden characters.",
                        params: JSONObject([("forbidden", .string(character))]))
    }

    /// Number bounds: Go's `%f` in the message, no params.
    public static func numberTooSmall(min: Double) -> ValidationError {
        ValidationError(code: "validation_min_number_constraint", message: "Must be larger than \(GoCast.formatFixed6(min)).")
    }

    public static func numberTooLarge(max: Double) -> ValidationError {
        ValidationError(code: "validation_max_number_constraint", message: "Must be less than \(GoCast.formatFixed6(max)).")
    }

    public static func contentTooLarge(maxSize: Int) -> ValidationError {
        ValidationError(code: "validation_content_size_limit", message: "The maximum allowed content size is \(maxSize) bytes.",
                        params: JSONObject([("maxSize", .number(Double(maxSize)))]))
    }

    public static func jsonTooLarge(maxSize: Int) -> ValidationError {
        ValidationError(code: "validation_json_size_limit", message: "The maximum allowed JSON size is \(maxSize) bytes.",
                        params: JSONObject([("maxSize", .number(Double(maxSize)))]))
    }

    public static func tooManyValues(maxSelect: Int) -> ValidationError {
        ValidationError(code: "validation_too_many_values", message: "Select no more than \(maxSelect).",
                        params: JSONObject([("maxSelect", .number(Double(maxSelect)))]))
    }

    public static func notEnoughValues(minSelect: Int) -> ValidationError {
        ValidationError(code: "validation_not_enough_values", message: "Select at least \(minSelect).",
                        params: JSONObject([("minSelect", .number(Double(minSelect)))]))
    }

    public static func invalidValue(_ value: String) -> ValidationError {
        ValidationError(code: "validation_invalid_value", message: "Invalid value \(value)".sentenized,
                        params: JSONObject([("value", .string(value))]))
    }

    public static func tooManyFiles(maxSelect: Int) -> ValidationError {
        ValidationError(code: "validation_too_many_files", message: "The maximum allowed files is \(maxSelect).",
                        params: JSONObject([("maxSelect", .number(Double(maxSelect)))]))
    }

    /// Names that are neither stored already nor uploads; the message prints them as Go prints a
    /// string slice (`[a b]`); each name is cut to 250 bytes.
    public static func invalidFiles(_ names: [String]) -> ValidationError {
        let cut = names.map { name in
            name.utf8.count > 250 ? String(decoding: Array(name.utf8.prefix(250)), as: UTF8.self) : name
        }
        return ValidationError(code: "validation_invalid_file", message: "Invalid new files: [\(cut.joined(separator: " "))].".sentenized,
                               params: JSONObject([("invalidFiles", .array(cut.map { .string($0) }))]))
    }

    /// Date bounds: the message shows Go's `time.Time` string, the param RFC 3339 with nanoseconds.
    public static func dateTooEarly(min: DateTime) -> ValidationError {
        ValidationError(code: "validation_min_greater_equal_than_required", message: "Must be no less than \(min.goString).",
                        params: JSONObject([("threshold", .string(min.rfc3339))]))
    }

    public static func dateTooLate(max: DateTime) -> ValidationError {
        ValidationError(code: "validation_max_less_equal_than_required", message: "Must be no greater than \(max.goString).",
                        params: JSONObject([("threshold", .string(max.rfc3339))]))
    }
}

extension String {
    /// PocketBase's `inflector.Sentenize`, which its API applies to every message: trimmed, the
    /// first character upper-cased, a period added unless it ends in `.`, `?` or `!`.
    var sentenized: String {
        let trimmed = String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard let first = trimmed.first else { return "" }
        let text = first.uppercased() + trimmed.dropFirst()
        return text.hasSuffix(".") || text.hasSuffix("?") || text.hasSuffix("!") ? text : text + "."
    }
}

extension DateTime {
    /// Go's `time.Time.String()` for a UTC instant: `2021-01-01 00:00:00.123 +0000 UTC` (the
    /// fraction without trailing zeros, left out when zero).
    var goString: String {
        let text = description
        let date = text.prefix(19)
        return "\(date)\(fractionSuffix) +0000 UTC"
    }

    /// RFC 3339 with trimmed nanoseconds, as Go marshals a `time.Time`: `2021-01-01T00:00:00.123Z`.
    var rfc3339: String {
        let text = description
        return "\(text.prefix(10))T\(text.dropFirst(11).prefix(8))\(fractionSuffix)Z"
    }

    private var fractionSuffix: String {
        var millis = String(description.dropFirst(20).prefix(3))
        while millis.hasSuffix("0") { millis.removeLast() }
        return millis.isEmpty ? "" : "." + millis
    }
}
