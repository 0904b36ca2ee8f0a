/// An email address with an optional display name (`"Support" <support@example.com>`).
public struct MailAddress: Sendable, Equatable {
    public var name: String
    public var address: String

    public init(name: String = "", address: String) {
        self.name = name
        self.address = address
    }
}

/// One email: the sender, the recipients, a subject and an HTML body with an optional plain-text
/// alternative.
public struct MailMessage: Sendable, Equatable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var bcc: [MailAddress]
    public var subject: String
    public var html: String
    /// The plain-text alternative; when empty, adapters derive one from `html` (PocketBase 0.28.4).
    public var text: String
    /// Extra headers, e.g. `Message-ID`; adapters add a `Message-ID` when none is given.
    public var headers: [(name: String, value: String)]

    public init(from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], bcc: [MailAddress] = [],
                subject: String, html: String, text: String = "", headers: [(name: String, value: String)] = []) {
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.subject = subject
        self.html = html
        self.text = text
        self.headers = headers
    }

    public static func == (lhs: MailMessage, rhs: MailMessage) -> Bool {
        lhs.from == rhs.from && lhs.to == rhs.to && lhs.cc == rhs.cc && lhs.bcc == rhs.bcc && lhs.subject == rhs.subject
            && lhs.html == rhs.html && lhs.text == rhs.text
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}

/// Why a message was not sent; `message` is the transport's own text, which PocketBase shows after
/// "Raw error:".
public struct MailerError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Sends email.
///
/// Contract: `send` returns once the transport accepted the message for every recipient (To, Cc
/// and Bcc), or throws `MailerError`; it never hangs, whatever the peer does: connecting and the
/// whole exchange are bounded by timeouts. It may be called concurrently; it never blocks the
/// caller's thread on the network. A message with no recipient is an error.
public protocol Mailer: Sendable {
    func send(_ message: MailMessage) async throws(MailerError)
}
