/// The five API rules of a collection: nil means superusers only, "" means everyone.
public struct CollectionRules: Sendable, Equatable {
    public var list: String?
    public var view: String?
    public var create: String?
    public var update: String?
    public var delete: String?

    public init(list: String? = nil, view: String? = nil, create: String? = nil, update: String? = nil,
                delete: String? = nil) {
        self.list = list
        self.view = view
        self.create = create
        self.update = update
        self.delete = delete
    }
}
