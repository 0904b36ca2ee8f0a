/// Checks a client's settings update before it is merged: every submitted value must have the JSON
/// type of the setting it replaces (PocketBase 0.28.4 rejects the whole body otherwise), and the
/// merged result must keep the required `meta` values.
public enum SettingsPatch {
    /// Why a patch cannot be applied.
    public enum Problem: Error, Equatable, Sendable {
        /// A value of the wrong JSON type: the body could not be loaded.
        case invalidTypes
        /// The merged settings break a rule.
        case invalid(FieldErrors)
    }

    /// The merged settings, or the problem.
    public static func apply(_ patch: JSONObject, to current: AppSettings) throws(Problem) -> AppSettings {
        guard typesMatch(patch, AppSettings.defaults.json) else { throw .invalidTypes }
        let merged = current.merging(patch)
        var errors = FieldErrors()
        var meta = FieldErrors()
        if merged.value(at: "meta", "appName").stringValue?.isEmpty ?? true { meta.add("appName", .required) }
        if merged.value(at: "meta", "appURL").stringValue?.isEmpty ?? true { meta.add("appURL", .required) }
        if merged.value(at: "meta", "senderName").stringValue?.isEmpty ?? true { meta.add("senderName", .required) }
        let sender = merged.value(at: "meta", "senderAddress").stringValue ?? ""
        if sender.isEmpty {
            meta.add("senderAddress", .required)
        } else if !EmailAddress.isValid(sender) {
            meta.add("senderAddress", .invalidEmail)
        }
        if !meta.isEmpty { errors.add("meta", ValidationError(code: "validation_invalid", message: "", nested: meta)) }
        guard errors.isEmpty else { throw .invalid(errors) }
        return merged
    }

    /// True when each submitted value has the JSON type of the default it replaces (unknown keys pass).
    static func typesMatch(_ patch: JSONObject, _ reference: JSONObject) -> Bool {
        for (key, value) in patch {
            guard let expected = reference[key] else { continue }
            if value.isNull { continue }
            switch (value, expected) {
            case (.object(let inner), .object(let base)):
                if !typesMatch(inner, base) { return false }
            case (.string, .string), (.bool, .bool), (.number, .number), (.array, .array):
                continue
            default:
                return false
            }
        }
        return true
    }
}
