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
        /// How a member shows.
        private enum Shown: Sendable {
            case collectionID, collectionName
            /// A field always shown (unless it is the private email of an auth record).
            case plain(isEmail: Bool)
            /// A hidden field: shown to superusers only (never an auth record's token key).
            case hidden(never: Bool)
            /// A password field: "" where visible, never an auth collection's own password.
            case password(hidden: Bool, never: Bool)
        }

        public let collection: Collection
        private let slots: [(name: String, shown: Shown, zero: JSONValue)]

        public init(_ collection: Collection) {
            self.collection = collection
            let isAuth = collection.isAuth
            var slots: [(name: String, shown: Shown, zero: JSONValue)] = [
                ("collectionId", .collectionID, .null), ("collectionName", .collectionName, .null),
            ]
            for field in collection.fields where field.name != "collectionId" && field.name != "collectionName" {
                let name = field.name
                let shown: Shown
                if case .password = field {
                    shown = .password(hidden: field.isHidden, never: isAuth && name == "password")
                } else if field.isHidden {
                    shown = .hidden(never: isAuth && name == "tokenKey")
                } else {
                    shown = .plain(isEmail: isAuth && name == "email")
                }
                slots.append((name, shown, RecordExport.defaultValue(of: field)))
            }
            slots.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            self.slots = slots
        }

        /// The record as `visibility` sees it, keys already in order.
        public func json(_ record: Record, visibility: RecordVisibility) -> JSONObject {
            var out = JSONObject()
            out.reserveCapacity(slots.count)
            for slot in slots {
                switch slot.shown {
                case .collectionID: out.appendNew("collectionId", .string(collection.id))
                case .collectionName: out.appendNew("collectionName", .string(collection.name))
                case .password(let hidden, let never):
                    if !never, !hidden || visibility.showHidden { out.appendNew(slot.name, .string("")) }
                case .hidden(let never):
                    if !never, visibility.showHidden { out.appendNew(slot.name, record.values[slot.name] ?? slot.zero) }
                case .plain(let isEmail):
                    if isEmail, !visibility.showEmail, !record.bool("emailVisibility") { continue }
                    out.appendNew(slot.name, record.values[slot.name] ?? slot.zero)
                }
            }
            return out
        }
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
