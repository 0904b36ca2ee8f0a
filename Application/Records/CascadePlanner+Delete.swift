internal import PocketDomain

extension CascadePlanner {
    /// Deletes `roots` with their cascade in one transaction: the plan is made on the
    /// transaction's own reads and written there, so a reference added meanwhile cannot be left
    /// dangling. Returns every deleted record (their files go after the commit). A plan that
    /// refuses (a required reference, too deep) throws its `ApplicationError`; a store failure
    /// throws `failure`.
    static func delete(_ roots: [(Record, Collection)], registry: CollectionRegistry, records: any RecordStore,
                       failure: ApplicationError) throws -> [(Record, Collection)] {
        do {
            return try records.transaction { store in
                var plan = Plan()
                var visited = Set<String>()
                try CascadePlanner(registry: registry, records: store).plan(deleting: roots, into: &plan, visited: &visited)
                let deletions = roots + plan.deletions
                try store.write(updates: plan.effectiveUpdates, deletions: deletions.map { (id: $0.0.id, collection: $0.1) })
                return deletions
            }
        } catch let error as ApplicationError {
            throw error
        } catch {
            throw StoreFailure(cause: error, answer: failure)
        }
    }
}
