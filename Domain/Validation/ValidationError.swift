/// One field's validation failure with PocketBase's code and message.
public struct ValidationError: Error, Sendable, Equatable {
    public let code: String
    public let message: String
    public let params: JSONObject?
    /// Errors of the members of an object value (settings sections, nested options).
    public let nested: FieldErrors?

    public init(code: String, message: String, params: JSONObject? = nil, nested: FieldErrors? = nil) {
        self.code = code
        self.message = message
        self.params = params
        self.nested = nested
    }

    public static let required = ValidationError(code: "validation_required", message: "Cannot be blank.")
    public static let notUnique = ValidationError(code: "validation_not_unique", message: "Value must be unique.")
    public static let invalidEmail = ValidationError(code: "validation_is_email", message: "Must be a valid email address.")

    public static let notInList = ValidationError(code: "validation_in_invalid", message: "Must be a valid value.")

    public static func outOfRange(min: Int, max: Int) -> ValidationError {
        ValidationError(code: "validation_length_out_of_range", message: "The length must be between \(min) and \(max).",
                        params: JSONObject([("max", .number(Double(max))), ("min", .number(Double(min)))]))
    }

    public static func tooShort(min: Int) -> ValidationError {
        ValidationError(code: "validation_length_out_of_range", message: "Must be at least \(min) character(s).",
                        params: JSONObject([("min", .number(Double(min)))]))
    }

    public static func tooLong(max: Int) -> ValidationError {
        ValidationError(code: "validation_length_too_long", message: "Must be no more than \(max) character(s).",
                        params: JSONObject([("max", .number(Double(max)))]))
    }
}

/// Validation failures by field name, in the order they were found.
public struct FieldErrors: Error, Sendable, Equatable {
    public private(set) var entries: [(field: String, error: ValidationError)] = []

    public init() {}

    public init(_ field: String, _ error: ValidationError) { add(field, error) }

    public var isEmpty: Bool { entries.isEmpty }

    /// Adds a failure unless the field already has one (the first stays, as PocketBase reports).
    public mutating func add(_ field: String, _ error: ValidationError) {
        guard !entries.contains(where: { $0.field == field }) else { return }
        entries.append((field, error))
    }

    /// Drops the failure of a field (when a later step decides it).
    public mutating func remove(_ field: String) {
        entries.removeAll { $0.field == field }
    }

    public mutating func merge(_ other: FieldErrors) {
        for entry in other.entries { add(entry.field, entry.error) }
    }

    public subscript(field: String) -> ValidationError? {
        entries.first { $0.field == field }?.error
    }

    /// PocketBase's `data` object: `{field: {code, message[, params]}}`.
    public var json: JSONObject {
        var o = JSONObject()
        for (field, error) in entries {
            if let nested = error.nested {
                o[field] = .object(nested.json)
                continue
            }
            var e = JSONObject([("code", .string(error.code)), ("message", .string(error.message))])
            if let params = error.params { e["params"] = .object(params) }
            o[field] = .object(e)
        }
        return o
    }

    /// One line, as Go's validation errors print: `field: message; other: message.`
    public var summary: String {
        entries.sorted { $0.field < $1.field }.map { "\($0.field): \($0.error.message.trimmingTrailingPeriod())" }
            .joined(separator: "; ") + "."
    }

    public static func == (lhs: FieldErrors, rhs: FieldErrors) -> Bool {
        lhs.entries.map(\.field) == rhs.entries.map(\.field) && lhs.entries.map(\.error) == rhs.entries.map(\.error)
    }
}

extension String {
    func trimmingTrailingPeriod() -> String { hasSuffix(".") ? String(dropLast()) : self }
}
