public import PocketDomain
internal import Synchronization

/// Collects request logs and writes them in batches, as PocketBase does a few seconds after the
/// requests; `flush()` writes what is pending (called on a timer and at shutdown).
public final class RequestLogs: Sendable {
    private let store: any LogStore
    private let settings: SettingsService
    private let clock: any Clock
    private let random: any RandomStringGenerator
    private let pending = Mutex<[LogEntry]>([])

    public init(store: any LogStore, settings: SettingsService, clock: any Clock, random: any RandomStringGenerator) {
        self.store = store
        self.settings = settings
        self.clock = clock
        self.random = random
    }

    /// One finished request. Nothing is kept when `logs.maxDays` is 0; IPs only with `logs.logIP`.
    /// `userIP` is the client's address as the trusted proxy names it (the peer's by default).
    public func record(method: String, uri: String, status: Int, executionMilliseconds: Double, referer: String,
                       userAgent: String, auth: AuthContext?, remoteIP: String, userIP: String? = nil,
                       isError: Bool) {
        let logs = settings.current.value(at: "logs")
        guard (logs["maxDays"].numberValue ?? 0) > 0 else { return }
        var data = JSONObject()
        data["type"] = "request"
        data["execTime"] = .number(executionMilliseconds)
        data["url"] = .string(String(uri.prefix(3000)))
        data["method"] = .string(String(method.uppercased().prefix(50)))
        data["status"] = .number(Double(status))
        data["referer"] = .string(String(referer.prefix(2000)))
        data["userAgent"] = .string(String(userAgent.prefix(2000)))
        data["auth"] = .string(auth?.collection.name ?? "")
        if let auth, logs["logAuthId"].boolValue == true { data["authId"] = .string(auth.record.id) }
        if logs["logIP"].boolValue ?? true {
            data["userIP"] = .string(userIP ?? remoteIP)
            data["remoteIP"] = .string(remoteIP)
        }
        let level = isError ? 8 : 0
        guard Double(level) >= (logs["minLevel"].numberValue ?? 0) else { return }
        let entry = LogEntry(id: random.recordID(), level: level, message: "\(method.uppercased()) \(uri.removingPercentEncoding())",
                             data: data, created: clock.now())
        pending.withLock { $0.append(entry) }
    }

    /// Writes the pending entries; on failure they are dropped (logs never fail requests).
    public func flush() {
        let batch = pending.withLock { entries -> [LogEntry] in
            defer { entries.removeAll() }
            return entries
        }
        guard !batch.isEmpty else { return }
        try? store.insert(batch)
    }
}

extension String {
    /// Percent escapes decoded (invalid ones kept as they are), as Go's `url.PathUnescape` does.
    func removingPercentEncoding() -> String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = Array(utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
