public import PocketDomain

extension CollectionService {
    /// `GET /api/collections`: a page of collections, filtered and sorted over `id`, `created`,
    /// `updated`, `name`, `system` and `type` (stored order otherwise).
    public func list(filter: String, sort: String, page: Int, perPage: Int, skipTotal: Bool) throws -> ResultPage<Collection> {
        let selected: [Collection]
        do {
            selected = try CollectionListQuery.apply(filter: filter, sort: sort, to: registry.all)
        } catch {
            throw ApplicationError.badRequest("Something went wrong while processing your request.")
        }
        return ResultPage.paging(selected, page: page, perPage: perPage, skipTotal: skipTotal)
    }

    /// `DELETE /api/collections/{collection}/truncate`: deletes every record of a base or auth
    /// collection, with the cascade a record delete has (references deleted or unset); refused
    /// when a required reference would be emptied.
    public func truncate(_ idOrName: String) throws {
        let collection = try view(idOrName)
        guard collection.kind != .view else {
            throw ApplicationError.badRequest(
                "View collections cannot be truncated since they don't store their own records.")
        }
        let failure = ApplicationError.badRequest(
            "Failed to truncate collection (most likely due to required cascade delete record references).")
        // Every record, the records deleted with them and the references rewritten: one transaction,
        // in which the records are read too.
        do {
            _ = try records.transaction { store in
                let all = try store.records(matching: RecordQuery(collection: collection)).map { ($0, collection) }
                return try CascadePlanner.delete(all, registry: registry, records: store, failure: failure)
            }
        } catch is ApplicationError {
            throw failure
        }
    }
}
