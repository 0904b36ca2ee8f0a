internal import PocketDomain

extension RecordService {
    /// What deleting a record does to the records that point at it (see `CascadePlanner`).
    struct CascadePlan {
        var deletions: [(Record, Collection)] = []
        var updates: [(Record, Collection)] = []
    }

    func cascadePlan(deleting record: Record, in collection: Collection, visited: inout Set<String>) throws
        -> CascadePlan {
        var plan = CascadePlanner.Plan()
        try CascadePlanner(registry: registry, records: records, clock: clock)
            .plan(deleting: record, in: collection, into: &plan, visited: &visited)
        return CascadePlan(deletions: plan.deletions, updates: plan.effectiveUpdates)
    }

    static let requiredReference = CascadePlanner.requiredReference
}
