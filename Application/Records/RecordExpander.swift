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
        let plan = RecordExport.Plan(collection)
        var output = records.map { record in
            var visibility = service.visibility(of: record, in: collection, request: request)
            // PocketBase 0.28.4: managers (callers passing the manage rule) see the email too.
            if collection.isAuth, !visibility.showEmail, !record.bool("emailVisibility") {
                visibility.showEmail = (try? service.hasManageAccess(record, in: collection, request: request)) ?? false
            }
            return plan.json(record, visibility: visibility)
        }
        guard depth <= Self.maxDepth, !paths.isEmpty, !records.isEmpty else { return output }
        // Grouped by first segment in first-seen order; the index keeps a long `expand` linear.
        var groups: [(String, [[String]])] = []
        var groupIndex: [String: Int] = [:]
        for path in paths {
            if let index = groupIndex[path[0]] {
                groups[index].1.append(Array(path.dropFirst()))
            } else {
                groupIndex[path[0]] = groups.count
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
            // Every record's related records at once; each distinct one presented once.
            let relatedPerRecord = try visibleRelated(of: records, through: relation, request: request)
            var distinct: [Record] = []
            var seen = Set<String>()
            for related in relatedPerRecord {
                for record in related where seen.insert(record.id).inserted { distinct.append(record) }
            }
            guard !distinct.isEmpty else { continue }
            let presented = try present(distinct, in: relation.target, paths: nested, request: request,
                                        depth: depth + 1)
            let presentedByID = Dictionary(zip(distinct.map(\.id), presented), uniquingKeysWith: { first, _ in first })
            for (index, related) in relatedPerRecord.enumerated() {
                let items = related.compactMap { presentedByID[$0.id] }
                guard let first = items.first else { continue }
                let value: JSONValue = relation.isMultiple ? .array(items.map(JSONValue.object)) : .object(first)
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

    /// PocketBase 0.28.4 reads at most this many back-related ids per record ("arbitrarily chosen").
    static let maxBackRelations = 1_000

    /// The related records of each record that the caller may view, in relation order. The ids come
    /// from the records (forward) or from one indexed lookup per record, at most 1,000 (back);
    /// the related records are then read in one query for all of them, under the view rule.
    private func visibleRelated(of records: [Record], through relation: Relation, request: RequestInfo) throws
        -> [[Record]] {
        var expandRequest = request
        expandRequest.context = "expand"
        let target = relation.target
        guard target.rules.view != nil || request.isSuperuser else { return records.map { _ in [] } }
        let rules = try service.apiRule(target.rules.view, of: target, request: expandRequest)
        let idsPerRecord = try relation.isBackRelation
            ? records.map { record in
                try service.records.records(in: target, where: relation.fieldName, holds: record.id,
                                            limit: Self.maxBackRelations).map(\.id)
            }
            : forwardIDs(of: records, through: relation)
        var distinct: [String] = []
        var seen = Set<String>()
        for ids in idsPerRecord { for id in ids where seen.insert(id).inserted { distinct.append(id) } }
        guard !distinct.isEmpty else { return records.map { _ in [] } }
        let found = try service.records.records(matching: RecordQuery(collection: target, rules: rules, ids: distinct))
        let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return idsPerRecord.map { $0.compactMap { byID[$0] } }
    }

    /// The ids each record's relation field holds, in field order.
    private func forwardIDs(of records: [Record], through relation: Relation) -> [[String]] {
        records.map { record -> [String] in
            switch record[relation.fieldName] {
            case .string(let id): id.isEmpty ? [] : [id]
            case .array(let items): items.compactMap(\.stringValue)
            default: []
            }
        }
    }
}
