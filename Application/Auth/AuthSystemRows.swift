internal import PocketDomain

/// The rows that system collections (`_mfas`, `_otps`, `_authOrigins`, `_externalAuths`) keep
/// about an auth record, found by its `collectionRef` and `recordRef`.
struct AuthSystemRows {
    let collections: CollectionRegistry
    let records: any RecordStore
    let clock: any Clock

    /// The record's rows of the system collection, newest first.
    func rows(of record: Record, in collection: Collection, from systemName: String) throws -> [Record] {
        guard let system = collections.find(systemName) else { return [] }
        let request = RequestInfo(query: ["record": record.id, "collection": collection.id])
        let schema = SchemaSnapshot(collections.all)
        let environment = request.environment(now: clock.now())
        let rule = try RuleBinder.bind("recordRef = @request.query.record && collectionRef = @request.query.collection",
                                       collection: system, schema: schema, environment: environment,
                                       options: .apiRule)
        let sort = try SortBinder.bind(try SortSpec(parsing: "-created,-@rowid"), collection: system, schema: schema,
                                       environment: environment, options: .apiRule)
        return try records.records(matching: RecordQuery(collection: system, rules: [rule], sort: sort))
    }

    /// Deletes the record's rows of the system collection; failures are ignored, as PocketBase
    /// 0.28.4 only logs them.
    func deleteAll(of record: Record, in collection: Collection, from systemName: String) {
        guard let system = collections.find(systemName),
              let rows = try? rows(of: record, in: collection, from: systemName) else { return }
        for row in rows { _ = try? records.delete(id: row.id, from: system) }
    }

    /// What PocketBase 0.28.4 does after an auth record's password changed: its pending MFA
    /// sessions and known login origins are forgotten.
    func forgetSessions(of record: Record, in collection: Collection) {
        deleteAll(of: record, in: collection, from: SystemCollections.mfas)
        deleteAll(of: record, in: collection, from: SystemCollections.authOrigins)
    }
}
