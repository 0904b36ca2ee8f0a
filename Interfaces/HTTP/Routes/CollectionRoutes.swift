public import Hummingbird
public import PocketApplication
internal import PocketDomain

/// `/api/collections…`: the schema, for superusers only.
public struct CollectionRoutes: Sendable {
    private let collections: CollectionService
    private let bodyLimit: Int

    public init(collections: CollectionService, bodyLimit: Int = RequestBody.defaultLimit) {
        self.collections = collections
        self.bodyLimit = bodyLimit
    }

    public func register(on router: Router<PocketRequestContext>) {
        router.get("/api/collections") { request, context in
            _ = try context.requireSuperuser()
            let query = try ListQuery(request: request)
            let picker = try RecordRoutes.picker(request)
            let page = try collections.list(filter: query.filter, sort: query.sort, page: query.page,
                                            perPage: query.perPage, skipTotal: query.skipTotal)
            return JSONResponse.make(page.json { picker.apply(to: .object($0.exportJSON(includeTimestamps: true))) })
        }
        router.post("/api/collections") { request, context in
            _ = try context.requireSuperuser()
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            return Self.response(try collections.create(body))
        }
        router.get("/api/collections/meta/scaffolds") { _, context in
            _ = try context.requireSuperuser()
            return JSONResponse.make(collections.scaffolds())
        }
        router.put("/api/collections/import") { request, context in
            _ = try context.requireSuperuser()
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            try collections.importCollections(body)
            return JSONResponse.noContent()
        }
        router.get("/api/collections/:collection") { _, context in
            _ = try context.requireSuperuser()
            return Self.response(try collections.view(context.collectionParameter()))
        }
        router.patch("/api/collections/:collection") { request, context in
            _ = try context.requireSuperuser()
            let name = try context.collectionParameter()
            _ = try collections.view(name)
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            return Self.response(try collections.update(name, body))
        }
        router.delete("/api/collections/:collection") { _, context in
            _ = try context.requireSuperuser()
            try collections.delete(context.collectionParameter())
            return JSONResponse.noContent()
        }
        router.delete("/api/collections/:collection/truncate") { _, context in
            _ = try context.requireSuperuser()
            try collections.truncate(context.collectionParameter())
            return JSONResponse.noContent()
        }
    }

    static func response(_ collection: Collection) -> Response {
        JSONResponse.make(collection.exportJSON(includeTimestamps: true))
    }
}

extension ResultPage {
    /// PocketBase's list shape.
    func json(_ item: (Item) -> JSONValue) -> JSONObject {
        JSONObject([
            ("page", .number(Double(page))), ("perPage", .number(Double(perPage))),
            ("totalItems", .number(Double(totalItems))), ("totalPages", .number(Double(totalPages))),
            ("items", .array(items.map(item))),
        ])
    }
}
