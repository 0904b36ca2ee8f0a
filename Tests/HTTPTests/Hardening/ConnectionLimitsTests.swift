import Foundation
import PocketBootstrap
import PocketHTTP
import Synchronization
import Testing

/// Issue 9, item 3: connections cannot be held forever.
@Suite("connection limits of the served API")
struct ConnectionLimitsTests {
    /// Serves the API with `limits` on a free port while `body` runs, then cancels the server.
    private func serving(_ limits: PocketServer.Limits, _ body: (Int) async throws -> Void) async throws {
        let server = try TestServer.make()
        defer {
            server.app.close()
            try? FileManager.default.removeItem(atPath: server.directory)
        }
        let port = try freePort()
        let started = Atomic<Bool>(false)
        let task = Task {
            try await PocketServer(app: server.app, host: "127.0.0.1", port: port, options: APIOptions(), limits: limits)
                .run { started.store(true, ordering: .relaxed) }
        }
        defer { task.cancel() }
        for _ in 0..<100 where !started.load(ordering: .relaxed) { try await Task.sleep(for: .milliseconds(50)) }
        let isServing = started.load(ordering: .relaxed)
        try #require(isServing)
        try await body(port)
    }

    @Test("headers that never complete, and an idle keep-alive connection, are closed after the idle timeout")
    func slowHeaders() async throws {
        try await serving(.init(idleTimeout: .seconds(1))) { port in
            let slow = try RawConnection(port: port)
            slow.send("GET /api/health HTTP/1.1\r\nHost: x\r\n")
            let cut = slow.readUntilClosed(timeout: 8)
            #expect(cut.closed)
            #expect(cut.text.isEmpty)

            let idle = try RawConnection(port: port)
            idle.send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
            let answered = idle.readUntilClosed(timeout: 8)
            #expect(answered.closed)
            #expect(answered.text.hasPrefix("HTTP/1.1 200"))
            #expect(answered.text.contains("API is healthy."))
        }
    }

    @Test("a connection that keeps talking is not cut")
    func activeConnection() async throws {
        // Six requests 0.9 s apart outlive a 4 s idle timeout together, never one gap of it (the
        // margin is wide: the suite runs in parallel on two cores).
        try await serving(.init(idleTimeout: .seconds(4))) { port in
            let connection = try RawConnection(port: port)
            for _ in 0..<6 {
                connection.send("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
                try await Task.sleep(for: .milliseconds(900))
            }
            connection.send("GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            let text = connection.readUntilClosed(timeout: 10).text
            #expect(text.components(separatedBy: "HTTP/1.1 200").count - 1 == 7)
        }
    }
}
