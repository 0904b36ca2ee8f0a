import Hummingbird
import Logging
import PocketApplication
import PocketDomain
import PocketHTTP
import Synchronization
import Testing

/// A log handler that keeps what it is given.
private final class CapturingLogHandler: LogHandler, @unchecked Sendable {
    let lines = Mutex<[String]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        let details = (event.metadata ?? [:]).map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        lines.withLock { $0.append("\(event.level) \(event.message) \(details)") }
    }
}

@Suite("unexpected failures are logged, never shown")
struct ErrorMappingTests {
    @Test("a store failure is logged with its cause and answered with PocketBase's message only")
    func storeFailure() {
        let handler = CapturingLogHandler()
        let logger = Logger(label: "test") { _ in handler }
        let failure = StoreFailure(cause: StoreError.failure("database or disk is full (code 13)"),
                                   answer: .badRequest("Failed to create record."))
        let response = ErrorMapping.response(for: failure, logger: logger)
        #expect(response.status == .badRequest)
        let lines = handler.lines.withLock { $0 }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("error request failed") == true)
        #expect(lines.first?.contains("database or disk is full") == true)
    }
}
