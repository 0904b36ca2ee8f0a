/// An update modifier on a submitted key, as PocketBase 0.28.4's field setters read them:
/// `name+`, `+name`, `name-` and `name:autogenerate`.
public enum FieldModifier: String, Sendable, Hashable, CaseIterable {
    /// `name+`: numbers add, lists append.
    case add
    /// `name+` on lists (the same key as `add`, named for what it does there).
    case append
    /// `+name`: lists prepend.
    case prepend
    /// `name-`: numbers subtract, lists remove.
    case subtract
    /// `name:autogenerate`: text gets the submitted value plus a value of its autogenerate pattern.
    case autogenerate

    /// The field a body key sets and with which modifier (nil for a plain set); nil when the key
    /// names no field or uses a modifier the field does not take.
    public static func resolve(key: String, in fields: [Field]) -> (field: Field, modifier: FieldModifier?)? {
        // PocketBase asks every field in order whether it knows the key; a field literally named
        // `a+` wins over the modifier on `a` when it comes first.
        for field in fields {
            let name = field.name
            if key == name { return (field, nil) }
            let supported = field.supportedModifiers
            if key == name + "+" {
                if supported.contains(.add) { return (field, .add) }
                if supported.contains(.append) { return (field, .append) }
            }
            if key == "+" + name, supported.contains(.prepend) { return (field, .prepend) }
            if key == name + "-", supported.contains(.subtract) { return (field, .subtract) }
            if key == name + ":autogenerate", supported.contains(.autogenerate) { return (field, .autogenerate) }
        }
        return nil
    }

    /// The value a modifier leaves, from the field's current stored value and the submitted one
    /// (normalized for the field). `.autogenerate` needs a generated value: see
    /// `applyAutogenerate(_:generated:)`; here it only converts the submitted text.
    public static func apply(_ modifier: FieldModifier, field: Field, current: JSONValue, submitted: JSONValue) -> JSONValue {
        switch field {
        case .number:
            let base = GoCast.float(current)
            let delta = GoCast.float(submitted)
            switch modifier {
            case .add, .append: return .number(base + delta)
            case .subtract: return .number(base - delta)
            case .prepend, .autogenerate: return field.normalize(submitted)
            }
        case .select, .relation:
            let existing = ListValue.items(current)
            let given = ListValue.items(submitted)
            switch modifier {
            case .add, .append: return field.normalize(listValue(existing + given))
            case .prepend: return field.normalize(listValue(given + existing))
            case .subtract: return field.normalize(listValue(existing.filter { !given.contains($0) }))
            case .autogenerate: return field.normalize(submitted)
            }
        case .file:
            let existing = FileField.names(current)
            let given = FileField.names(submitted)
            switch modifier {
            case .add, .append: return field.normalize(listValue(existing + given))
            case .prepend: return field.normalize(listValue(given + existing))
            case .subtract: return field.normalize(listValue(existing.filter { !given.contains($0) }))
            case .autogenerate: return field.normalize(submitted)
            }
        default:
            return field.normalize(submitted)
        }
    }

    /// `name:autogenerate`: the submitted text followed by a generated value (the generator is the
    /// caller's, since it needs randomness; `nil` when the field has no pattern adds nothing).
    public static func applyAutogenerate(_ submitted: JSONValue, generated: String?) -> JSONValue {
        .string(GoCast.string(submitted) + (generated ?? ""))
    }

    /// The order PocketBase applies body keys in: shorter keys first (so `n` before `n+`), then, for
    /// equal lengths (which Go leaves to map order), set, prepend, append/add, subtract, autogenerate.
    static func applicationOrder(_ lhs: (key: String, modifier: FieldModifier?), _ rhs: (key: String, modifier: FieldModifier?)) -> Bool {
        let lhsLength = lhs.key.count
        let rhsLength = rhs.key.count
        if lhsLength != rhsLength { return lhsLength < rhsLength }
        return rank(lhs.modifier) < rank(rhs.modifier)
    }

    private static func rank(_ modifier: FieldModifier?) -> Int {
        switch modifier {
        case nil: 0
        case .prepend: 1
        case .add, .append: 2
        case .subtract: 3
        case .autogenerate: 4
        }
    }

    private static func listValue(_ items: [String]) -> JSONValue { .array(items.map { .string($0) }) }
}
