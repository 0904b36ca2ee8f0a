import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PocketApplication
import PocketBootstrap
import PocketDomain
import Testing

/// Issue 9, item 2: no request makes the server do unbounded work.
@Suite("bounded work: back-relation expands and cascade deletes")
struct BoundedWorkTests {
    /// A `nodes` collection whose `parent` points at another node and cascades, plus `tags` (multiple).
    private func nodes(_ server: TestServer) throws -> PocketDomain.Collection {
        _ = try server.app.collections.create(JSONObject([
            ("name", "nodes"), ("type", "base"), ("listRule", ""), ("viewRule", ""),
            ("fields", [["name": "title", "type": "text"]]),
        ]))
        let id = try #require(server.app.registry.find("nodes")).id
        _ = try server.app.collections.update("nodes", JSONObject([
            ("fields", [["name": "title", "type": "text"],
                        ["name": "parent", "type": "relation", "collectionId": .string(id), "cascadeDelete": true,
                         "maxSelect": 1],
                        ["name": "links", "type": "relation", "collectionId": .string(id), "maxSelect": 5]]),
        ]))
        return try #require(server.app.registry.find("nodes"))
    }

    private func insert(_ server: TestServer, _ collection: PocketDomain.Collection, id: String, parent: String = "",
                        links: [String] = []) throws {
        try server.app.recordStore.insert(Record(collection: collection, values: JSONObject([
            ("id", .string(id)), ("title", .string(id)), ("parent", .string(parent)),
            ("links", .array(links.map(JSONValue.string))),
        ])), into: collection)
    }

    private static func id(_ n: Int) -> String { "n" + String(repeating: "0", count: 14 - String(n).count) + String(n) }

    @Test("a back-relation expand holds at most 1,000 records per record, as PocketBase")
    func backRelationCap() async throws {
        let server = try TestServer.make()
        let collection = try nodes(server)
        try insert(server, collection, id: Self.id(0))
        for n in 1...1_005 { try insert(server, collection, id: Self.id(n), parent: Self.id(0)) }
        try await server.run { client in
            let response = try await client.execute(
                uri: "/api/collections/nodes/records/\(Self.id(0))?expand=nodes_via_parent", method: .get)
            #expect(response.status == .ok)
            let expanded = response.json["expand"]["nodes_via_parent"].arrayValue ?? []
            #expect(expanded.count == 1_000)
            #expect(expanded.first?["id"] == .string(Self.id(1)))
        }
    }

    @Test("a cascade 600 levels deep is deleted in one go; the references of a multiple relation are unset")
    func deepCascade() async throws {
        let server = try TestServer.make()
        let collection = try nodes(server)
        try insert(server, collection, id: Self.id(0))
        for n in 1...600 { try insert(server, collection, id: Self.id(n), parent: Self.id(n - 1)) }
        try insert(server, collection, id: "keeper000000000", links: [Self.id(5), Self.id(601)])
        let store = server.app.recordStore
        try await server.run { client in
            let token = try await superuserToken(client)
            let response = try await client.execute(uri: "/api/collections/nodes/records/\(Self.id(0))", method: .delete,
                                                    headers: jsonHeaders(token: token))
            #expect(response.status == .noContent)
            #expect(try store.countRecords(in: collection) == 1)
            let keeper = try #require(try store.record(in: collection, id: "keeper000000000"))
            #expect(keeper["links"] == .array([.string(Self.id(601))]))
        }
    }

    @Test("a cascade deeper than 1,000 levels is refused and nothing is deleted")
    func tooDeep() async throws {
        let server = try TestServer.make()
        let collection = try nodes(server)
        try insert(server, collection, id: Self.id(0))
        for n in 1...1_001 { try insert(server, collection, id: Self.id(n), parent: Self.id(n - 1)) }
        let store = server.app.recordStore
        try await server.run { client in
            let token = try await superuserToken(client)
            let response = try await client.execute(uri: "/api/collections/nodes/records/\(Self.id(0))", method: .delete,
                                                    headers: jsonHeaders(token: token))
            #expect(response.status == .badRequest)
            #expect(response.json["message"]
                == "Failed to delete record. The cascade delete reaches more than 1000 levels of references.")
            #expect(try store.countRecords(in: collection) == 1_002)
        }
    }
}
