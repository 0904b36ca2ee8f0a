/// The answer of a provider's token endpoint to an authorization code.
public struct OAuth2Token: Sendable, Equatable {
    public var accessToken: String
    public var tokenType: String
    public var refreshToken: String
    public var expiry: DateTime?
    /// The OpenID Connect `id_token`, when given.
    public var idToken: String

    public init(accessToken: String, tokenType: String = "Bearer", refreshToken: String = "", expiry: DateTime? = nil,
                idToken: String = "") {
        self.accessToken = accessToken
        self.tokenType = tokenType
        self.refreshToken = refreshToken
        self.expiry = expiry
        self.idToken = idToken
    }

    /// The `Authorization` header value for API calls (the type as OAuth2 clients normalize it).
    public var authorization: String {
        let type: String
        switch tokenType.lowercased() {
        case "", "bearer": type = "Bearer"
        case "mac": type = "MAC"
        case "basic": type = "Basic"
        default: type = tokenType
        }
        return type + " " + accessToken
    }

    /// Reads a token response body: JSON, or a form (`a=b&c=d`, GitHub's default) when
    /// `contentType` says so. Nil without an access token.
    public static func parse(_ body: [UInt8], contentType: String, now: DateTime) -> OAuth2Token? {
        let mime = contentType.split(separator: ";").first.map { String($0).trimming(" ").lowercased() } ?? ""
        var fields: [String: JSONValue] = [:]
        if mime == "application/x-www-form-urlencoded" || mime == "text/plain" {
            for (key, value) in FormURLEncoding.decode(String(decoding: body, as: UTF8.self)) where fields[key] == nil {
                fields[key] = .string(value)
            }
        } else {
            guard let object = (try? JSONParser.parse(body))?.objectValue else { return nil }
            for (key, value) in object { fields[key] = value }
        }
        guard let access = fields["access_token"]?.stringValue, !access.isEmpty else { return nil }
        var expiry: DateTime?
        let expiresIn: Double? = switch fields["expires_in"] {
        case .number(let seconds)?: seconds
        case .string(let text)?: Double(text)
        default: nil
        }
        if let expiresIn, expiresIn > 0, expiresIn < 1e12 { expiry = now.adding(seconds: Int64(expiresIn)) }
        return OAuth2Token(accessToken: access, tokenType: fields["token_type"]?.stringValue ?? "",
                           refreshToken: fields["refresh_token"]?.stringValue ?? "", expiry: expiry,
                           idToken: fields["id_token"]?.stringValue ?? "")
    }
}
