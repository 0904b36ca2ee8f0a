internal import PocketDomain

extension RecordService {
    /// What deleting a record does to the records that point at it: relation fields with
    /// `cascadeDelete` delete their records, others lose the id — unless that empties a required
    /// field, which refuses the whole delete. Everything is checked before anything is written.
    struct CascadePlan {
        var deletions: [(Record, Collection)] = []
        var updates: [(Record, Collection)] = []
    }

    func cascadePlan(deleting record: Record, in collection: Collection, visited: inout Set<String>) throws
        -> CascadePlan {
        var plan = CascadePlan()
        visited.insert(collection.id + "/" + record.id)
        for other in registry.all where other.kind != .view {
            for field in other.fields {
                guard case .relation(let relation) = field, relation.collectionID == collection.id else { continue }
                // A bare multi field compares its JSON text (PocketBase 0.28.4); `:each` reads its items.
                let filter = "\(field.name):each ?= \(JSONWriter.string(.string(record.id)))"
                let bound = try RuleBinder.bind(filter, collection: other, schema: SchemaSnapshot(registry.all),
                                                environment: RequestInfo().environment(now: clock.now()),
                                                options: .apiRule)
                for referencing in try records.records(matching: RecordQuery(collection: other, rules: [bound])) {
                    guard !visited.contains(other.id + "/" + referencing.id) else { continue }
                    if relation.cascadeDelete {
                        plan.deletions.append((referencing, other))
                        let nested = try cascadePlan(deleting: referencing, in: other, visited: &visited)
                        plan.deletions += nested.deletions
                        plan.updates += nested.updates
                        continue
                    }
                    var updated = referencing
                    switch referencing[field.name] {
                    case .array(let ids):
                        let kept = ids.filter { $0.stringValue != record.id }
                        if kept.isEmpty, relation.required { throw Self.requiredReference }
                        updated[field.name] = .array(kept)
                    default:
                        if relation.required { throw Self.requiredReference }
                        updated[field.name] = ""
                    }
                    plan.updates.append((updated, other))
                }
            }
        }
        return plan
    }

    static let requiredReference = ApplicationError.badRequest(
        "Failed to delete record. Make sure that the record is not part of a required relation reference.")
}
