import Testing
@testable import PocketDomain

@Suite("CollectionListQuery: filtering and sorting the collections list")
struct CollectionListQueryTests {
    static let all = [
        Collection(name: "b_posts", kind: .base),
        Collection(name: "users", kind: .auth),
        Collection(name: "_superusers", kind: .auth, system: true),
        Collection(name: "a_posts", kind: .base),
    ]

    @Test("like, equality on type and booleans on system")
    func filter() throws {
        #expect(try CollectionListQuery.apply(filter: "name ~ \"POSTS\"", sort: "", to: Self.all).map(\.name)
            == ["b_posts", "a_posts"])
        #expect(try CollectionListQuery.apply(filter: "type = \"auth\" && system = false", sort: "", to: Self.all)
            .map(\.name) == ["users"])
        #expect(try CollectionListQuery.apply(filter: "system = true", sort: "", to: Self.all).map(\.name)
            == ["_superusers"])
    }

    @Test("sort by name both ways; unknown fields are errors")
    func sort() throws {
        #expect(try CollectionListQuery.apply(filter: "", sort: "-name", to: Self.all).map(\.name)
            == ["users", "b_posts", "a_posts", "_superusers"])
        #expect(try CollectionListQuery.apply(filter: "", sort: "type,name", to: Self.all).map(\.name)
            == ["_superusers", "users", "a_posts", "b_posts"])
        #expect(throws: CollectionListQuery.Failure.self) {
            try CollectionListQuery.apply(filter: "listRule = null", sort: "", to: Self.all)
        }
        #expect(throws: CollectionListQuery.Failure.self) {
            try CollectionListQuery.apply(filter: "", sort: "fields", to: Self.all)
        }
    }
}
