extension TextField: FieldValueRules {
    /// The id field's default pattern, for which PocketBase skips its primary-key existence query.
    public static let defaultIDPattern = "^[a-z0-9]+$"

    /// Text through `cast.ToString` (numbers in plain decimal, arrays and objects → `""`).
    public func normalize(_ raw: JSONValue) -> JSONValue { .string(GoCast.string(raw)) }

    /// Primary-key rules first (no change on update, no `/` or `\` on create), then required, length
    /// in characters (`max` 0 means 5000), and the pattern.
    public func validate(_ value: JSONValue, context: FieldValueContext) -> ValidationError? {
        let text = value.stringValue ?? ""
        if primaryKey {
            if !context.isNew {
                let old = context.oldValue?.stringValue ?? ""
                if old != text { return ValueErrors.primaryKeyChange }
                if !old.isEmpty { return nil }
            } else {
                for forbidden in ["/", "\\"] where text.contains(forbidden) {
                    return ValueErrors.primaryKeyForbidden(forbidden)
                }
            }
        }
        return validatePlain(text)
    }

    /// PocketBase's `ValidatePlainValue`: the checks that need no record.
    public func validatePlain(_ text: String) -> ValidationError? {
        if required || primaryKey, text.isEmpty { return ValueErrors.required }
        if text.isEmpty { return nil }
        let length = text.unicodeScalars.count
        if min > 0, length < min { return ValueErrors.textTooShort(min: min) }
        let limit = max == 0 ? 5000 : max
        if limit > 0, length > limit { return ValueErrors.textTooLong(max: limit) }
        if !pattern.isEmpty, !GoRegexMatch.matches(pattern, text) { return ValueErrors.invalidFormat }
        return nil
    }
}

extension EmailField: FieldValueRules {
    public func normalize(_ raw: JSONValue) -> JSONValue { .string(GoCast.string(raw)) }

    /// Required, the email syntax, then the domain (after the last `@`, compared case-sensitively)
    /// against `onlyDomains`/`exceptDomains`.
    public func validate(_ value: JSONValue, context: FieldValueContext) -> ValidationError? {
        let text = value.stringValue ?? ""
        if required, text.isEmpty { return ValueErrors.required }
        if text.isEmpty { return nil }
        guard EmailAddress.isValid(text) else { return ValueErrors.invalidEmail }
        let domain = text.lastIndex(of: "@").map { String(text[text.index(after: $0)...]) } ?? text
        if let only = onlyDomains, !only.isEmpty, !only.contains(domain) { return ValueErrors.emailDomainNotAllowed }
        if let except = exceptDomains, !except.isEmpty, except.contains(domain) { return ValueErrors.emailDomainNotAllowed }
        return nil
    }
}

extension URLField: FieldValueRules {
    public func normalize(_ raw: JSONValue) -> JSONValue { .string(GoCast.string(raw)) }

    /// Required, govalidator's URL check, then the URL's `host[:port]` (case-sensitive, empty without
    /// a `//` authority) against `onlyDomains`/`exceptDomains`.
    public func validate(_ value: JSONValue, context: FieldValueContext) -> ValidationError? {
        let text = value.stringValue ?? ""
        if required, text.isEmpty { return ValueErrors.required }
        if text.isEmpty { return nil }
        guard GoURL.isValid(text) else { return ValueErrors.invalidURL }
        let host = GoURL.host(of: text) ?? ""
        if let only = onlyDomains, !only.isEmpty, !only.contains(host) { return ValueErrors.urlDomainNotAllowed }
        if let except = exceptDomains, !except.isEmpty, except.contains(host) { return ValueErrors.urlDomainNotAllowed }
        return nil
    }
}

extension EditorField: FieldValueRules {
    /// PocketBase's default editor limit: 5 MiB.
    public static let defaultMaxSize = 5 << 20

    public func normalize(_ raw: JSONValue) -> JSONValue { .string(GoCast.string(raw)) }

    /// Required, then the size in UTF-8 bytes against `maxSize` (0 means 5 MiB).
    public func validate(_ value: JSONValue, context: FieldValueContext) -> ValidationError? {
        let text = value.stringValue ?? ""
        if required, text.isEmpty { return ValueErrors.required }
        let limit = maxSize > 0 ? maxSize : Self.defaultMaxSize
        if text.utf8.count > limit { return ValueErrors.contentTooLarge(maxSize: limit) }
        return nil
    }
}

extension PasswordField: FieldValueRules {
    /// PocketBase's longest password when `max` is 0 (bcrypt reads 72 bytes).
    public static let defaultMaxLength = 71

    /// The submitted plain text (`cast.ToString`). It is not a stored value: `RecordValues` moves it
    /// aside for hashing and the stored value stays the hash.
    public func normalize(_ raw: JSONValue) -> JSONValue { .string(GoCast.string(raw)) }

    /// `value` is the stored hash; `context.newPassword` the plain text sent in this change. Required
    /// looks at the hash the record will have (a new non-empty plain text yields one; `""` clears
    /// it); the length (`max` 0 means 71) and the pattern apply to a new plain text only.
    public func validate(_ value: JSONValue, context: FieldValueContext) -> ValidationError? {
        let plain = context.newPassword ?? ""
        let willHaveHash = context.newPassword.map { !$0.isEmpty } ?? !(value.stringValue ?? "").isEmpty
        if required, !willHaveHash { return ValueErrors.required }
        if plain.isEmpty { return nil }
        let length = plain.unicodeScalars.count
        if length < min { return ValueErrors.passwordTooShort(min: min) }
        let limit = max > 0 ? max : Self.defaultMaxLength
        if length > limit { return ValueErrors.passwordTooLong(max: limit) }
        if !pattern.isEmpty, !GoRegexMatch.matches(pattern, plain) { return ValueErrors.invalidFormat }
        return nil
    }
}
