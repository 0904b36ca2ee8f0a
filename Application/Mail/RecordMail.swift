public import PocketDomain

/// Builds the mails PocketBase sends about an auth record (verification, password reset, email
/// change, OTP, login alert): the collection's template with its placeholders resolved, the body
/// inside PocketBase's HTML layout, from the settings' sender.
public enum RecordMail {
    /// The placeholders every record mail resolves.
    public static let appName = "{APP_NAME}"
    public static let appURL = "{APP_URL}"
    public static let token = "{TOKEN}"
    public static let otp = "{OTP}"
    public static let otpID = "{OTP_ID}"

    /// Field types whose `{RECORD:name}` value is not HTML-escaped (PocketBase 0.28.4).
    static let unescapedTypes: Set<String> = [AutodateField.typeName, DateField.typeName, BoolField.typeName,
                                                 NumberField.typeName]

    /// The message for `record`, sent to `to` (the record's email unless given).
    ///
    /// `placeholders` are resolved first; `{APP_NAME}`, `{APP_URL}` and `{RECORD:field}` (every
    /// field that is not hidden) fill in unless given.
    public static func compose(_ template: EmailTemplate, record: Record, collection: Collection,
                               settings: AppSettings, placeholders: [String: String] = [:],
                               to: String? = nil) -> MailMessage {
        var values = placeholders
        if values[appName] == nil { values[appName] = settings.appName }
        if values[appURL] == nil { values[appURL] = settings.appURL }
        for field in collection.fields where !field.isHidden {
            let key = "{RECORD:" + field.name + "}"
            guard values[key] == nil else { continue }
            let text = goString(record[field.name])
            values[key] = unescapedTypes.contains(field.typeName) ? text : HTMLText.escaped(text)
        }
        var subject = template.subject
        var body = template.body
        // Longer keys first, so that a placeholder never eats part of a longer one.
        for key in values.keys.sorted(by: { $0.count > $1.count || ($0.count == $1.count && $0 < $1) }) {
            let value = values[key] ?? ""
            subject = subject.replacingAll(key, with: value)
            body = body.replacingAll(key, with: value)
        }
        let sender = settings.sender
        return MailMessage(from: MailAddress(name: sender.name, address: sender.address),
                           to: [MailAddress(address: to ?? record.string("email"))],
                           subject: subject, html: MailLayout.wrap(body))
    }

    /// Go's `cast.ToString` of a stored value.
    static func goString(_ value: JSONValue) -> String {
        switch value {
        case .null: ""
        case .string(let s): s
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .array, .object: JSONWriter.string(value)
        }
    }
}
