/// A row of a collection: its values by field name, typed as the fields store them.
public struct Record: Sendable, Equatable {
    public var collectionID: String
    public var collectionName: String
    public var values: JSONObject

    public init(collection: Collection, values: JSONObject = JSONObject()) {
        self.collectionID = collection.id
        self.collectionName = collection.name
        self.values = values
    }

    public var id: String {
        get { values["id"]?.stringValue ?? "" }
        set { values["id"] = .string(newValue) }
    }

    /// A value by field name; `.null` when unset.
    public subscript(name: String) -> JSONValue {
        get { values[name] ?? .null }
        set { values[name] = newValue }
    }

    /// A text value ("" when unset or not text).
    public func string(_ name: String) -> String { values[name]?.stringValue ?? "" }

    /// A bool value (false when unset or not a bool).
    public func bool(_ name: String) -> Bool { values[name]?.boolValue ?? false }
}

extension Record {
    /// `stored` with the values this record changed relative to `base`, the copy it was edited
    /// from: a write made from an older read keeps what other writes changed meanwhile in the
    /// fields this one did not touch.
    public func rebased(from base: Record, onto stored: Record) -> Record {
        var merged = stored
        for (name, value) in values where base.values[name] != value { merged.values[name] = value }
        return merged
    }
}
