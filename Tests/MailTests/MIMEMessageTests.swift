import Foundation
import PocketApplication
import PocketDomain
import PocketMail
import Testing

@Suite("MIME building")
struct MIMEMessageTests {
    let message = MailMessage(from: MailAddress(name: "Support", address: "support@example.com"),
                              to: [MailAddress(address: "a@example.com")], subject: "Hello",
                              html: "<p>Hi <a href=\"https://x.test/t\">there</a></p>")

    func text(_ m: MailMessage) -> String {
        String(decoding: MIMEMessage(m, boundary: "B", messageID: "ID", date: Date(timeIntervalSince1970: 0)).bytes,
               as: UTF8.self)
    }

    @Test("HTML with a derived text part is multipart/alternative, text first")
    func alternative() {
        let raw = text(message)
        #expect(raw.contains("From: \"Support\" <support@example.com>\r\n"))
        #expect(raw.contains("To: <a@example.com>\r\n"))
        #expect(raw.contains("Content-Type: multipart/alternative; boundary=\"B\"\r\n"))
        #expect(raw.contains("Message-ID: <ID@example.com>\r\n"))
        #expect(raw.contains("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"))
        let textPart = raw.range(of: "Content-Type: text/plain")!
        let htmlPart = raw.range(of: "Content-Type: text/html")!
        #expect(textPart.lowerBound < htmlPart.lowerBound)
        #expect(raw.contains("Hi [there](https://x.test/t)"))
        #expect(raw.hasSuffix("--B--\r\n"))
    }

    @Test("non-ASCII subjects and names are encoded words")
    func encodedWords() {
        var m = message
        m.subject = "Grüße"
        m.from.name = "Zoë"
        let raw = text(m)
        #expect(raw.contains("Subject: =?UTF-8?q?Gr=C3=BC=C3=9Fe?=\r\n"))
        #expect(raw.contains("From: =?UTF-8?q?Zo=C3=AB?= <support@example.com>\r\n"))
    }

    @Test("long lines are soft-wrapped at 76 characters and '=' is escaped")
    func quotedPrintable() {
        var m = message
        m.html = String(repeating: "a", count: 200) + "=b"
        m.text = "plain"
        let raw = text(m)
        #expect(raw.contains("=3Db"))
        for line in raw.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78) }
    }

    @Test("a text-only message is a single part")
    func textOnly() {
        let m = MailMessage(from: MailAddress(address: "a@b.test"), to: [MailAddress(address: "c@d.test")],
                            subject: "S", html: "", text: "just text")
        let raw = text(m)
        #expect(!raw.contains("multipart"))
        #expect(raw.contains("Content-Type: text/plain; charset=UTF-8"))
    }
}
