public import Hummingbird
internal import PocketApplication

/// The paging and query parameters of a list endpoint, parsed as PocketBase 0.28.4 does.
public struct ListQuery: Sendable, Equatable {
    public var page = 1
    public var perPage = 30
    public var skipTotal = false
    public var filter = ""
    public var sort = ""

    /// PocketBase 0.28.4: perPage ≤ 0 → 30, > 1000 → 1000; page ≤ 0 → 1; non-numeric → 400.
    public init(request: Request) throws {
        // A repeated parameter: the first one wins.
        let parameters = URLEncodedForm.firstValues(ofQuery: request.uri.query)
        func first(_ name: String) -> String? { parameters[name] }
        if let text = first("page"), !text.isEmpty {
            guard let value = Int(text) else { throw Self.badQuery }
            page = max(value, 1)
        }
        if let text = first("perPage"), !text.isEmpty {
            guard let value = Int(text) else { throw Self.badQuery }
            perPage = value <= 0 ? 30 : min(value, 1000)
        }
        if let text = first("skipTotal") { skipTotal = ["1", "true", "t"].contains(text.lowercased()) }
        filter = first("filter") ?? ""
        sort = first("sort") ?? ""
    }

    public init() {}

    static let badQuery = ApplicationError.badRequest("Something went wrong while processing your request.")
}
