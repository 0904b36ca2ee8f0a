import Foundation
import PocketApplication
import PocketDomain
import PocketMail
import Testing

@Suite("SMTPMailer over libcurl")
struct SMTPMailerTests {
    let message = MailMessage(from: MailAddress(name: "Support", address: "support@example.com"),
                              to: [MailAddress(address: "a@example.com")], cc: [MailAddress(address: "c@example.com")],
                              bcc: [MailAddress(address: "b@example.com")], subject: "Hi",
                              html: "<p>Hello <strong>there</strong></p>\n<p>.leading dot</p>")

    @Test("plain SMTP delivers to every recipient with the MIME message")
    func plain() async throws {
        let server = try TestSMTPServer()
        defer { server.stop() }
        try await SMTPMailer(settings: SMTPSettings(host: "127.0.0.1", port: server.port, localName: "mail.test"))
            .send(message)
        let received = server.received
        #expect(received.commands.contains("EHLO mail.test"))
        #expect(received.commands.contains("MAIL FROM:<support@example.com>"))
        #expect(received.commands.filter { $0.hasPrefix("RCPT TO:") }
            == ["RCPT TO:<a@example.com>", "RCPT TO:<c@example.com>", "RCPT TO:<b@example.com>"])
        let mail = try #require(received.messages.first)
        #expect(mail.contains("Subject: Hi"))
        #expect(mail.contains("multipart/alternative"))
        #expect(mail.contains("Hello there"))
        #expect(mail.contains(".leading dot"))
        #expect(!mail.contains("<b@example.com>"))  // Bcc is envelope only
        #expect(!mail.contains("Bcc:"))
    }

    @Test("AUTH PLAIN and AUTH LOGIN send the credentials", arguments: [SMTPSettings.AuthMethod.plain, .login])
    func auth(method: SMTPSettings.AuthMethod) async throws {
        let server = try TestSMTPServer()
        defer { server.stop() }
        try await SMTPMailer(settings: SMTPSettings(host: "127.0.0.1", port: server.port, username: "user",
                                                    password: "secret", authMethod: method)).send(message)
        let commands = server.received.commands
        switch method {
        case .plain:
            let plain = Data("\u{0}user\u{0}secret".utf8).base64EncodedString()
            #expect(commands.contains("AUTH PLAIN " + plain) || commands.contains(plain))
        case .login:
            #expect(commands.contains { $0.hasPrefix("AUTH LOGIN") })
            #expect(commands.contains(Data("secret".utf8).base64EncodedString()))
        }
        #expect(server.received.messages.count == 1)
    }

    @Test("a silent server times out instead of hanging")
    func timeout() async throws {
        let server = try TestSMTPServer(silent: true)
        defer { server.stop() }
        let start = ContinuousClock.now
        await #expect(throws: MailerError.self) {
            try await SMTPMailer(settings: SMTPSettings(host: "127.0.0.1", port: server.port),
                                 connectTimeout: .seconds(1), timeout: .milliseconds(800)).send(message)
        }
        // Generous bound: the point is that it returns (tests run in parallel on two shared cores).
        #expect(ContinuousClock.now - start < .seconds(120))
    }

    @Test("implicit TLS against a plain server fails with the transport's error")
    func tlsMismatch() async throws {
        let server = try TestSMTPServer()
        defer { server.stop() }
        await #expect(throws: MailerError.self) {
            try await SMTPMailer(settings: SMTPSettings(host: "127.0.0.1", port: server.port, usesTLS: true),
                                 timeout: .seconds(3)).send(message)
        }
    }

    @Test("a refused connection is an error")
    func refused() async throws {
        let server = try TestSMTPServer()
        let port = server.port
        server.stop()
        await #expect(throws: MailerError.self) {
            try await SMTPMailer(settings: SMTPSettings(host: "127.0.0.1", port: port), timeout: .seconds(3)).send(message)
        }
    }

    @Test("no recipients is an error")
    func noRecipients() async {
        var empty = message
        empty.to = []; empty.cc = []; empty.bcc = []
        await #expect(throws: MailerError("no recipients")) {
            try await SMTPMailer(settings: SMTPSettings(host: "127.0.0.1", port: 1)).send(empty)
        }
    }

    @Test("the settings mailer falls back to sendmail when SMTP is off, and says so when there is none")
    func sendmailFallback() async {
        let mailer = SettingsMailer(settings: { .defaults }, sendmail: SendmailMailer(candidates: ["/nonexistent/sendmail"]))
        await #expect(throws: MailerError("failed to locate a sendmail executable path")) { try await mailer.send(message) }
    }
}
