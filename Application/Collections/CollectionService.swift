public import PocketDomain

/// The Collections API's use cases: view, create, update, delete, import and scaffolds, each a
/// validated schema change applied in one transaction and recorded by automigrate.
public struct CollectionService: Sendable {
    let registry: CollectionRegistry
    let store: any CollectionStore
    let records: any RecordStore
    let automigrate: Automigrate?
    let clock: any Clock
    let random: any RandomStringGenerator
    let rules: RuleChecker

    public init(registry: CollectionRegistry, store: any CollectionStore, records: any RecordStore,
                automigrate: Automigrate?, clock: any Clock, random: any RandomStringGenerator, rules: RuleChecker) {
        self.registry = registry
        self.store = store
        self.records = records
        self.automigrate = automigrate
        self.clock = clock
        self.random = random
        self.rules = rules
    }

    /// PocketBase's 404 for an unknown collection on these routes.
    static let notFound = ApplicationError.notFound("The requested resource wasn't found.")

    /// A collection by id or name (case-insensitive).
    public func view(_ idOrName: String) throws -> Collection {
        guard let collection = registry.find(idOrName) else { throw Self.notFound }
        return collection
    }

    /// `POST /api/collections`.
    public func create(_ body: JSONObject) throws -> Collection {
        var (collection, rawType) = try load(body, existing: nil)
        let queryProblem = inferViewFields(&collection)
        try validate(collection, old: nil, rawType: rawType, extra: queryProblem, failure: "Failed to create collection.")
        try save([.create(collection)], failure: "Failed to create collection.")
        automigrate?.created(collection)
        return registry.find(collection.id) ?? collection
    }

    /// `PATCH /api/collections/{collection}`.
    public func update(_ idOrName: String, _ body: JSONObject) throws -> Collection {
        let old = try view(idOrName)
        var (collection, rawType) = try load(body, existing: old)
        let queryProblem = inferViewFields(&collection)
        try validate(collection, old: old, rawType: rawType, extra: queryProblem, failure: "Failed to update collection.")
        try save([.update(old: old, new: collection)], failure: "Failed to update collection.")
        automigrate?.updated(from: old, to: collection)
        return registry.find(collection.id) ?? collection
    }

    /// `DELETE /api/collections/{collection}`: refused for system collections and for collections
    /// other collections still point at.
    public func delete(_ idOrName: String) throws {
        let collection = try view(idOrName)
        var message = "Failed to delete collection"
        let references = referencingCollections(of: collection)
        if collection.system || !dependentViews(of: collection).isEmpty {
            throw ApplicationError.badRequest(message + ".")
        }
        if !references.isEmpty {
            message += " probably due to existing reference in " + references.map(\.name).joined(separator: ", ")
            throw ApplicationError.badRequest(message + ".")
        }
        try save([.delete(collection)], failure: message + ".")
        automigrate?.deleted(collection)
    }

    /// `GET /api/collections/meta/scaffolds`: a blank collection of each kind, without an id or
    /// timestamps.
    public func scaffolds() -> JSONObject {
        var out = JSONObject()
        for kind in [CollectionKind.auth, .base, .view] {
            guard let scaffold = try? CollectionInput.build(
                from: JSONObject([("type", .string(kind.rawValue)), ("name", "")]), existing: nil,
                now: clock.now(), secrets: { "" })
            else { continue }
            var json = scaffold.exportJSON(includeTimestamps: true)
            json["id"] = ""
            json["created"] = ""
            json["updated"] = ""
            out[kind.rawValue] = .object(json)
        }
        return out
    }

