import Foundation
import Testing

@Suite("serve command")
struct ServeCommandTests {
    @Test("a port in use makes serve give up with Error: and status 0")
    func portInUse() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let socket = try HeldPort()
        defer { socket.close() }
        let result = try cli.run(["serve", "--http", "127.0.0.1:\(socket.port)"])
        #expect(result.status == 0)
        #expect(result.out.hasPrefix("Error:"))
        #expect(result.out.lowercased().contains("address already in use"))
    }

    @Test("serve answers health, stops on SIGTERM and leaves both databases")
    func serveAndStop() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let (process, number, output, healthy) = try startServing(cli)
        process.terminate()
        process.waitUntilExit()
        #expect(healthy)
        #expect(process.terminationStatus == 0)
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(text.contains("Server started at http://127.0.0.1:\(number)"))
        #expect(text.contains("superuser upsert"))
        let names = try FileManager.default.contentsOfDirectory(atPath: cli.dataDir)
        #expect(names.contains("data.db") && names.contains("auxiliary.db"))
    }

    // Issue 9: a client that never finishes its body cannot keep the server from stopping.
    @Test("SIGTERM stops the server within seconds while a client holds a half-sent request")
    func stopWithSlowClient() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let (process, number, _, healthy) = try startServing(cli)
        #expect(healthy)
        let descriptor = connectedSocket(port: number)
        defer { _ = Glibc.close(descriptor) }
        #expect(descriptor >= 0)
        let partial = "POST /api/collections/users/records HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: 100000\r\n\r\n{\"a\":"
        _ = partial.withCString { send(descriptor, $0, strlen($0), 0) }
        Thread.sleep(forTimeInterval: 0.3)
        let stopping = Date()
        process.terminate()
        process.waitUntilExit()
        let elapsed = Date().timeIntervalSince(stopping)
        #expect(elapsed < 10, "stopped after \(elapsed) s")
        #expect(process.terminationReason == .exit)
    }
}

/// `serve` on a free loopback port over the runner's data directory, once it answers health.
private func startServing(_ cli: CLIRunner) throws -> (process: Process, port: Int, output: Pipe, healthy: Bool) {
    let port = try HeldPort()
    let number = port.port
    port.close()
    let process = Process()
    process.executableURL = CLIRunner.binary
    process.arguments = ["serve", "--http", "127.0.0.1:\(number)", "--dir", cli.dataDir]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    var healthy = false
    for _ in 0..<100 where !healthy {
        Thread.sleep(forTimeInterval: 0.1)
        healthy = rawGet(port: number, path: "/api/health").contains("API is healthy.")
    }
    return (process, number, output, healthy)
}

/// A TCP socket connected to a loopback port, or -1.
func connectedSocket(port: Int) -> Int32 {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    guard connected == 0 else {
        _ = Glibc.close(descriptor)
        return -1
    }
    return descriptor
}

/// One HTTP/1.1 GET over a plain socket (no HTTP client in Foundation on Linux without networking).
func rawGet(port: Int, path: String) -> String {
    let descriptor = connectedSocket(port: port)
    guard descriptor >= 0 else { return "" }
    defer { _ = Glibc.close(descriptor) }
    let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    _ = request.withCString { send(descriptor, $0, strlen($0), 0) }
    var response = [UInt8]()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = recv(descriptor, &buffer, buffer.count, 0)
        if count <= 0 { break }
        response += buffer[0..<count]
    }
    return String(decoding: response, as: UTF8.self)
}

/// A listening TCP socket on a free loopback port.
final class HeldPort {
    let descriptor: Int32
    let port: Int

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.descriptor = descriptor
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0, listen(descriptor, 1) == 0 else { throw POSIXError(.EADDRINUSE) }
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(descriptor, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
