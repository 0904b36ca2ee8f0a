public import PocketDomain

extension CollectionService {
    /// `GET /api/collections`: a page of collections in stored order.
    public func list(filter: String, sort: String, page: Int, perPage: Int, skipTotal: Bool) throws -> ResultPage<Collection> {
        // TODO(#5): filter and sort through the rules engine (fields id, created, updated, name, system, type).
        guard filter.isEmpty, sort.isEmpty else {
            throw ApplicationError.badRequest("Something went wrong while processing your request.")
        }
        return ResultPage.paging(registry.all, page: page, perPage: perPage, skipTotal: skipTotal)
    }

    /// `DELETE /api/collections/{collection}/truncate`: deletes every record of a base or auth collection.
    public func truncate(_ idOrName: String) throws {
        let collection = try view(idOrName)
        guard collection.kind != .view else {
            throw ApplicationError.badRequest(
                "View collections cannot be truncated since they don't store their own records.")
        }
        do {
            try records.deleteAll(in: collection)
        } catch {
            throw ApplicationError.badRequest(
                "Failed to truncate collection (most likely due to required cascade delete record references).")
        }
    }
}