    /// For a view collection with a query: replaces its fields with those inferred from the query
    /// (PocketBase ignores submitted view fields) and returns the query's problem, if any.
    func inferViewFields(_ collection: inout Collection) -> ValidationError? {
        guard collection.kind == .view, let query = collection.viewQuery, !query.isEmpty else { return nil }
        func invalid(_ message: String) -> ValidationError {
            // PocketBase sentenizes the error: a final period unless it already ends in punctuation.
            let text = "Invalid query - " + message
            let sentence = text.last.map { ".!?".contains($0) } == true ? text : text + "."
            return ValidationError(code: "validation_invalid_view_query", message: sentence)
        }
        let others = registry.all.filter { $0.id != collection.id }
        do {
            let columns = try store.viewColumns(query)
            collection.fields = try ViewFieldInference.fields(columnNames: columns, query: query, collections: others)
            return nil
        } catch let failure as ViewFieldInference.Failure {
            collection.fields = failure.fields
            return invalid(failure.message)
        } catch StoreError.invalidViewQuery(_, let message) {
            collection.fields = []
            return invalid(message)
        } catch {
            collection.fields = []
            return invalid(String(describing: error))
        }
    }

    /// View collections whose query reads `collection`'s table.
    func dependentViews(of collection: Collection) -> [Collection] {
        registry.all.filter { other in
            guard other.kind == .view, other.id != collection.id,
                  let parsed = try? ViewQueryIdentifiers.parse(other.viewQuery ?? "") else { return false }
            return parsed.tables.contains { $0.original.lowercased() == collection.name.lowercased() }
        }
    }

    /// Other collections whose relation fields point at `collection` (self-references don't count).
    func referencingCollections(of collection: Collection) -> [Collection] {
        registry.all.filter { other in
            other.id != collection.id && other.fields.contains { field in
                if case .relation(let relation) = field { return relation.collectionID == collection.id }
                return false
            }
        }
    }

    func load(_ body: JSONObject, existing: Collection?) throws -> (Collection, String?) {
        let loaded = try Self.mapInputError { () throws(CollectionInputError) in
            try CollectionInput.load(from: body, existing: existing, now: clock.now(), secrets: { random.secret() },
                                     takenIDs: Set(registry.all.map(\.id)))
        }
        return (loaded.collection, loaded.rawType)
    }

    /// Runs a collection loader, turning its formatting errors into PocketBase's 400s.
    static func mapInputError(_ body: () throws(CollectionInputError) -> LoadedCollection) throws -> LoadedCollection {
        do {
            return try body()
        } catch {
            switch error {
            case .invalidTypeData:
                throw ApplicationError.badRequest("Failed to load the collection type data due to invalid formatting.")
            default:
                throw ApplicationError.badRequest("Failed to load the submitted data due to invalid formatting.")
            }
        }
    }

    func validate(_ collection: Collection, old: Collection?, rawType: String?, extra: ValidationError? = nil,
                  failure: String) throws {
        let others = registry.all
        var errors = CollectionValidator.validate(collection, old: old, existing: others, rawType: rawType) { rule in
            rules.problem(rule, collection, others)
        }
        if let extra { errors.add("viewQuery", extra) }
        guard errors.isEmpty else { throw ApplicationError.badRequest(failure, errors) }
    }

    func save(_ changes: [SchemaChange], failure: String) throws {
        do {
            try store.apply(changes)
        } catch StoreError.invalidIndex(_, let position, let name, let message) {
            var indexErrors = FieldErrors()
            indexErrors.add(String(position), ValidationError(
                code: "validation_invalid_index_expression",
                message: "Failed to create index \(name) - \(message)."))
            throw ApplicationError.badRequest(failure, FieldErrors("indexes", ValidationError(
                code: "validation_invalid", message: "", nested: indexErrors)))
        } catch StoreError.invalidViewQuery {
            throw ApplicationError.badRequest(failure, FieldErrors("viewQuery", ValidationError(
                code: "validation_invalid_view_query", message: "Invalid query - the view query must be a valid SELECT statement.")))
        }
        try registry.reload()
    }
}

/// Checks one API rule of a collection being saved (syntax and identifiers); supplied by the
/// rules engine.
public struct RuleChecker: Sendable {
    private let check: @Sendable (String, Collection, [Collection]) -> ValidationError?

    public init(_ check: @escaping @Sendable (String, Collection, [Collection]) -> ValidationError?) {
        self.check = check
    }

    /// The rule's problem, or nil when it is valid.
    public func problem(_ rule: String, _ collection: Collection, _ all: [Collection]) -> ValidationError? {
        check(rule, collection, all)
    }
}
