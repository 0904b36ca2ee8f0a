internal import PocketDomain

/// Plans what deleting records does to the records that point at them: relation fields with
/// `cascadeDelete` delete their records (recursively), others lose the id — unless that empties
/// a required field, which refuses the whole delete. Nothing is written while planning.
struct CascadePlanner {
    let registry: CollectionRegistry
    let records: any RecordStore
    let clock: any Clock

    /// The writes a delete needs: records to delete and records to rewrite (each at most once,
    /// with every removed id already gone).
    struct Plan {
        var deletions: [(Record, Collection)] = []
        var updates: [(Record, Collection)] = []

        /// The updates that do not touch a record also being deleted.
        var effectiveUpdates: [(Record, Collection)] {
            let deleted = Set(deletions.map { $0.1.id + "/" + $0.0.id })
            return updates.filter { !deleted.contains($0.1.id + "/" + $0.0.id) }
        }
    }

    /// The records of `other` whose relation field names `record`: a single relation by column
    /// equality (its index serves it, as PocketBase's `HashExp`), a multiple one item by item.
    private func referencingRecords(_ record: Record, in other: Collection, through field: String,
                                    isMultiple: Bool) throws -> [Record] {
        guard isMultiple else { return try records.records(in: other, where: field, equals: record.id) }
        // A bare multi field compares its JSON text (PocketBase 0.28.4); `:each` reads its items.
        let filter = "\(field):each ?= \(JSONWriter.string(.string(record.id)))"
        let bound = try RuleBinder.bind(filter, collection: other, schema: SchemaSnapshot(registry.all),
                                        environment: RequestInfo().environment(now: clock.now()), options: .apiRule)
        return try records.records(matching: RecordQuery(collection: other, rules: [bound]))
    }

    /// Adds to `plan` what deleting `record` of `collection` needs; `visited` holds the
    /// `collectionID/recordID` keys already being deleted.
    func plan(deleting record: Record, in collection: Collection, into plan: inout Plan,
              visited: inout Set<String>) throws {
        visited.insert(collection.id + "/" + record.id)
        for other in registry.all where other.kind != .view {
            for field in other.fields {
                guard case .relation(let relation) = field, relation.collectionID == collection.id else { continue }
                for referencing in try referencingRecords(record, in: other, through: field.name,
                                                          isMultiple: relation.isMultiple) {
                    let key = other.id + "/" + referencing.id
                    guard !visited.contains(key) else { continue }
                    if relation.cascadeDelete {
                        plan.deletions.append((referencing, other))
                        try self.plan(deleting: referencing, in: other, into: &plan, visited: &visited)
                        continue
                    }
                    let existing = plan.updates.firstIndex { $0.1.id == other.id && $0.0.id == referencing.id }
                    var updated = existing.map { plan.updates[$0].0 } ?? referencing
                    switch updated[field.name] {
                    case .array(let ids):
                        let kept = ids.filter { $0.stringValue != record.id }
                        if kept.isEmpty, relation.required { throw Self.requiredReference }
                        updated[field.name] = .array(kept)
                    default:
                        if relation.required { throw Self.requiredReference }
                        updated[field.name] = ""
                    }
                    if let existing { plan.updates[existing] = (updated, other) } else { plan.updates.append((updated, other)) }
                }
            }
        }
    }

    /// PocketBase 0.28.4's refusal of a delete that would empty a required relation.
    static let requiredReference = ApplicationError.badRequest(
        "Failed to delete record. Make sure that the record is not part of a required relation reference.")
}
