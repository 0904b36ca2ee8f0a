/// The `smtp` section as values: how mail leaves the server.
public struct SMTPSettings: Sendable, Equatable {
    /// The SMTP authentication mechanism (PocketBase falls back to PLAIN when unset).
    public enum AuthMethod: String, Sendable {
        case plain = "PLAIN"
        case login = "LOGIN"
    }

    public var isEnabled: Bool
    public var host: String
    public var port: Int
    public var username: String
    public var password: String
    public var authMethod: AuthMethod
    /// True for implicit TLS (SMTPS); false sends STARTTLS when the server offers it.
    public var usesTLS: Bool
    /// The EHLO name; `localhost` when empty.
    public var localName: String

    public init(isEnabled: Bool = true, host: String, port: Int, username: String = "", password: String = "",
                authMethod: AuthMethod = .plain, usesTLS: Bool = false, localName: String = "") {
        self.isEnabled = isEnabled
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.authMethod = authMethod
        self.usesTLS = usesTLS
        self.localName = localName
    }
}

/// An `s3` section (`s3` for uploaded files, `backups.s3` for backups) as values.
public struct S3Settings: Sendable, Equatable {
    public var isEnabled: Bool
    public var bucket: String
    public var region: String
    public var endpoint: String
    public var accessKey: String
    public var secret: String
    public var forcePathStyle: Bool

    public init(isEnabled: Bool = true, bucket: String, region: String, endpoint: String, accessKey: String,
                secret: String, forcePathStyle: Bool = false) {
        self.isEnabled = isEnabled
        self.bucket = bucket
        self.region = region
        self.endpoint = endpoint
        self.accessKey = accessKey
        self.secret = secret
        self.forcePathStyle = forcePathStyle
    }

    init(json: JSONValue) {
        self.init(isEnabled: json["enabled"].boolValue ?? false, bucket: json["bucket"].stringValue ?? "",
                  region: json["region"].stringValue ?? "", endpoint: json["endpoint"].stringValue ?? "",
                  accessKey: json["accessKey"].stringValue ?? "", secret: json["secret"].stringValue ?? "",
                  forcePathStyle: json["forcePathStyle"].boolValue ?? false)
    }
}

/// The sender of every mail the application sends (`meta.senderName`, `meta.senderAddress`).
public struct MailSender: Sendable, Equatable {
    public var name: String
    public var address: String

    public init(name: String, address: String) {
        self.name = name
        self.address = address
    }
}

extension AppSettings {
    /// The `smtp` section as values.
    public var smtp: SMTPSettings {
        let s = value(at: "smtp")
        return SMTPSettings(
            isEnabled: s["enabled"].boolValue ?? false, host: s["host"].stringValue ?? "",
            port: Int(saturating: s["port"].numberValue ?? 0), username: s["username"].stringValue ?? "",
            password: s["password"].stringValue ?? "",
            authMethod: SMTPSettings.AuthMethod(rawValue: s["authMethod"].stringValue ?? "") ?? .plain,
            usesTLS: s["tls"].boolValue ?? false, localName: s["localName"].stringValue ?? "")
    }

    /// The `s3` section (uploaded files) as values.
    public var s3: S3Settings { S3Settings(json: value(at: "s3")) }

    /// The `backups.s3` section as values.
    public var backupsS3: S3Settings { S3Settings(json: value(at: "backups", "s3")) }

    /// `meta.senderName` and `meta.senderAddress`.
    public var sender: MailSender {
        MailSender(name: value(at: "meta", "senderName").stringValue ?? "",
                   address: value(at: "meta", "senderAddress").stringValue ?? "")
    }
}
