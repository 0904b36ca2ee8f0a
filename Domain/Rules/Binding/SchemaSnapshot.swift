/// The collections a rule may reach (relations, back-relations, `@collection.*`), looked up the
/// way PocketBase does: by exact id or by case-insensitive name.
public struct SchemaSnapshot: Sendable, Equatable {
    public private(set) var collections: [Collection]

    public init(_ collections: [Collection]) {
        self.collections = collections
    }

    /// The collection with this id, or else the first whose name matches ignoring ASCII case.
    public func collection(_ idOrName: String) -> Collection? {
        if let byID = collections.first(where: { $0.id == idOrName }) { return byID }
        let wanted = Self.foldASCII(idOrName)
        return collections.first { Self.foldASCII($0.name) == wanted }
    }

    /// The same snapshot with `collection` added, or replacing the one with its id.
    public func replacing(_ collection: Collection) -> SchemaSnapshot {
        var copy = self
        if let index = copy.collections.firstIndex(where: { $0.id == collection.id }) {
            copy.collections[index] = collection
        } else {
            copy.collections.append(collection)
        }
        return copy
    }

    static func foldASCII(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            (scalar >= "A" && scalar <= "Z") ? Unicode.Scalar(scalar.value + 32)! : scalar
        }))
    }
}
