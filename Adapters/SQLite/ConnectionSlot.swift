internal import PocketApplication
internal import Synchronization

/// One connection behind a lock, opened on first use and closed for good by `close()`.
final class ConnectionSlot: @unchecked Sendable {
    // `connection` and `isClosed` are only touched while `lock` is held.
    private let lock = Mutex<Void>(())
    private var connection: SQLiteConnection?
    private var isClosed = false
    private let path: String

    /// A slot that opens `path` when first used.
    init(path: String) {
        self.path = path
    }

    /// A slot around an already open connection.
    init(opened: SQLiteConnection) {
        self.path = opened.path
        self.connection = opened
    }

    /// Runs `body` with the connection, waiting for the lock.
    func withConnection<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try lock.withLock { _ throws -> T in try run(body) }
    }

    /// Runs `body` with the connection if nobody holds it; nil when it is busy.
    func withConnectionIfAvailable<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T? {
        try lock.withLockIfAvailable { _ throws -> T in try run(body) }
    }

    /// Closes the connection; later uses throw.
    func close() {
        lock.withLock { _ in
            connection?.close()
            connection = nil
            isClosed = true
        }
    }

    private func run<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        guard !isClosed else { throw StoreError.failure("database \(path) is closed") }
        if let connection { return try body(connection) }
        let opened = try SQLiteConnection(path: path)
        connection = opened
        return try body(opened)
    }
}
