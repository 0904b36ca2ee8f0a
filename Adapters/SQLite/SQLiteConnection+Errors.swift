internal import CSQLite
internal import PocketApplication

// sqlite3.h defines the extended codes as macro expressions Swift does not import.
private let constraintPrimaryKey: Int32 = 1555  // SQLITE_CONSTRAINT | (6 << 8)
private let constraintUnique: Int32 = 2067      // SQLITE_CONSTRAINT | (8 << 8)

extension SQLiteConnection {
    /// The connection's last error as a `StoreError`: unique and primary-key violations become
    /// `.uniqueViolation` with the failing columns, everything else `.failure` with SQLite's message.
    func lastError(_ code: Int32) -> StoreError {
        guard let handle = currentHandle else { return .failure("database \(path) is closed") }
        let extended = sqlite3_extended_errcode(handle)
        let message = String(cString: sqlite3_errmsg(handle))
        if extended == constraintUnique || extended == constraintPrimaryKey {
            return .uniqueViolation(columns: uniqueColumns(in: message))
        }
        return .failure("\(message) (code \(extended))")
    }

    /// The columns of "UNIQUE constraint failed: tbl.col1, tbl.col2", or of the index in
    /// "UNIQUE constraint failed: index 'name'" (SQLite's form for expression indexes).
    func uniqueColumns(in message: String) -> [String] {
        guard let colon = message.firstRange(of: "failed: ") else { return [] }
        let list = message[colon.upperBound...]
        if list.hasPrefix("index '") {
            let name = list.dropFirst("index '".count).prefix { $0 != "'" }
            let rows = (try? query("SELECT name FROM pragma_index_info(?)", [.text(String(name))])) ?? []
            return rows.compactMap { $0[0].text }
        }
        return list.split(separator: ",").map { part in
            let trimmed = part.drop { $0 == " " }
            if let dot = trimmed.firstIndex(of: ".") { return String(trimmed[trimmed.index(after: dot)...]) }
            return String(trimmed)
        }
    }
}
