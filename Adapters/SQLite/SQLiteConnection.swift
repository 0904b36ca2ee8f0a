internal import CSQLite
internal import PocketApplication

/// One SQLite connection: the only type that calls `sqlite3_*`.
///
/// Not thread-safe: `SQLiteDatabase` hands each connection to one caller at a time. Prepared
/// statements are cached by SQL text; a statement that is running is never finalized or reused
/// (an error lookup or a nested query while it steps gets a statement of its own). Errors are
/// thrown as `StoreError` (a unique or primary key violation as `.uniqueViolation` with the
/// columns SQLite names).
public final class SQLiteConnection {
    /// The file this connection opened.
    public let path: String
    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]
    /// The statements being stepped right now (cached or not).
    private var running: Set<OpaquePointer> = []
    private static let statementCacheLimit = 256

    /// PocketBase 0.28.4's connection pragmas (busy timeout first, so switching to WAL can wait).
    static let pragmas = """
        PRAGMA busy_timeout = 10000;
        PRAGMA journal_mode = WAL;
        PRAGMA journal_size_limit = 200000000;
        PRAGMA synchronous = NORMAL;
        PRAGMA foreign_keys = ON;
        PRAGMA temp_store = MEMORY;
        PRAGMA cache_size = -16000;
        """

    /// Opens (creating if missing) the database file at `path` and applies PocketBase's pragmas.
    /// Configures the library once, before the first connection initializes it.
    private static let libraryConfigured: Void = { _ = pocket_sqlite_disable_memstatus() }()

    public init(path: String) throws {
        _ = Self.libraryConfigured
        self.path = path
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            throw StoreError.failure("cannot open \(path): \(message)")
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        Self.registerPocketBaseFunctions(db)
        do {
            try executeScript(Self.pragmas)
        } catch {
            close()
            throw error
        }
    }

    deinit { close() }

    /// The raw handle, for the error mapping in `SQLiteConnection+Errors.swift`.
    var currentHandle: OpaquePointer? { handle }

    /// True until `close()`.
    public var isOpen: Bool { handle != nil }

    /// Finalizes the cached statements and closes the connection; later calls throw.
    public func close() {
        for statement in statements.values { sqlite3_finalize(statement) }
        statements.removeAll()
        if let handle { sqlite3_close_v2(handle) }
        handle = nil
    }

    /// Runs exactly one statement without parameters (DDL that may hold a client's text, such as a
    /// view query or an index definition); text after the first statement is refused, so
    /// `select 1; drop table x` never runs its second part.
    public func execute(_ sql: String) throws {
        let db = try requireHandle()
        var statement: OpaquePointer?
        // The tail points into the C copy of `sql`, so it is read before that copy goes away.
        let (code, hasMore) = sql.withCString { text -> (Int32, Bool) in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v2(db, text, -1, &statement, &tail)
            return (code, tail.map { !Self.isBlank($0) } ?? false)
        }
        guard code == SQLITE_OK else {
            sqlite3_finalize(statement)
            throw lastError(code)
        }
        defer { sqlite3_finalize(statement) }
        if hasMore { throw StoreError.failure("only one SQL statement is allowed") }
        guard let statement else { return }
        while true {
            let step = sqlite3_step(statement)
            if step == SQLITE_DONE { return }
            if step != SQLITE_ROW { throw lastError(step) }
        }
    }

    /// Runs a script of `;`-separated statements of our own (the connection pragmas); never text
    /// a client wrote.
    func executeScript(_ sql: String) throws {
        let db = try requireHandle()
        let code = sqlite3_exec(db, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw lastError(code) }
    }

    /// True when the C text holds only whitespace, `;` and SQL comments.
    private static func isBlank(_ text: UnsafePointer<CChar>) -> Bool {
        let bytes = Array(String(cString: text).utf8)
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C, UInt8(ascii: ";"):
                i += 1
            case UInt8(ascii: "-") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "-"):
                while i < bytes.count, bytes[i] != 0x0A { i += 1 }
            case UInt8(ascii: "/") where i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "*"):
                i += 2
                while i + 1 < bytes.count, !(bytes[i] == UInt8(ascii: "*") && bytes[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i += 2
            default:
                return false
            }
        }
        return true
    }

    /// Runs one statement with parameters, discarding any rows; returns the number of changed rows.
    @discardableResult
    public func run(_ sql: String, _ binds: [SQLiteValue] = []) throws -> Int {
        try withStatement(sql, binds) { statement in
            while true {
                let code = sqlite3_step(statement)
                if code == SQLITE_DONE { break }
                if code != SQLITE_ROW { throw lastError(code) }
            }
            return Int(sqlite3_changes(handle))
        }
    }

    /// Runs one query with parameters and returns all its rows.
    public func query(_ sql: String, _ binds: [SQLiteValue] = []) throws -> [SQLiteRow] {
        try withStatement(sql, binds) { statement in
            // Column names are read after the first step: a cached statement is prepared again
            // when the schema changed, and its columns may differ from before that step.
            var count: Int32 = 0
            var columns: [String] = []
            var rows: [SQLiteRow] = []
            while true {
                let code = sqlite3_step(statement)
                if rows.isEmpty {
                    count = sqlite3_column_count(statement)
                    columns = (0..<count).map { String(cString: sqlite3_column_name(statement, $0)) }
                }
                if code == SQLITE_DONE { break }
                guard code == SQLITE_ROW else { throw lastError(code) }
                let values = (0..<count).map { column(statement, $0) }
                rows.append(SQLiteRow(columns: columns, values: values))
            }
            return rows
        }
    }

    /// The first row of a query, or nil when it has none.
    public func queryFirst(_ sql: String, _ binds: [SQLiteValue] = []) throws -> SQLiteRow? {
        try query(sql, binds).first
    }

    /// The rowid of the last successful insert.
    public var lastInsertRowID: Int64 {
        handle.map { sqlite3_last_insert_rowid($0) } ?? 0
    }

    /// True when no transaction is open.
    public var isAutocommit: Bool {
        handle.map { sqlite3_get_autocommit($0) != 0 } ?? true
    }

    /// Runs `body` in a transaction (`BEGIN IMMEDIATE` takes the write lock up front), committing on
    /// return and rolling back on throw.
    public func transaction<T>(immediate: Bool, _ body: () throws -> T) throws -> T {
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if !isAutocommit { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Runs `body` inside a savepoint of the open transaction: released on return, rolled back to
    /// (and only that part undone) on throw.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT pocket_write")
        do {
            let result = try body()
            try execute("RELEASE pocket_write")
            return result
        } catch {
            try? execute("ROLLBACK TO pocket_write")
            try? execute("RELEASE pocket_write")
            throw error
        }
    }

    // MARK: - Statements

    private func requireHandle() throws -> OpaquePointer {
        guard let handle else { throw StoreError.failure("database \(path) is closed") }
        return handle
    }

    /// A statement for `sql` that nobody is stepping, and whether it lives in the cache. A full
    /// cache drops only statements that are not running.
    private func prepared(_ sql: String) throws -> (statement: OpaquePointer, isCached: Bool) {
        let cached = statements[sql]
        if let cached, !running.contains(cached) { return (cached, true) }
        let db = try requireHandle()
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(db, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw lastError(code)
        }
        // The same SQL is already running (a nested use): this one is used once and finalized.
        if cached != nil { return (statement, false) }
        if statements.count >= Self.statementCacheLimit {
            for (key, old) in statements where !running.contains(old) {
                sqlite3_finalize(old)
                statements[key] = nil
            }
        }
        statements[sql] = statement
        return (statement, true)
    }

    private func withStatement<T>(_ sql: String, _ binds: [SQLiteValue], _ body: (OpaquePointer) throws -> T) throws -> T {
        let (statement, isCached) = try prepared(sql)
        running.insert(statement)
        defer {
            running.remove(statement)
            if isCached {
                sqlite3_reset(statement)
                sqlite3_clear_bindings(statement)
            } else {
                sqlite3_finalize(statement)
            }
        }
        for (offset, value) in binds.enumerated() {
            let code = bind(value, to: statement, at: Int32(offset + 1))
            guard code == SQLITE_OK else { throw lastError(code) }
        }
        return try body(statement)
    }

    // sqlite3's SQLITE_TRANSIENT macro: SQLite copies the bound bytes before the call returns.
    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }

    private func bind(_ value: SQLiteValue, to statement: OpaquePointer, at index: Int32) -> Int32 {
        switch value {
        case .null:
            return sqlite3_bind_null(statement, index)
        case .integer(let number):
            return sqlite3_bind_int64(statement, index, number)
        case .real(let number):
            return sqlite3_bind_double(statement, index, number)
        case .text(let text):
            if text.isEmpty { return sqlite3_bind_text(statement, index, "", 0, Self.transient) }
            var text = text
            return text.withUTF8 { buffer in
                let pointer = UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                return sqlite3_bind_text(statement, index, pointer, Int32(buffer.count), Self.transient)
            }
        case .blob(let bytes):
            if bytes.isEmpty { return sqlite3_bind_zeroblob(statement, index, 0) }
            return bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob(statement, index, buffer.baseAddress, Int32(buffer.count), Self.transient)
            }
        }
    }

    private func column(_ statement: OpaquePointer, _ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(statement, index))
        case SQLITE_TEXT:
            guard let pointer = sqlite3_column_text(statement, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(statement, index))
            return .text(String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            guard let pointer = sqlite3_column_blob(statement, index) else { return .blob([]) }
            let count = Int(sqlite3_column_bytes(statement, index))
            return .blob(Array(UnsafeRawBufferPointer(start: pointer, count: count)))
        default:
            return .null
        }
    }
}
