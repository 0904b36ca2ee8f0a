public import PocketDomain

/// The `expand` query parameter: related records (and back-relations `posts_via_author`) nested
/// under each record's `expand` key, up to six levels, each related record only when the caller
/// passes its collection's view rule (checked with `@request.context = "expand"`).
public struct RecordExpander: Sendable {
    static let maxDepth = 6
    let service: RecordService

    public init(service: RecordService) {
        self.service = service
    }

    /// The records as the caller sees them, with the requested expansions.
    public func present(_ records: [Record], in collection: Collection, expand: String,
                        request: RequestInfo) throws -> [JSONObject] {
        let paths = expand.split(separator: ",")
            .map { $0.split(separator: ".").map { String($0).trimming(" ") } }
            .filter { !$0.isEmpty && !$0.contains("") }
        return try present(records, in: collection, paths: paths, request: request, depth: 1)
    }

    private func present(_ records: [Record], in collection: Collection, paths: [[String]], request: RequestInfo,
                         depth: Int) throws -> [JSONObject] {
        var output = records.map { record in
            var visibility = service.visibility(of: record, in: collection, request: request)
            // PocketBase 0.28.4: managers (callers passing the manage rule) see the email too.
            if collection.isAuth, !visibility.showEmail, !record.bool("emailVisibility") {
                visibility.showEmail = (try? service.hasManageAccess(record, in: collection, request: request)) ?? false
            }
            return RecordExport.json(record, in: collection, visibility: visibility)
        }
        guard depth <= Self.maxDepth, !paths.isEmpty, !records.isEmpty else { return output }
        var groups: [(String, [[String]])] = []
        for path in paths {
            if let index = groups.firstIndex(where: { $0.0 == path[0] }) {
                groups[index].1.append(Array(path.dropFirst()))
            } else {
                groups.append((path[0], [Array(path.dropFirst())]))
            }
        }
        var expansions: [[(String, JSONValue)]] = Array(repeating: [], count: records.count)
        var resolvedAny = false
        for (name, rests) in groups {
            guard let relation = resolve(name, from: collection) else { continue }
            let nested = rests.filter { !$0.isEmpty }
            // PocketBase 0.28.4: an unresolvable nested part drops the whole branch.
            guard nested.allSatisfy({ isResolvable($0, from: relation.target, depth: depth + 1) }) else { continue }
            resolvedAny = true
            for (index, record) in records.enumerated() {
                let related = try visibleRelated(of: record, through: relation, request: request)
                guard !related.isEmpty else { continue }
                let presented = try present(related, in: relation.target, paths: nested, request: request,
                                            depth: depth + 1)
                let value: JSONValue = relation.isMultiple ? .array(presented.map(JSONValue.object))
                    : .object(presented[0])
                expansions[index].append((name, value))
            }
        }
        guard resolvedAny else { return output }
        for index in output.indices {
            output[index]["expand"] = .object(JSONObject(expansions[index]))
            output[index] = output[index].sortedByKey()
        }
        return output
    }

    /// True when every segment of `path` names a relation (up to the depth limit).
    private func isResolvable(_ path: [String], from collection: Collection, depth: Int) -> Bool {
        guard let first = path.first else { return true }
        guard depth <= Self.maxDepth else { return true }
        guard let relation = resolve(first, from: collection) else { return false }
        return isResolvable(Array(path.dropFirst()), from: relation.target, depth: depth + 1)
    }

    /// A relation path segment: a relation field of the collection, or `collection_via_field`.
    struct Relation {
        let target: Collection
        let fieldName: String
        let isMultiple: Bool
        let isBackRelation: Bool
    }

    private func resolve(_ name: String, from collection: Collection) -> Relation? {
        if case .relation(let field)? = collection.field(named: name),
           let target = service.registry.find(field.collectionID) {
            return Relation(target: target, fieldName: name, isMultiple: field.isMultiple, isBackRelation: false)
        }
        guard let via = name.firstRange(of: "_via_") else { return nil }
        let parts = [String(name[..<via.lowerBound]), String(name[via.upperBound...])]
        guard !parts[0].isEmpty, !parts[1].isEmpty, let source = service.registry.find(parts[0]),
              case .relation(let field)? = source.field(named: parts[1]), field.collectionID == collection.id
        else { return nil }
        let unique = source.indexes.contains { definition in
            let spec = IndexSpec(parsing: definition)
            return spec.unique && spec.columns.count == 1 && spec.columns[0].name == parts[1]
        }
        return Relation(target: source, fieldName: parts[1], isMultiple: field.isMultiple || !unique,
                        isBackRelation: true)
    }

    /// The related records of one record that the caller may view, in relation order.
    private func visibleRelated(of record: Record, through relation: Relation, request: RequestInfo) throws -> [Record] {
        var expandRequest = request
        expandRequest.context = "expand"
        let target = relation.target
        guard target.rules.view != nil || request.isSuperuser else { return [] }
        let rules = try service.apiRule(target.rules.view, of: target, request: expandRequest)
        if relation.isBackRelation {
            let filter = "\(relation.fieldName):each ?= \(JSONWriter.string(.string(record.id)))"
            let bound: BoundRule
            do {
                bound = try RuleBinder.bind(filter, collection: target, schema: SchemaSnapshot(service.registry.all),
                                            environment: expandRequest.environment(now: service.clock.now()),
                                            options: .apiRule)
            } catch {
                return []
            }
            return try service.records.records(matching: RecordQuery(collection: target, rules: rules + [bound]))
        }
        let ids: [String]
        switch record[relation.fieldName] {
        case .string(let id): ids = id.isEmpty ? [] : [id]
        case .array(let items): ids = items.compactMap(\.stringValue)
        default: ids = []
        }
        return try ids.compactMap { id in
            try service.records.records(matching: RecordQuery(collection: target, rules: rules, id: id)).first
        }
    }
}
