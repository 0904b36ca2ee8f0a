import Foundation
import Synchronization

/// A tiny SMTP responder on a loopback port, for one test: it speaks enough ESMTP for libcurl
/// (EHLO, AUTH PLAIN and LOGIN, MAIL, RCPT, DATA, QUIT) and records the commands and messages.
/// In `silent` mode it accepts connections and never answers (for timeout tests).
final class TestSMTPServer: @unchecked Sendable {
    struct Received: Sendable {
        var commands: [String] = []
        var messages: [String] = []
    }

    let port: Int
    private let listener: Int32
    private let silent: Bool
    private let state = Mutex(Received())

    init(silent: Bool = false) throws {
        self.silent = silent
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 8) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in acceptLoop() }.start()
    }

    var received: Received { state.withLock { $0 } }

    /// Stops accepting. The listener is closed by the accept thread itself, so its descriptor
    /// number cannot be reused by another test's socket while that thread may still call accept.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            Thread { [self] in serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        if silent {
            var byte: UInt8 = 0
            _ = recv(client, &byte, 1, 0)  // until the peer gives up
            return
        }
        var buffer: [UInt8] = []
        func send(_ line: String) {
            let bytes = Array((line + "\r\n").utf8)
            _ = bytes.withUnsafeBytes { Glibc.send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
        func readLine() -> String? {
            while true {
                if let end = buffer.firstIndex(of: 10) {
                    let line = String(decoding: buffer[..<end], as: UTF8.self)
                    buffer.removeSubrange(...end)
                    return line.hasSuffix("\r") ? String(line.dropLast()) : line
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let n = recv(client, &chunk, chunk.count, 0)
                guard n > 0 else { return nil }
                buffer += chunk[..<n]
            }
        }
        send("220 test ESMTP")
        while let line = readLine() {
            state.withLock { $0.commands.append(line) }
            let verb = line.split(separator: " ").first.map { $0.uppercased() } ?? ""
            switch verb {
            case "EHLO":
                send("250-test greets you")
                send("250-AUTH PLAIN LOGIN")
                send("250 8BITMIME")
            case "HELO": send("250 test")
            case "AUTH":
                if line.uppercased().hasPrefix("AUTH LOGIN") {
                    send("334 VXNlcm5hbWU6")
                    if let user = readLine() { state.withLock { $0.commands.append(user) } }
                    send("334 UGFzc3dvcmQ6")
                    if let password = readLine() { state.withLock { $0.commands.append(password) } }
                } else if line.split(separator: " ").count == 2 {
                    send("334 ")
                    if let response = readLine() { state.withLock { $0.commands.append(response) } }
                }
                send("235 2.7.0 Authentication successful")
            case "MAIL", "RCPT": send("250 OK")
            case "DATA":
                send("354 End data with <CR><LF>.<CR><LF>")
                var lines: [String] = []
                while let data = readLine(), data != "." { lines.append(data.hasPrefix("..") ? String(data.dropFirst()) : data) }
                state.withLock { $0.messages.append(lines.joined(separator: "\r\n")) }
                send("250 OK queued")
            case "QUIT":
                send("221 bye")
                return
            default: send("502 unknown")
            }
        }
    }
}
