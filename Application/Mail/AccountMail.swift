public import PocketDomain

/// What the auth flows need to mail a record: the settings in force (sender, app name and URL)
/// and the outbox that sends in the background.
public struct AccountMail: Sendable {
    public let outbox: MailOutbox
    let settings: @Sendable () -> AppSettings

    public init(outbox: MailOutbox, settings: @escaping @Sendable () -> AppSettings) {
        self.outbox = outbox
        self.settings = settings
    }

    /// Composes the collection's template for the record and queues it.
    func send(_ template: EmailTemplate, what: String, record: Record, collection: Collection,
              placeholders: [String: String] = [:], to: String? = nil,
              then: @escaping @Sendable (MailerError?) -> Void = { _ in }) {
        let message = RecordMail.compose(template, record: record, collection: collection, settings: settings(),
                                         placeholders: placeholders, to: to)
        outbox.send(message, what: what, then: then)
    }

    /// An outbox whose every send fails: for services built without mail.
    public static var unavailable: AccountMail {
        AccountMail(outbox: MailOutbox(mailer: UnavailableMailer()), settings: { .defaults })
    }
}

/// A mailer that refuses every message.
struct UnavailableMailer: Mailer {
    func send(_ message: MailMessage) async throws(MailerError) {
        throw MailerError("mail is not configured")
    }
}
