/// The three kinds of collection.
public enum CollectionKind: String, Sendable, CaseIterable {
    case base
    case auth
    case view
}
