/// The settings of an auth collection, as PocketBase stores them in `_collections.options`.
public struct AuthOptions: Sendable, Equatable {
    public var authRule: String? = ""
    public var manageRule: String?
    public var authAlert = AuthAlertConfig()
    public var oauth2 = OAuth2Config()
    public var passwordAuth = PasswordAuthConfig()
    public var mfa = MFAConfig()
    public var otp = OTPConfig()
    public var authToken = TokenConfig(duration: 604_800)
    public var passwordResetToken = TokenConfig(duration: 1800)
    public var emailChangeToken = TokenConfig(duration: 1800)
    public var verificationToken = TokenConfig(duration: 259_200)
    public var fileToken = TokenConfig(duration: 180)
    public var verificationTemplate = EmailTemplate.verification
    public var resetPasswordTemplate = EmailTemplate.resetPassword
    public var confirmEmailChangeTemplate = EmailTemplate.confirmEmailChange

    public init() {}

    /// Fresh options with new random token secrets.
    public init(secrets: () -> String) {
        authToken.secret = secrets()
        passwordResetToken.secret = secrets()
        emailChangeToken.secret = secrets()
        verificationToken.secret = secrets()
        fileToken.secret = secrets()
    }

    public init(json: JSONObject) {
        authRule = json.contains("authRule") ? json["authRule"]?.stringValue : ""
        manageRule = json["manageRule"]?.stringValue
        if let o = json["authAlert"]?.objectValue { authAlert = AuthAlertConfig(json: o) }
        if let o = json["oauth2"]?.objectValue { oauth2 = OAuth2Config(json: o) }
        if let o = json["passwordAuth"]?.objectValue { passwordAuth = PasswordAuthConfig(json: o) }
        if let o = json["mfa"]?.objectValue { mfa = MFAConfig(json: o) }
        if let o = json["otp"]?.objectValue { otp = OTPConfig(json: o) }
        authToken = TokenConfig(json: json["authToken"]?.objectValue, fallback: authToken)
        passwordResetToken = TokenConfig(json: json["passwordResetToken"]?.objectValue, fallback: passwordResetToken)
        emailChangeToken = TokenConfig(json: json["emailChangeToken"]?.objectValue, fallback: emailChangeToken)
        verificationToken = TokenConfig(json: json["verificationToken"]?.objectValue, fallback: verificationToken)
        fileToken = TokenConfig(json: json["fileToken"]?.objectValue, fallback: fileToken)
        verificationTemplate = EmailTemplate(json: json["verificationTemplate"]?.objectValue, fallback: verificationTemplate)
        resetPasswordTemplate = EmailTemplate(json: json["resetPasswordTemplate"]?.objectValue, fallback: resetPasswordTemplate)
        confirmEmailChangeTemplate = EmailTemplate(json: json["confirmEmailChangeTemplate"]?.objectValue,
                                                   fallback: confirmEmailChangeTemplate)
    }

    /// The options' JSON; token secrets only when `includeSecrets` (the database keeps them, the API
    /// and exported migrations do not).
    public func json(includeSecrets: Bool) -> JSONObject {
        var o = JSONObject()
        o["authRule"] = authRule.map(JSONValue.string) ?? .null
        o["manageRule"] = manageRule.map(JSONValue.string) ?? .null
        o["authAlert"] = .object(authAlert.json)
        o["oauth2"] = .object(oauth2.json)
        o["passwordAuth"] = .object(passwordAuth.json)
        o["mfa"] = .object(mfa.json)
        o["otp"] = .object(otp.json)
        o["authToken"] = .object(authToken.json(includeSecret: includeSecrets))
        o["passwordResetToken"] = .object(passwordResetToken.json(includeSecret: includeSecrets))
        o["emailChangeToken"] = .object(emailChangeToken.json(includeSecret: includeSecrets))
        o["verificationToken"] = .object(verificationToken.json(includeSecret: includeSecrets))
        o["fileToken"] = .object(fileToken.json(includeSecret: includeSecrets))
        o["verificationTemplate"] = .object(verificationTemplate.json)
        o["resetPasswordTemplate"] = .object(resetPasswordTemplate.json)
        o["confirmEmailChangeTemplate"] = .object(confirmEmailChangeTemplate.json)
        return o
    }
}

