internal import Synchronization

/// How a field type turns a submitted value into its stored value and checks that value, as
/// PocketBase 0.28.4's `PrepareValue`/setters and `ValidateValue` do (without the checks that need
/// the database: unique values, relation existence, primary-key clashes).
public protocol FieldValueRules: FieldDefinition {
    /// Coerces a submitted value into the stored shape; never fails (PocketBase coerces, it does not
    /// reject).
    func normalize(_ raw: JSONValue) -> JSONValue
    /// The first failure of a normalized value, or nil.
    func validate(_ value: JSONValue, context: FieldValueContext) -> ValidationError?
}

/// What validation needs besides the value itself.
public struct FieldValueContext: Sendable, Equatable {
    /// True while creating a record.
    public var isNew: Bool
    /// The field's stored value before this change (nil on create).
    public var oldValue: JSONValue?
    /// For password fields: the plain text submitted in this change (nil when none was sent); `""`
    /// means the password is being cleared.
    public var newPassword: String?

    public init(isNew: Bool, oldValue: JSONValue? = nil, newPassword: String? = nil) {
        self.isNew = isNew
        self.oldValue = oldValue
        self.newPassword = newPassword
    }

    /// A new record with nothing stored yet.
    public static let creating = FieldValueContext(isNew: true)
}

extension Field {
    /// The field type's rules.
    public var valueRules: any FieldValueRules {
        switch self {
        case .text(let f): f
        case .number(let f): f
        case .bool(let f): f
        case .email(let f): f
        case .url(let f): f
        case .editor(let f): f
        case .date(let f): f
        case .autodate(let f): f
        case .select(let f): f
        case .file(let f): f
        case .relation(let f): f
        case .json(let f): f
        case .password(let f): f
        case .geoPoint(let f): f
        }
    }

    /// Coerces a submitted value into this field's stored shape.
    public func normalize(_ raw: JSONValue) -> JSONValue { valueRules.normalize(raw) }

    /// The first validation failure of a stored value, or nil.
    public func validate(_ value: JSONValue, context: FieldValueContext) -> ValidationError? {
        valueRules.validate(value, context: context)
    }

    /// The modifiers PocketBase 0.28.4 accepts on this field's name.
    public var supportedModifiers: Set<FieldModifier> {
        switch self {
        case .number: [.add, .subtract]
        case .select, .relation, .file: [.prepend, .append, .subtract]
        case .text: [.autogenerate]
        case .bool, .email, .url, .editor, .date, .autodate, .json, .password, .geoPoint: []
        }
    }
}

/// Go's `regexp.MatchString` with an RE2 pattern: an unanchored search, ASCII `\d \s \w`, matched
/// scalar by scalar like Go's runes, in time linear in the text. A pattern Go cannot compile
/// matches nothing.
///
/// Compiled patterns are kept (a field's pattern is checked on every write; the id field has one).
enum GoRegexMatch {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        compiled(pattern)?.matches(text) ?? false
    }

    /// A compiled pattern, or nil when Go would refuse it.
    private struct Compiled: Sendable {
        let regex: GoRegex?
    }

    private static let cache = Mutex<[String: Compiled]>([:])

    private static func compiled(_ pattern: String) -> GoRegex? {
        if let hit = cache.withLock({ $0[pattern] }) { return hit.regex }
        let compiled = Compiled(regex: try? GoRegex(pattern))
        cache.withLock { cache in
            if cache.count >= 256 { cache.removeAll() }
            cache[pattern] = compiled
        }
        return compiled.regex
    }
}
