import PocketApplication
import PocketDomain
import PocketTestSupport
import Synchronization
import Testing

/// Keeps the inserted entries.
private final class RecordingLogStore: LogStore, Sendable {
    let entries = Mutex<[LogEntry]>([])
    func insert(_ batch: [LogEntry]) throws { entries.withLock { $0 += batch } }
}

@Suite("request logs")
struct RequestLogsTests {
    private func make(_ patch: JSONObject? = nil) throws -> (RequestLogs, RecordingLogStore) {
        let settings = SettingsService(params: InMemoryParamStore(), cipher: ReversingCipher(), encryptionKey: nil)
        try settings.load()
        if let patch { _ = try settings.update(patch) }
        let store = RecordingLogStore()
        let logs = RequestLogs(store: store, settings: settings,
                               clock: FixedClock(DateTime(unixMilliseconds: 1_700_000_000_000)),
                               random: SequentialRandom(seed: 1))
        return (logs, store)
    }

    private func record(_ logs: RequestLogs, status: Int = 200) {
        logs.record(method: "post", uri: "/api/collections?x=%20y", status: status, executionMilliseconds: 1.5,
                    referer: "", userAgent: "tests", auth: nil, remoteIP: "127.0.0.1", isError: status >= 400)
    }

    @Test("entries wait for a flush, then carry PocketBase's fields")
    func batches() throws {
        let (logs, store) = try make()
        record(logs)
        record(logs, status: 404)
        #expect(store.entries.withLock { $0.isEmpty })
        logs.flush()
        let entries = store.entries.withLock { $0 }
        #expect(entries.map(\.message) == ["POST /api/collections?x= y", "POST /api/collections?x= y"])
        #expect(entries.map(\.level) == [0, 8])
        #expect(entries[0].data["status"] == 200)
        #expect(entries[0].data["method"] == "POST")
        #expect(entries[0].data["auth"] == "")
        #expect(entries[0].data["remoteIP"] == "127.0.0.1")
        #expect(entries[0].created.description == "2023-11-14 22:13:20.000Z")
    }

    @Test("maxDays 0 keeps nothing; logIP false drops the addresses")
    func settings() throws {
        let (off, offStore) = try make(JSONObject([("logs", ["maxDays": 0])]))
        record(off)
        off.flush()
        #expect(offStore.entries.withLock { $0.isEmpty })
        let (noIP, noIPStore) = try make(JSONObject([("logs", ["logIP": false])]))
        record(noIP)
        noIP.flush()
        #expect(noIPStore.entries.withLock { $0.first?.data.contains("remoteIP") } == false)
    }
}
