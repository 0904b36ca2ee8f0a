/// One entry of a `sort` query parameter.
public struct SortField: Sendable, Hashable {
    /// What to sort by.
    public enum Key: Sendable, Hashable {
        /// A field path for the binder to resolve (`title`, `author.name`, `title:lower`…).
        case field(String)
        /// `@random`: random order; the direction is ignored (`RANDOM()`).
        case random
        /// `@rowid`: SQLite's `_rowid_` of the main table, with the direction.
        case rowID
    }

    public var key: Key
    public var direction: SortDirection

    public init(_ key: Key, _ direction: SortDirection = .ascending) {
        self.key = key
        self.direction = direction
    }

    /// The name as written after the direction prefix (`@random`, `@rowid` or the field path).
    public var name: String {
        switch key {
        case .field(let name): return name
        case .random: return "@random"
        case .rowID: return "@rowid"
        }
    }
}