/// A token kind's lifetime and signing secret.
public struct TokenConfig: Sendable, Equatable {
    public var secret = ""
    /// Seconds.
    public var duration: Int

    public init(secret: String = "", duration: Int) {
        self.secret = secret
        self.duration = duration
    }

    init(json: JSONObject?, fallback: TokenConfig) {
        guard let json else { self = fallback; return }
        secret = json["secret"]?.stringValue ?? ""
        duration = json["duration"] == nil ? fallback.duration : json.int("duration")
    }

    func json(includeSecret: Bool) -> JSONObject {
        var o = JSONObject()
        if includeSecret { o["secret"] = .string(secret) }
        o["duration"] = .number(Double(duration))
        return o
    }
}

/// Password sign-in: on or off, and which fields identify the record.
public struct PasswordAuthConfig: Sendable, Equatable {
    public var enabled = true
    public var identityFields = ["email"]

    public init() {}

    init(json: JSONObject) {
        enabled = json.bool("enabled")
        identityFields = json.strings("identityFields")
    }

    var json: JSONObject {
        JSONObject([("enabled", .bool(enabled)), ("identityFields", .array(identityFields.map { .string($0) }))])
    }
}

/// Multi-factor auth settings.
public struct MFAConfig: Sendable, Equatable {
    public var enabled = false
    public var duration = 1800
    public var rule = ""

    public init() {}

    init(json: JSONObject) {
        enabled = json.bool("enabled")
        duration = json.int("duration")
        rule = json.string("rule")
    }

    var json: JSONObject {
        JSONObject([("enabled", .bool(enabled)), ("duration", .number(Double(duration))), ("rule", .string(rule))])
    }
}

/// One-time password settings.
public struct OTPConfig: Sendable, Equatable {
    public var enabled = false
    public var duration = 180
    public var length = 8
    public var emailTemplate = EmailTemplate.otp

    public init() {}

    init(json: JSONObject) {
        enabled = json.bool("enabled")
        duration = json.int("duration")
        length = json.int("length")
        emailTemplate = EmailTemplate(json: json["emailTemplate"]?.objectValue, fallback: .otp)
    }

    var json: JSONObject {
        JSONObject([("enabled", .bool(enabled)), ("duration", .number(Double(duration))),
                    ("length", .number(Double(length))), ("emailTemplate", .object(emailTemplate.json))])
    }
}

/// New-device login alerts.
public struct AuthAlertConfig: Sendable, Equatable {
    public var enabled = true
    public var emailTemplate = EmailTemplate.authAlert

    public init() {}

    init(json: JSONObject) {
        enabled = json.bool("enabled")
        emailTemplate = EmailTemplate(json: json["emailTemplate"]?.objectValue, fallback: .authAlert)
    }

    var json: JSONObject {
        JSONObject([("enabled", .bool(enabled)), ("emailTemplate", .object(emailTemplate.json))])
    }
}

/// OAuth2 sign-in: the providers (kept as PocketBase's JSON) and how their user data maps to fields.
public struct OAuth2Config: Sendable, Equatable {
    public var enabled = false
    /// nil until providers are configured (PocketBase stores `null`).
    public var providers: [JSONValue]?
    public var mappedFields = JSONObject([("id", ""), ("name", ""), ("username", ""), ("avatarURL", "")])

    public init() {}

    init(json: JSONObject) {
        enabled = json.bool("enabled")
        providers = json["providers"]?.arrayValue
        if let mapped = json["mappedFields"]?.objectValue { mappedFields = mapped }
    }

    var json: JSONObject {
        JSONObject([("providers", providers.map(JSONValue.array) ?? .null), ("mappedFields", .object(mappedFields)),
                    ("enabled", .bool(enabled))])
    }
}
