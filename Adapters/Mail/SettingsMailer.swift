public import PocketApplication
public import PocketDomain

/// The application's mailer: SMTP with the settings in force when `smtp.enabled`, otherwise the
/// local sendmail (PocketBase 0.28.4's `NewMailClient`). Settings are read at each send.
public struct SettingsMailer: Mailer {
    private let settings: @Sendable () -> AppSettings
    private let sendmail: SendmailMailer

    public init(settings: @escaping @Sendable () -> AppSettings, sendmail: SendmailMailer = SendmailMailer()) {
        self.settings = settings
        self.sendmail = sendmail
    }

    public func send(_ message: MailMessage) async throws(MailerError) {
        let smtp = settings().smtp
        if smtp.isEnabled {
            try await SMTPMailer(settings: smtp).send(message)
        } else {
            try await sendmail.send(message)
        }
    }
}
