/// The values a create or update leaves on a record, and their validation failures: the submitted
/// body applied field by field as PocketBase 0.28.4 does (coercion, modifiers, unknown keys ignored,
/// autodates untouched), then every field of the collection validated.
///
/// What stays with the use case: auth-collection rules (`passwordConfirm`, `oldPassword`, who may
/// change `email`/`verified`), dropping hidden fields from non-superusers' bodies (before calling
/// this), uploads, hashing, autodate stamps, and the checks that need the store (unique values,
/// relation existence, a custom primary key that already exists).
public struct RecordValues: Sendable, Equatable {
    /// Every field's value after the change, by field name, in the stored shape. A password field
    /// named in `passwords` holds `""` here: store the hash of its plain text instead (or keep `""`
    /// when the plain text is empty, which clears the password).
    public var values: JSONObject
    /// Plain texts submitted for password fields, by field name (`""` clears the password).
    public var passwords: [String: String]
    /// The fields the body set (plainly or through a modifier), in the collection's field order.
    public var changedFields: [String]
    /// Validation failures, one per field, in the collection's field order (PocketBase's response
    /// writes them as a Go map, so in key order).
    public var errors: FieldErrors

    /// Applies `body` to `current` (nil on create) and validates the result.
    /// - Parameter generate: a value of a text field's autogenerate pattern; called for an empty
    ///   text field with a pattern on create (such as `id`) and for `name:autogenerate` keys. When
    ///   nil those fields stay as submitted.
    public init(collection: Collection, current: Record?, body: JSONObject,
                generate: ((_ pattern: String) -> String)? = nil) {
        let isNew = current == nil
        var values = JSONObject()
        for field in collection.fields {
            values[field.name] = current?.values[field.name] ?? RecordExport.defaultValue(of: field)
        }
        var passwords: [String: String] = [:]
        var changed: [String] = []

        var entries: [(key: String, field: Field, modifier: FieldModifier?, value: JSONValue)] = []
        for (key, value) in body where key != "expand" {
            guard let (field, modifier) = FieldModifier.resolve(key: key, in: collection.fields) else { continue }
            entries.append((key, field, modifier, value))
        }
        let ordered = entries.enumerated().sorted { lhs, rhs in
            let l = (key: lhs.element.key, modifier: lhs.element.modifier)
            let r = (key: rhs.element.key, modifier: rhs.element.modifier)
            if FieldModifier.applicationOrder(l, r) { return true }
            if FieldModifier.applicationOrder(r, l) { return false }
            return lhs.offset < rhs.offset
        }.map(\.element)

        for entry in ordered {
            let field = entry.field
            let name = field.name
            switch field {
            case .autodate:
                continue
            case .password:
                passwords[name] = GoCast.string(entry.value)
            case .text(let text) where entry.modifier == .autogenerate:
                let generated = text.autogeneratePattern.isEmpty ? nil : generate?(text.autogeneratePattern)
                values[name] = FieldModifier.applyAutogenerate(entry.value, generated: generated)
            default:
                if let modifier = entry.modifier {
                    let currentValue = values[name] ?? RecordExport.defaultValue(of: field)
                    values[name] = FieldModifier.apply(modifier, field: field, current: currentValue, submitted: entry.value)
                } else {
                    values[name] = field.normalize(entry.value)
                }
            }
            if !changed.contains(name) { changed.append(name) }
        }

        if isNew, let generate {
            for case .text(let text) in collection.fields
            where !text.autogeneratePattern.isEmpty && (values[text.base.name]?.stringValue ?? "").isEmpty {
                values[text.base.name] = .string(generate(text.autogeneratePattern))
            }
        }

        var errors = FieldErrors()
        for field in collection.fields {
            let name = field.name
            let context = FieldValueContext(isNew: isNew, oldValue: current?.values[name], newPassword: passwords[name])
            if let error = field.validate(values[name] ?? RecordExport.defaultValue(of: field), context: context) {
                errors.add(name, error)
            }
        }
        for name in passwords.keys { values[name] = .string("") }

        self.values = values
        self.passwords = passwords
        self.changedFields = collection.fields.map(\.name).filter(changed.contains)
        self.errors = errors
    }
}
