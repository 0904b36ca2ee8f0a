public import PocketDomain

/// The records API's use cases: list, view and delete under the collection's API rules.
public struct RecordService: Sendable {
    let registry: CollectionRegistry
    let records: any RecordStore
    let files: any FileStorage
    let clock: any Clock
    let hasher: any PasswordHasher
    let random: any RandomStringGenerator
    let blocking: any BlockingRunner

    public init(registry: CollectionRegistry, records: any RecordStore, files: any FileStorage, clock: any Clock,
                hasher: any PasswordHasher, random: any RandomStringGenerator, blocking: any BlockingRunner) {
        self.registry = registry
        self.records = records
        self.files = files
        self.clock = clock
        self.hasher = hasher
        self.random = random
        self.blocking = blocking
    }

    static let onlySuperusers = ApplicationError.forbidden("Only superusers can perform this action.")
    static let genericBadRequest = ApplicationError.badRequest("Something went wrong while processing your request.")

    /// The collection of a records route, or PocketBase's 404.
    public func requireCollection(_ idOrName: String, message: String = "Missing collection context.") throws
        -> Collection {
        guard let collection = registry.find(idOrName) else { throw ApplicationError.notFound(message) }
        return collection
    }

    /// `GET /api/collections/{collection}/records`.
    public func list(_ collectionName: String, request: RequestInfo, filter: String, sort: String, page: Int,
                     perPage: Int, skipTotal: Bool) throws -> ResultPage<Record> {
        let collection = try requireCollection(collectionName)
        guard collection.rules.list != nil || request.isSuperuser else { throw Self.onlySuperusers }
        try Self.refuseSuperuserOnlyFields(request, in: [filter, sort])
        var rules = try apiRule(collection.rules.list, of: collection, request: request)
        let schema = SchemaSnapshot(registry.all)
        let environment = request.environment(now: clock.now())
        if !filter.isEmpty {
            do {
                rules.append(try RuleBinder.bind(filter, limits: .filter, collection: collection, schema: schema,
                                                 environment: environment,
                                                 options: .clientFilter(isSuperuser: request.isSuperuser)))
            } catch {
                throw Self.genericBadRequest
            }
        }
        let boundSort: BoundSort
        do {
            let spec = try SortSpec(parsing: sort)
            boundSort = try SortBinder.bind(spec, collection: collection, schema: schema, environment: environment,
                                            options: .clientFilter(isSuperuser: request.isSuperuser))
        } catch {
            throw Self.genericBadRequest
        }
        let query = RecordQuery(collection: collection, rules: rules, sort: boundSort, limit: perPage,
                                offset: (page - 1).saturatingMultiplied(by: perPage))
        let items = try records.records(matching: query)
        guard !skipTotal else {
            return ResultPage(page: page, perPage: perPage, totalItems: -1, totalPages: -1, items: items)
        }
        let total = try records.count(matching: query)
        return ResultPage(page: page, perPage: perPage, totalItems: total,
                          totalPages: (total + perPage - 1) / perPage, items: items)
    }

    /// `GET /api/collections/{collection}/records/{id}`.
    public func view(_ collectionName: String, id: String, request: RequestInfo) throws -> Record {
        let collection = try requireCollection(collectionName)
        guard collection.rules.view != nil || request.isSuperuser else { throw Self.onlySuperusers }
        return try requireRecord(id, in: collection, rule: collection.rules.view, request: request)
    }

    /// `DELETE /api/collections/{collection}/records/{id}`: the record and its files.
    public func delete(_ collectionName: String, id: String, request: RequestInfo) throws {
        let collection = try requireCollection(collectionName)
        guard collection.kind != .view else {
            throw ApplicationError.badRequest("View collection records cannot be deleted.")
        }
        guard collection.rules.delete != nil || request.isSuperuser else { throw Self.onlySuperusers }
        let record = try requireRecord(id, in: collection, rule: collection.rules.delete, request: request)
        // The record, the records deleted with it and the references rewritten: one transaction.
        let deletions = try CascadePlanner.delete([(record, collection)], registry: registry, records: records,
                                                  failure: CascadePlanner.requiredReference)
        // Files go once the rows are gone (PocketBase deletes them after the commit too).
        for (deleted, other) in deletions { try? files.deletePrefix("\(other.id)/\(deleted.id)") }
    }

    /// The record if it exists and the rule lets the caller reach it; PocketBase answers 404 otherwise.
    func requireRecord(_ id: String, in collection: Collection, rule: String?, request: RequestInfo) throws -> Record {
        guard !id.isEmpty else { throw ApplicationError.notFound("The requested resource wasn't found.") }
        let rules = try apiRule(rule, of: collection, request: request)
        guard let record = try records.records(matching: RecordQuery(collection: collection, rules: rules, id: id)).first
        else { throw ApplicationError.notFound("The requested resource wasn't found.") }
        return record
    }

    /// The bound API rule, or none for superusers and public ("") rules.
    func apiRule(_ rule: String?, of collection: Collection, request: RequestInfo) throws -> [BoundRule] {
        guard !request.isSuperuser, let rule, !rule.isEmpty else { return [] }
        do {
            return [try RuleBinder.bind(rule, collection: collection, schema: SchemaSnapshot(registry.all),
                                        environment: request.environment(now: clock.now()), options: .apiRule)]
        } catch {
            throw Self.genericBadRequest
        }
    }

    /// PocketBase 0.28.4: a non-superuser filter or sort that mentions `@request.` or `@collection.`
    /// anywhere (even inside a string) is refused.
    static func refuseSuperuserOnlyFields(_ request: RequestInfo, in parameters: [String]) throws {
        guard !request.isSuperuser else { return }
        for parameter in parameters where !parameter.isEmpty {
            for field in ["@collection.", "@request."] where parameter.contains(field) {
                throw ApplicationError.forbidden("Only superusers can filter by \(field)")
            }
        }
    }

    /// What the caller may see of a record: email for the owner and superusers, hidden fields for superusers.
    public func visibility(of record: Record, in collection: Collection, request: RequestInfo) -> RecordVisibility {
        let isOwner = request.auth.map { $0.collection.id == collection.id && $0.record.id == record.id } ?? false
        return RecordVisibility(showEmail: request.isSuperuser || isOwner, showHidden: request.isSuperuser)
    }
}
