public import Hummingbird
public import PocketApplication
internal import PocketDomain

/// `/api/collections/{collection}/records…`: records under the collection's API rules.
public struct RecordRoutes: Sendable {
    private let records: RecordService
    private let bodyLimit: Int

    public init(records: RecordService, bodyLimit: Int = RequestBody.defaultLimit) {
        self.records = records
        self.bodyLimit = bodyLimit
    }

    public func register(on router: Router<PocketRequestContext>) {
        let group = router.group("/api/collections/:collection/records")
        group.get { request, context in
            let query = try ListQuery(request: request)
            let picker = try Self.picker(request)
            let info = RequestInfo(request: request, context: context)
            let collection = try context.collectionParameter()
            let page = try records.list(collection, request: info, filter: query.filter, sort: query.sort,
                                        page: query.page, perPage: query.perPage, skipTotal: query.skipTotal)
            let resolved = try records.requireCollection(collection)
            let items = try RecordExpander(service: records)
                .present(page.items, in: resolved, expand: info.query["expand"] ?? "", request: info)
                .map { picker.apply(to: .object($0)) }
            return JSONResponse.make(JSONObject([
                ("items", .array(items)), ("page", .number(Double(page.page))),
                ("perPage", .number(Double(page.perPage))), ("totalItems", .number(Double(page.totalItems))),
                ("totalPages", .number(Double(page.totalPages))),
            ]))
        }
        group.get(":id") { request, context in
            let picker = try Self.picker(request)
            let info = RequestInfo(request: request, context: context)
            let collection = try context.collectionParameter()
            let record = try records.view(collection, id: try context.coreContext.parameters.require("id"), request: info)
            return try response(record, collection: collection, info: info, picker: picker)
        }
        group.post { request, context in
            let picker = try Self.picker(request)
            let collection = try context.collectionParameter()
            _ = try records.requireCollection(collection, message: "Missing or invalid collection context.")
            let body = try await RequestBody.submitted(from: request, limit: bodyLimit, malformedMessage: Self.malformed,
                                                     inferringFormValues: true)
            let info = RequestInfo(request: request, context: context, body: body.values)
            let record = try await records.create(collection, body: body, request: info)
            return try response(record, collection: collection, info: info, picker: picker)
        }
        group.patch(":id") { request, context in
            let picker = try Self.picker(request)
            let collection = try context.collectionParameter()
            _ = try records.requireCollection(collection)
            let body = try await RequestBody.submitted(from: request, limit: bodyLimit, malformedMessage: Self.malformed,
                                                     inferringFormValues: true)
            let info = RequestInfo(request: request, context: context, body: body.values)
            let record = try await records.update(collection, id: try context.coreContext.parameters.require("id"),
                                                  body: body, request: info)
            return try response(record, collection: collection, info: info, picker: picker)
        }
        group.delete(":id") { request, context in
            let info = RequestInfo(request: request, context: context)
            try records.delete(try context.collectionParameter(), id: try context.coreContext.parameters.require("id"),
                               request: info)
            return JSONResponse.noContent()
        }
    }

    /// One record as the caller may see it.
    func response(_ record: Record, collection name: String, info: RequestInfo, picker: FieldsPicker) throws
        -> Response {
        let collection = try records.requireCollection(name)
        let presented = try RecordExpander(service: records)
            .present([record], in: collection, expand: info.query["expand"] ?? "", request: info)
        return JSONResponse.make(picker.apply(to: .object(presented[0])))
    }

    /// PocketBase 0.28.4's answer to a malformed records body.
    static let malformed = "Something went wrong while processing your request."

    /// The `fields` parameter; a malformed one is PocketBase's generic 400.
    static func picker(_ request: Request) throws -> FieldsPicker {
        try picker(fieldsQuery: URLEncodedForm.firstValues(ofQuery: request.uri.query)["fields"] ?? "")
    }

    /// The picker of a `fields` parameter's value; a malformed one is PocketBase's generic 400.
    static func picker(fieldsQuery text: String) throws -> FieldsPicker {
        do {
            return try FieldsPicker(parsing: text)
        } catch {
            throw ApplicationError.badRequest("Something went wrong while processing your request.")
        }
    }
}
