/// A provider ready for use: the catalog entry with a collection's settings applied.
public struct OAuth2Provider: Sendable, Equatable {
    public var name: String
    public var spec: OAuth2ProviderSpec
    public var clientID: String
    public var clientSecret: String
    public var authURL: String
    public var tokenURL: String
    public var userInfoURL: String
    public var displayName: String
    public var pkce: Bool
    public var extra: JSONObject

    /// The URL of the provider's consent page (Go's `oauth2.Config.AuthCodeURL`: parameters
    /// sorted by name) followed by an empty `redirect_uri=`, which clients complete with theirs.
    public func authorizationURL(state: String, codeChallenge: String?) -> String {
        var parameters: [(String, String)] = [("response_type", "code"), ("client_id", clientID)]
        if !spec.scopes.isEmpty { parameters.append(("scope", spec.scopes.joined(separator: " "))) }
        if !state.isEmpty { parameters.append(("state", state)) }
        parameters += spec.authURLParameters
        if let codeChallenge {
            parameters.append(("code_challenge", codeChallenge))
            parameters.append(("code_challenge_method", "S256"))
        }
        let separator = authURL.contains("?") ? "&" : "?"
        return authURL + separator + FormURLEncoding.encode(parameters) + "&redirect_uri="
    }

    /// The form of the authorization code exchange.
    public func tokenRequestForm(code: String, redirectURL: String, codeVerifier: String) -> [(String, String)] {
        var form = [("grant_type", "authorization_code"), ("code", code)]
        if !redirectURL.isEmpty { form.append(("redirect_uri", redirectURL)) }
        if pkce { form.append(("code_verifier", codeVerifier)) }
        return form
    }
}

/// PKCE (RFC 7636) with the S256 method.
public enum PKCE {
    /// base64url(SHA-256(verifier)) without padding.
    public static func challenge(for verifier: String) -> String {
        Base64.rawURL.encode(SHA256.hash(Array(verifier.utf8)))
    }
}
