import Foundation
import PocketApplication
import PocketDomain
import PocketSQLite
import PocketTestSupport

/// A fresh directory under the system temp dir, removed when the test is done.
struct TemporaryDirectory {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/pocketswift-sqlite-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Runs `body` with a directory that is removed afterwards.
    static func with<T>(_ body: (TemporaryDirectory) throws -> T) throws -> T {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        return try body(directory)
    }
}

/// The clock instant every bootstrap test uses.
let testNow = DateTime(unixMilliseconds: 1_704_164_645_678)

/// Opens a data directory under a fresh temp dir, runs `body`, closes and removes it.
func withDataDirectory<T>(seed: UInt64 = 0, _ body: (SQLiteDataDirectory, FixedClock) throws -> T) throws -> T {
    try TemporaryDirectory.with { temp throws in
        let clock = FixedClock(testNow)
        let directory = try SQLiteDataDirectory(path: temp.path + "/pb_data", clock: clock,
                                                random: SequentialRandom(seed: seed))
        defer { directory.close() }
        return try body(directory, clock)
    }
}

/// One row of `pragma table_info`.
struct ColumnInfo: Equatable, CustomStringConvertible {
    let name: String
    let type: String
    let notNull: Bool
    let defaultValue: String?
    let primaryKey: Bool

    init(_ name: String, _ type: String, _ notNull: Int, _ defaultValue: String?, _ primaryKey: Int) {
        self.name = name
        self.type = type
        self.notNull = notNull != 0
        self.defaultValue = defaultValue
        self.primaryKey = primaryKey != 0
    }

    var description: String { "\(name)|\(type)|\(notNull)|\(defaultValue ?? "NULL")|\(primaryKey)" }
}

extension SQLiteDatabase {
    /// `pragma table_info` of a table.
    func columns(of table: String) throws -> [ColumnInfo] {
        try read { connection in
            try connection.query(#"SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)"#,
                                 [.text(table)])
        }.map { row in
            ColumnInfo(row[0].text ?? "", row[1].text ?? "", Int(row[2].integer ?? 0), row[3].text,
                       Int(row[4].integer ?? 0))
        }
    }

    /// The `sql` of every index of a table that SQLite did not create itself, in creation order.
    func indexSQL(of table: String) throws -> [String] {
        try read { connection in
            try connection.query("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY rowid",
                                 [.text(table)])
        }.compactMap { $0[0].text }
    }
}

/// A JSON object from a literal, keys in the order written.
func object(_ pairs: KeyValuePairs<String, JSONValue>) -> JSONObject {
    JSONObject(pairs.map { ($0.key, $0.value) })
}
