internal import Synchronization

/// One SQLite file: a single writer connection (writes are serialized) and a small pool of
/// reader connections, so reads run in parallel with each other and with the writer (WAL).
public final class SQLiteDatabase: Sendable {
    /// The database file.
    public let path: String
    private let writer: ConnectionSlot
    private let readers: [ConnectionSlot]
    private let nextReader = Atomic<Int>(0)

    /// Opens (creating if missing) the file at `path`; readers are opened lazily, at most
    /// `readerCount` of them.
    public init(path: String, readerCount: Int = 4) throws {
        self.path = path
        writer = ConnectionSlot(opened: try SQLiteConnection(path: path))
        readers = (0..<max(1, readerCount)).map { _ in ConnectionSlot(path: path) }
    }

    /// Runs `body` on the writer connection inside `BEGIN IMMEDIATE … COMMIT`; a throw rolls the
    /// transaction back and is rethrown. Calls are serialized; do not nest `write` in `write`.
    @discardableResult
    public func write<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try writer.withConnection { connection in
            try connection.transaction(immediate: true) { try body(connection) }
        }
    }

    /// Runs `body` on a reader connection inside a read transaction (one consistent snapshot).
    @discardableResult
    public func read<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        let reading: (SQLiteConnection) throws -> T = { connection in
            try connection.transaction(immediate: false) { try body(connection) }
        }
        // Round robin from a rolling start: take the first idle reader, else wait for the start one.
        let start = (nextReader.add(1, ordering: .relaxed).oldValue & Int.max) % readers.count
        for offset in 0..<readers.count {
            let slot = readers[(start + offset) % readers.count]
            if let result = try slot.withConnectionIfAvailable(reading) { return result }
        }
        return try readers[start].withConnection(reading)
    }

    /// Runs `body` on the writer connection outside any transaction (pragmas, `VACUUM`).
    public func withWriterConnection<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try writer.withConnection(body)
    }

    /// Closes every connection; later calls throw `StoreError.failure`.
    public func close() {
        writer.close()
        for reader in readers { reader.close() }
    }
}
