public import PocketApplication
internal import PocketDomain
public import Foundation

/// Builds the RFC 5322 bytes of a mail: headers (non-ASCII words encoded), then one text part, or
/// `multipart/alternative` with the plain text first and the HTML second, each quoted-printable.
public struct MIMEMessage: Sendable {
    public let message: MailMessage
    /// The multipart boundary and the Message-ID's local part (random unless tests pin them).
    public let boundary: String
    public let messageID: String
    public let date: Date

    public init(_ message: MailMessage, boundary: String? = nil, messageID: String? = nil, date: Date = Date()) {
        self.message = message
        self.boundary = boundary ?? "pocket-" + Self.randomToken(24)
        self.messageID = messageID ?? Self.randomToken(15)
        self.date = date
    }

    /// The plain text sent: the message's own, or one derived from its HTML.
    public var plainText: String {
        message.text.isEmpty && !message.html.isEmpty ? HTMLText.plainText(fromHTML: message.html) : message.text
    }

    /// The whole message, CRLF line endings.
    public var bytes: [UInt8] {
        var lines: [String] = []
        lines.append("From: " + Self.address(message.from))
        if !message.to.isEmpty { lines.append("To: " + message.to.map(Self.address).joined(separator: ", ")) }
        if !message.cc.isEmpty { lines.append("Cc: " + message.cc.map(Self.address).joined(separator: ", ")) }
        lines.append("Subject: " + Self.encodedWord(message.subject))
        lines.append("Date: " + Self.rfc5322Date(date))
        if !message.headers.contains(where: { $0.name.lowercased() == "message-id" }) {
            let domain = message.from.address.split(separator: "@").last.map(String.init) ?? "localhost"
            lines.append("Message-ID: <\(messageID)@\(domain)>")
        }
        for header in message.headers { lines.append(header.name + ": " + Self.encodedWord(header.value)) }
        lines.append("MIME-Version: 1.0")
        let text = plainText
        let html = message.html
        if !html.isEmpty, !text.isEmpty {
            lines.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
            lines.append("")
            lines.append("--" + boundary)
            lines += Self.part(contentType: "text/plain", body: text)
            lines.append("--" + boundary)
            lines += Self.part(contentType: "text/html", body: html)
            lines.append("--" + boundary + "--")
        } else {
            lines += Self.part(contentType: html.isEmpty ? "text/plain" : "text/html", body: html.isEmpty ? text : html)
        }
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    static func part(contentType: String, body: String) -> [String] {
        ["Content-Type: \(contentType); charset=UTF-8", "Content-Transfer-Encoding: quoted-printable", "",
         quotedPrintable(body)]
    }

    /// `"Name" <address>` (the name quoted or encoded as needed), or the bare address.
    static func address(_ address: MailAddress) -> String {
        guard !address.name.isEmpty else { return "<" + address.address + ">" }
        let name: String
        if address.name.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F }) {
            name = "\"" + address.name.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"") + "\""
        } else {
            name = encodedWord(address.name)
        }
        return name + " <" + address.address + ">"
    }

    /// RFC 2047 `=?UTF-8?q?…?=` for text that is not plain printable ASCII.
    static func encodedWord(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F }) { return text }
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: " "): encoded += "_"
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "A")...UInt8(ascii: "Z"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default: encoded += String(format: "=%02X", byte)
            }
        }
        return "=?UTF-8?q?" + encoded + "?="
    }

    /// Quoted-printable (RFC 2045): lines of at most 76 characters, CRLF line breaks kept as such.
    static func quotedPrintable(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var out: [String] = []
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            var encodedLine = ""
            var length = 0
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                var token: String
                if (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !isLast) {
                    token = String(UnicodeScalar(byte))
                } else {
                    token = String(format: "=%02X", byte)
                }
                // A leading dot is fine: the SMTP transport stuffs it.
                if length + token.count > 75 {
                    encodedLine += "=\r\n"
                    length = 0
                }
                encodedLine += token
                length += token.count
            }
            out.append(encodedLine)
        }
        return out.joined(separator: "\r\n")
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    static func randomToken(_ length: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        return String((0..<length).map { _ in alphabet.randomElement()! })
    }
}
