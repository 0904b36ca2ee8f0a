public import PocketApplication
internal import PocketDomain

/// The `_params` key-value table: JSON kept as a BLOB, encrypted values as TEXT.
public struct SQLiteParamStore: ParamStore {
    /// The database holding `_params` (`data.db`).
    public let database: SQLiteDatabase
    private let clock: any Clock

    /// A store over `database`, stamping `created`/`updated` with `clock`.
    public init(database: SQLiteDatabase, clock: any Clock) {
        self.database = database
        self.clock = clock
    }

    /// The stored value: a BLOB as `.blob`, anything else as `.text`; nil when the row is missing
    /// or its value is NULL.
    public func param(_ id: String) throws -> ParamValue? {
        let value = try database.read {
            try $0.queryFirst("SELECT `value` FROM `_params` WHERE `id` = ? LIMIT 1", [.text(id)])?[0]
        }
        switch value {
        case nil, .null?: return nil
        case .blob(let bytes)?: return .blob(bytes)
        case .text(let text)?: return .text(text)
        case .integer(let number)?: return .text(String(number))
        case .real(let number)?: return .text(JSONWriter.string(.number(number)))
        }
    }

    /// Inserts or replaces the row, keeping its `created` and setting `updated` to now.
    public func setParam(_ id: String, _ value: ParamValue) throws {
        let now = SQLiteValue.text(clock.now().description)
        let stored: SQLiteValue = switch value {
        case .blob(let bytes): .blob(bytes)
        case .text(let text): .text(text)
        }
        try database.write {
            try $0.run("""
                INSERT INTO `_params` (`id`, `value`, `created`, `updated`) VALUES (?, ?, ?, ?) \
                ON CONFLICT (`id`) DO UPDATE SET `value` = excluded.`value`, `updated` = excluded.`updated`
                """, [.text(id), stored, now, now])
        }
    }
}
