/// Who is looking at a record, which decides the fields it shows.
public struct RecordVisibility: Sendable, Equatable {
    /// Show `email` even when `emailVisibility` is off (the owner, a superuser, a manager).
    public var showEmail: Bool
    /// Show hidden fields (superusers).
    public var showHidden: Bool

    public init(showEmail: Bool = false, showHidden: Bool = false) {
        self.showEmail = showEmail
        self.showHidden = showHidden
    }
}

/// Turns a record into the JSON clients see: PocketBase's `collectionId`/`collectionName`, then the
/// fields in key order, without passwords, the token key, hidden fields or a private email.
public enum RecordExport {
    public static func json(_ record: Record, in collection: Collection, visibility: RecordVisibility) -> JSONObject {
        var out = JSONObject()
        out["collectionId"] = .string(collection.id)
        out["collectionName"] = .string(collection.name)
        for field in collection.fields {
            let name = field.name
            if case .password = field {
                // Shown as "" where visible; an auth collection's own password never (PocketBase 0.28.4).
                if !field.isHidden || visibility.showHidden, !(collection.isAuth && name == "password") {
                    out[name] = .string("")
                }
                continue
            }
            if field.isHidden && (!visibility.showHidden || (collection.isAuth && name == "tokenKey")) { continue }
            if collection.isAuth, name == "email", !visibility.showEmail, !record.bool("emailVisibility") { continue }
            out[name] = record.values[name] ?? defaultValue(of: field)
        }
        return out.sortedByKey()
    }

    /// The zero value of a field, as a fresh column holds it.
    public static func defaultValue(of field: Field) -> JSONValue {
        switch field.storage {
        case .text: .string("")
        case .number: .number(0)
        case .bool: .bool(false)
        case .json: .null
        case .geoPoint: ["lon": 0, "lat": 0]
        case .multiple(let isMulti): isMulti ? .array([]) : .string("")
        }
    }
}
