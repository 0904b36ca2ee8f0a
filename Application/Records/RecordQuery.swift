public import PocketDomain

/// What to read from a collection: a query value, never SQL. Every bound rule must hold (the API
/// rule and the client filter); `sort` orders the rows; `id` narrows to one record and `ids` to
/// those records (in the query's order, not the list's).
public struct RecordQuery: Sendable {
    public var collection: Collection
    public var rules: [BoundRule]
    public var sort: BoundSort
    public var id: String?
    public var ids: [String]?
    public var limit: Int?
    public var offset: Int

    public init(collection: Collection, rules: [BoundRule] = [], sort: BoundSort = BoundSort(), id: String? = nil,
                ids: [String]? = nil, limit: Int? = nil, offset: Int = 0) {
        self.collection = collection
        self.rules = rules
        self.sort = sort
        self.id = id
        self.ids = ids
        self.limit = limit
        self.offset = offset
    }
}
