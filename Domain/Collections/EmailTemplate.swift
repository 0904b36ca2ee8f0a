/// A mail's subject and HTML body, with PocketBase's `{PLACEHOLDERS}`.
public struct EmailTemplate: Sendable, Equatable {
    public var subject: String
    public var body: String

    public init(subject: String, body: String) {
        self.subject = subject
        self.body = body
    }

    init(json: JSONObject?, fallback: EmailTemplate) {
        guard let json else { self = fallback; return }
        subject = json.string("subject")
        body = json.string("body")
    }

    var json: JSONObject { JSONObject([("subject", .string(subject)), ("body", .string(body))]) }

    private static func page(_ lines: String) -> String {
        "<p>Hello,</p>\n\(lines)\n<p>\n  Thanks,<br/>\n  {APP_NAME} team\n</p>"
    }

    private static func button(_ path: String, _ label: String) -> String {
        "<p>\n  <a class=\"btn\" href=\"{APP_URL}/_/#/auth/\(path)/{TOKEN}\" target=\"_blank\" rel=\"noopener\">\(label)</a>\n</p>"
    }

    // PocketBase 0.28.4's default templates, word for word.
    public static let verification = EmailTemplate(
        subject: "Verify your {APP_NAME} email",
        body: page("<p>Thank you for joining us at {APP_NAME}.</p>\n<p>Click on the button below to verify your email address.</p>\n"
            + button("confirm-verification", "Verify")))

    public static let resetPassword = EmailTemplate(
        subject: "Reset your {APP_NAME} password",
        body: page("<p>Click on the button below to reset your password.</p>\n"
            + button("confirm-password-reset", "Reset password")
            + "\n<p><i>If you didn't ask to reset your password, you can ignore this email.</i></p>"))

    public static let confirmEmailChange = EmailTemplate(
        subject: "Confirm your {APP_NAME} new email address",
        body: page("<p>Click on the button below to confirm your new email address.</p>\n"
            + button("confirm-email-change", "Confirm new email")
            + "\n<p><i>If you didn't ask to change your email address, you can ignore this email.</i></p>"))

    public static let otp = EmailTemplate(
        subject: "OTP for {APP_NAME}",
        body: page("<p>Your one-time password is: <strong>{OTP}</strong></p>\n<p><i>If you didn't ask for the one-time password, you can ignore this email.</i></p>"))

    public static let authAlert = EmailTemplate(
        subject: "Login from a new location",
        body: page("<p>We noticed a login to your {APP_NAME} account from a new location.</p>\n<p>If this was you, you may disregard this email.</p>\n<p><strong>If this wasn't you, you should immediately change your {APP_NAME} account password to revoke access from all other locations.</strong></p>"))
}
