internal import PocketDomain

/// One page of a list, with PocketBase's counters (`-1` when the total was skipped).
public struct ResultPage<Item: Sendable>: Sendable {
    public let page: Int
    public let perPage: Int
    public let totalItems: Int
    public let totalPages: Int
    public let items: [Item]

    public init(page: Int, perPage: Int, totalItems: Int, totalPages: Int, items: [Item]) {
        self.page = page
        self.perPage = perPage
        self.totalItems = totalItems
        self.totalPages = totalPages
        self.items = items
    }

    /// Pages an in-memory list.
    public static func paging(_ all: [Item], page: Int, perPage: Int, skipTotal: Bool) -> ResultPage {
        let start = min((page - 1).saturatingMultiplied(by: perPage), all.count)
        let items = Array(all[start..<min(start + perPage, all.count)])
        let total = all.count
        return ResultPage(page: page, perPage: perPage, totalItems: skipTotal ? -1 : total,
                          totalPages: skipTotal ? -1 : (total + perPage - 1) / perPage, items: items)
    }
}
