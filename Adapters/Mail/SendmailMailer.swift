public import PocketApplication
internal import Foundation

/// Sends mail through the local `sendmail` command, which PocketBase 0.28.4 uses when SMTP is
/// disabled: a single HTML (or text) part piped to `sendmail <to,…>`.
public struct SendmailMailer: Mailer {
    /// Where sendmail is looked for, in order (PocketBase's list; the last one is searched in PATH).
    public let candidates: [String]
    public let timeout: Duration

    public init(candidates: [String] = ["/usr/sbin/sendmail", "/usr/bin/sendmail", "sendmail"],
                timeout: Duration = .seconds(30)) {
        self.candidates = candidates
        self.timeout = timeout
    }

    public func send(_ message: MailMessage) async throws(MailerError) {
        guard let path = executable() else { throw MailerError("failed to locate a sendmail executable path") }
        let to = message.to.map(\.address).joined(separator: ",")
        var head = "Content-Type: text/html; charset=UTF-8\r\n"
        head += "From: " + MIMEMessage.address(message.from) + "\r\n"
        head += "Subject: " + MIMEMessage.encodedWord(message.subject) + "\r\n"
        head += "To: " + to + "\r\n\r\n"
        let input = Array((head + (message.html.isEmpty ? message.text : message.html)).utf8)
        let timeout = self.timeout
        let status: Int32? = await withCheckedContinuation { continuation in
            Thread {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: path)
                process.arguments = [to]
                let pipe = Pipe()
                process.standardInput = pipe
                do {
                    try process.run()
                } catch {
                    continuation.resume(returning: nil)
                    return
                }
                pipe.fileHandleForWriting.write(Data(input))
                try? pipe.fileHandleForWriting.close()
                let deadline = Date().addingTimeInterval(Double(timeout.components.seconds))
                while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
                if process.isRunning { process.terminate() }
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }.start()
        }
        guard let status else { throw MailerError("failed to start \(path)") }
        guard status == 0 else { throw MailerError("exit status \(status)") }
    }

    func executable() -> String? {
        let fm = FileManager.default
        for candidate in candidates {
            if candidate.contains("/") {
                if fm.isExecutableFile(atPath: candidate) { return candidate }
                continue
            }
            let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
            for dir in path.split(separator: ":") where fm.isExecutableFile(atPath: "\(dir)/\(candidate)") {
                return "\(dir)/\(candidate)"
            }
        }
        return nil
    }
}
