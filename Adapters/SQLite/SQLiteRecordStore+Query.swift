public import PocketApplication
public import PocketDomain
internal import PocketSQL

/// Rule-filtered reads: bound rules and sorts compiled to SQL by `RecordSelectBuilder`.
extension SQLiteRecordStore {
    public func records(matching query: RecordQuery) throws -> [Record] {
        if let ids = query.ids, ids.count > Self.idsPerQuery {
            var chunked = query
            return try stride(from: 0, to: ids.count, by: Self.idsPerQuery).flatMap { start in
                chunked.ids = Array(ids[start..<min(start + Self.idsPerQuery, ids.count)])
                return try records(matching: chunked)
            }
        }
        if query.ids?.isEmpty == true { return [] }
        let builder = RecordSelectBuilder(dialect: statements.dialect)
        let statement = query.id.map { builder.record(query.collection, id: $0, rules: query.rules) }
            ?? builder.list(query.collection, rules: query.rules, sort: query.sort, limit: query.limit,
                            offset: query.offset, ids: query.ids)
        let rows = try database.read { try $0.query(statement.sql, statement.binds.map(Self.value)) }
        return Self.records(from: rows, in: query.collection)
    }

    /// The most ids one statement binds (SQLite allows far more; this keeps statements small).
    static let idsPerQuery = 500

    public func save(_ record: Record, in collection: Collection, isNew: Bool, requiring check: RecordQuery?) throws
        -> Bool {
        do {
            try database.write { connection in
                if isNew {
                    try insert(record, into: collection, on: connection)
                } else {
                    try update(record, in: collection, on: connection)
                }
                guard let check else { return }
                let statement = RecordSelectBuilder(dialect: statements.dialect)
                    .record(collection, id: record.id, rules: check.rules)
                guard try connection.queryFirst(statement.sql, statement.binds.map(Self.value)) != nil else {
                    throw RuleRefusal()
                }
            }
            return true
        } catch is RuleRefusal {
            return false
        }
    }

    public func wouldMatch(_ record: Record, in collection: Collection, rules: [BoundRule]) throws -> Bool {
        var matched = false
        do {
            try database.write { connection in
                try insert(record, into: collection, on: connection)
                let statement = RecordSelectBuilder(dialect: statements.dialect)
                    .record(collection, id: record.id, rules: rules)
                matched = try connection.queryFirst(statement.sql, statement.binds.map(Self.value)) != nil
                throw RuleRefusal()
            }
        } catch is RuleRefusal {
            return matched
        }
        return matched
    }

    public func count(matching query: RecordQuery) throws -> Int {
        let statement = RecordSelectBuilder(dialect: statements.dialect).count(query.collection, rules: query.rules)
        let row = try database.read { try $0.queryFirst(statement.sql, statement.binds.map(Self.value)) }
        return Int(row?[0].integer ?? 0)
    }

    static func value(_ bind: SQLBind) -> SQLiteValue {
        switch bind {
        case .null: .null
        case .integer(let n): .integer(n)
        case .real(let n): .real(n)
        case .text(let s): .text(s)
        }
    }
}

/// Thrown inside a write transaction to roll it back when the record misses its rule.
private struct RuleRefusal: Error {}
