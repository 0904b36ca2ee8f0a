public import PocketDomain

/// The body of `auth-with-oauth2`.
public struct OAuth2Login: Sendable, Equatable {
    /// The provider's name in the collection (e.g. `google`, `oidc2`).
    public var provider: String
    /// The authorization code the provider redirected with.
    public var code: String
    /// The PKCE verifier of the challenge sent with the authorization request.
    public var codeVerifier: String
    /// The redirect URL sent with the authorization request (the legacy `redirectUrl` when empty).
    public var redirectURL: String
    /// Values for a record created by this sign-in.
    public var createData: JSONObject

    public init(provider: String, code: String, codeVerifier: String = "", redirectURL: String,
                legacyRedirectURL: String = "", createData: JSONObject = JSONObject()) {
        self.provider = provider
        self.code = code
        self.codeVerifier = codeVerifier
        self.redirectURL = redirectURL.isEmpty ? legacyRedirectURL : redirectURL
        self.createData = createData
    }

    /// PocketBase 0.28.4's checks: provider (required, at most 100 characters, configured), code
    /// and redirect URL required.
    func validate(against config: OAuth2Config) -> FieldErrors {
        var errors = FieldErrors()
        if provider.isEmpty {
            errors.add("provider", .required)
        } else if provider.unicodeScalars.count > 100 {
            errors.add("provider", .tooLong(max: 100))
        } else if config.provider(named: provider) == nil {
            errors.add("provider", ValidationError(
                code: "validation_invalid_provider",
                message: "Provider with name \(provider) is missing or is not enabled.",
                params: JSONObject([("name", .string(provider))])))
        }
        if code.isEmpty { errors.add("code", .required) }
        if redirectURL.isEmpty { errors.add("redirectURL", .required) }
        return errors
    }
}

/// A successful OAuth2 sign-in: the record and token, and the provider's user as `meta`.
public struct OAuth2AuthResult: Sendable, Equatable {
    public let auth: AuthResult
    public let meta: JSONObject

    public init(auth: AuthResult, meta: JSONObject) {
        self.auth = auth
        self.meta = meta
    }
}
