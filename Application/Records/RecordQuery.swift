public import PocketDomain

/// What to read from a collection: a query value, never SQL. Every bound rule must hold (the API
/// rule and the client filter); `sort` orders the rows; `id` narrows to one record.
public struct RecordQuery: Sendable {
    public var collection: Collection
    public var rules: [BoundRule]
    public var sort: BoundSort
    public var id: String?
    public var limit: Int?
    public var offset: Int

    public init(collection: Collection, rules: [BoundRule] = [], sort: BoundSort = BoundSort(), id: String? = nil,
                limit: Int? = nil, offset: Int = 0) {
        self.collection = collection
        self.rules = rules
        self.sort = sort
        self.id = id
        self.limit = limit
        self.offset = offset
    }
}
