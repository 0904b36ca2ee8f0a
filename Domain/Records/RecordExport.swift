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
        Plan(collection).json(record, visibility: visibility)
    }

    /// A collection's members in key order, worked out once for many records.
    public struct Plan: Sendable {
        private enum Slot: Sendable {
            case collectionID, collectionName
            case field(Field)
        }

        public let collection: Collection
        private let slots: [Slot]

        public init(_ collection: Collection) {
            self.collection = collection
            var named: [(String, Slot)] = [("collectionId", .collectionID), ("collectionName", .collectionName)]
            for field in collection.fields where field.name != "collectionId" && field.name != "collectionName" {
                named.append((field.name, .field(field)))
            }
            named.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            slots = named.map(\.1)
        }

        /// The record as `visibility` sees it, keys already in order.
        public func json(_ record: Record, visibility: RecordVisibility) -> JSONObject {
            var out = JSONObject()
            for slot in slots {
                switch slot {
                case .collectionID: out["collectionId"] = .string(collection.id)
                case .collectionName: out["collectionName"] = .string(collection.name)
                case .field(let field):
                    if let value = RecordExport.value(of: field, in: record, collection: collection, visibility: visibility) {
                        out[field.name] = value
                    }
                }
            }
            return out
        }
    }

    /// What a field shows of the record to `visibility`, or nil when it does not show.
    static func value(of field: Field, in record: Record, collection: Collection, visibility: RecordVisibility)
        -> JSONValue? {
        let name = field.name
        if case .password = field {
            // Shown as "" where visible; an auth collection's own password never (PocketBase 0.28.4).
            let shows = (!field.isHidden || visibility.showHidden) && !(collection.isAuth && name == "password")
            return shows ? .string("") : nil
        }
        if field.isHidden && (!visibility.showHidden || (collection.isAuth && name == "tokenKey")) { return nil }
        if collection.isAuth, name == "email", !visibility.showEmail, !record.bool("emailVisibility") { return nil }
        return record.values[name] ?? defaultValue(of: field)
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
