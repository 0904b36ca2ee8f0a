internal import PocketDomain

/// Plans what deleting records does to the records that point at them: relation fields with
/// `cascadeDelete` delete their records (and theirs, level by level), others lose the id — unless
/// that empties a required field, which refuses the whole delete. Nothing is written while
/// planning; run it on a transaction-bound store so no reference can appear between the plan and
/// the write.
///
/// The walk is a worklist, not a recursion, so a long chain cannot exhaust the stack; each record
/// is looked at once and each rewritten record is found by key.
struct CascadePlanner {
    let registry: CollectionRegistry
    let records: any RecordStore

    /// The most levels of cascading deletes one delete may reach.
    static let maxDepth = 1_000

    /// The writes a delete needs: records to delete and records to rewrite (each at most once,
    /// with every removed id already gone).
    struct Plan {
        var deletions: [(Record, Collection)] = []
        var updates: [(Record, Collection)] = []
        /// `collectionID/recordID` → index in `updates`.
        fileprivate var updateIndex: [String: Int] = [:]

        /// The updates that do not touch a record also being deleted.
        var effectiveUpdates: [(Record, Collection)] {
            let deleted = Set(deletions.map { $0.1.id + "/" + $0.0.id })
            return updates.filter { !deleted.contains($0.1.id + "/" + $0.0.id) }
        }
    }

    /// Adds to `plan` what deleting `roots` needs; `visited` holds the `collectionID/recordID`
    /// keys already being deleted (the roots' among them).
    func plan(deleting roots: [(Record, Collection)], into plan: inout Plan, visited: inout Set<String>) throws {
        var referencing: [String: [(Collection, String, RelationField)]] = [:]
        for other in registry.all where other.kind != .view {
            for field in other.fields {
                guard case .relation(let relation) = field else { continue }
                referencing[relation.collectionID, default: []].append((other, field.name, relation))
            }
        }
        for (record, collection) in roots { visited.insert(collection.id + "/" + record.id) }
        var level = roots
        var depth = 0
        while !level.isEmpty {
            depth += 1
            guard depth <= Self.maxDepth else { throw Self.tooDeep }
            var next: [(Record, Collection)] = []
            for (record, collection) in level {
                for (other, name, relation) in referencing[collection.id] ?? [] {
                    for found in try records.records(in: other, where: name, holds: record.id, limit: nil) {
                        let key = other.id + "/" + found.id
                        guard !visited.contains(key) else { continue }
                        if relation.cascadeDelete {
                            visited.insert(key)
                            plan.deletions.append((found, other))
                            next.append((found, other))
                            continue
                        }
                        try unset(record.id, in: found, of: other, field: name, relation: relation, key: key, plan: &plan)
                    }
                }
            }
            level = next
        }
    }

    /// Removes `id` from the record's relation field, in the plan's copy of the record.
    private func unset(_ id: String, in found: Record, of other: Collection, field name: String,
                       relation: RelationField, key: String, plan: inout Plan) throws {
        let existing = plan.updateIndex[key]
        var updated = existing.map { plan.updates[$0].0 } ?? found
        switch updated[name] {
        case .array(let ids):
            let kept = ids.filter { $0.stringValue != id }
            if kept.isEmpty, relation.required { throw Self.requiredReference }
            updated[name] = .array(kept)
        default:
            if relation.required { throw Self.requiredReference }
            updated[name] = ""
        }
        if let existing {
            plan.updates[existing] = (updated, other)
        } else {
            plan.updateIndex[key] = plan.updates.count
            plan.updates.append((updated, other))
        }
    }

    /// PocketBase 0.28.4's refusal of a delete that would empty a required relation.
    static let requiredReference = ApplicationError.badRequest(
        "Failed to delete record. Make sure that the record is not part of a required relation reference.")

    /// A cascade deeper than `maxDepth` levels is refused as a whole.
    static let tooDeep = ApplicationError.badRequest(
        "Failed to delete record. The cascade delete reaches more than \(maxDepth) levels of references.")
}
