public import PocketDomain

/// One row of `_logs` (auxiliary.db).
public struct LogEntry: Sendable, Equatable {
    public let id: String
    /// PocketBase's slog levels: 0 info, 4 warn, 8 error.
    public let level: Int
    public let message: String
    public let data: JSONObject
    public let created: DateTime

    public init(id: String, level: Int, message: String, data: JSONObject, created: DateTime) {
        self.id = id
        self.level = level
        self.message = message
        self.data = data
        self.created = created
    }
}

/// The request and app logs.
///
/// Contract: `insert` writes every entry or none (one transaction).
public protocol LogStore: Sendable {
    func insert(_ entries: [LogEntry]) throws
}
