public import PocketApplication
public import PocketDomain
internal import PocketCurl

/// Sends mail to an SMTP server with libcurl: plain SMTP with STARTTLS when the server offers it,
/// or implicit TLS (SMTPS) when `usesTLS`; AUTH PLAIN or LOGIN when a username or password is set.
public struct SMTPMailer: Mailer {
    public let settings: SMTPSettings
    public let connectTimeout: Duration
    public let timeout: Duration

    /// `timeout` bounds the whole exchange (PocketBase relies on the OS; we never wait forever).
    public init(settings: SMTPSettings, connectTimeout: Duration = .seconds(10), timeout: Duration = .seconds(30)) {
        self.settings = settings
        self.connectTimeout = connectTimeout
        self.timeout = timeout
    }

    public func send(_ message: MailMessage) async throws(MailerError) {
        let recipients = (message.to + message.cc + message.bcc).map(\.address)
        guard !recipients.isEmpty else { throw MailerError("no recipients") }
        let mime = MIMEMessage(message)
        var request = CurlRequest(url: url)
        request.mailFrom = "<" + message.from.address + ">"
        request.mailRecipients = recipients.map { "<" + $0 + ">" }
        request.body = mime.bytes
        request.tlsUpgrade = settings.usesTLS ? .none : .whenOffered
        request.connectTimeout = connectTimeout
        request.timeout = timeout
        if !settings.username.isEmpty || !settings.password.isEmpty {
            request.username = settings.username
            request.password = settings.password
            request.loginOptions = "AUTH=" + settings.authMethod.rawValue
        }
        do {
            _ = try await Curl.transfer(request)
        } catch {
            throw MailerError(error.message)
        }
    }

    /// `smtp://host:port/localname` (libcurl takes the EHLO name from the path), `smtps://` for TLS.
    var url: String {
        let scheme = settings.usesTLS ? "smtps" : "smtp"
        let host = settings.host.contains(":") && !settings.host.hasPrefix("[") ? "[" + settings.host + "]" : settings.host
        let localName = settings.localName.isEmpty ? "localhost" : settings.localName
        return "\(scheme)://\(host):\(settings.port)/\(localName)"
    }
}
