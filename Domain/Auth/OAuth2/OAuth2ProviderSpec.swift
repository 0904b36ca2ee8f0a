/// One OAuth2 provider PocketBase 0.28.4 knows by name: its endpoints, what it asks for, and how
/// its user JSON maps to an ``OAuth2User``. A collection's provider config may override the URLs,
/// the display name and PKCE.
public struct OAuth2ProviderSpec: Sendable, Equatable {
    public var name: String
    public var displayName: String
    public var pkce: Bool
    public var scopes: [String]
    public var authURL: String
    public var tokenURL: String
    public var userInfoURL: String
    /// How the user info is asked for (most providers: a GET with the bearer token).
    public var userInfoRequest: OAuth2UserInfoRequest
    public var profile: OAuth2ProfileMapping
    /// Checks of the user JSON (an inactive account cannot sign in).
    public var accountChecks: [OAuth2AccountCheck]
    /// Extra authorization URL parameters (Apple's `response_mode=form_post`).
    public var authURLParameters: [(String, String)]

    public init(name: String, displayName: String, pkce: Bool = true, scopes: [String] = [], authURL: String = "",
                tokenURL: String = "", userInfoURL: String = "", userInfoRequest: OAuth2UserInfoRequest = .plain,
                profile: OAuth2ProfileMapping, accountChecks: [OAuth2AccountCheck] = [],
                authURLParameters: [(String, String)] = []) {
        self.name = name
        self.displayName = displayName
        self.pkce = pkce
        self.scopes = scopes
        self.authURL = authURL
        self.tokenURL = tokenURL
        self.userInfoURL = userInfoURL
        self.userInfoRequest = userInfoRequest
        self.profile = profile
        self.accountChecks = accountChecks
        self.authURLParameters = authURLParameters
    }

    public static func == (lhs: OAuth2ProviderSpec, rhs: OAuth2ProviderSpec) -> Bool {
        lhs.name == rhs.name && lhs.displayName == rhs.displayName && lhs.pkce == rhs.pkce && lhs.scopes == rhs.scopes
            && lhs.authURL == rhs.authURL && lhs.tokenURL == rhs.tokenURL && lhs.userInfoURL == rhs.userInfoURL
            && lhs.userInfoRequest == rhs.userInfoRequest && lhs.profile == rhs.profile && lhs.accountChecks == rhs.accountChecks
            && lhs.authURLParameters.map(\.0) == rhs.authURLParameters.map(\.0)
            && lhs.authURLParameters.map(\.1) == rhs.authURLParameters.map(\.1)
    }
}

/// How a provider's user info is fetched with the access token.
public enum OAuth2UserInfoRequest: Sendable, Equatable {
    /// `GET userInfoURL` with `Authorization: Bearer …`, plus fixed header lines and, when named,
    /// a header carrying the client id (Twitch's `Client-Id`, Trakt's `trakt-api-key`).
    case get(headers: [String], clientIDHeader: String?)
    /// `POST` of a GraphQL query as JSON (Linear, monday.com).
    case graphQL(query: String)
    /// The claims of the token response's `id_token` when no user info URL is set, else a plain
    /// `GET` (the generic OIDC provider and Apple).
    case idTokenUnlessUserInfoURL

    /// A plain `GET`.
    public static let plain = OAuth2UserInfoRequest.get(headers: [], clientIDHeader: nil)
}

/// A condition the user JSON must meet for the sign-in to go on (an active account).
public enum OAuth2AccountCheck: Sendable, Equatable {
    /// The value at the path must equal this one.
    case equals([OAuth2PathStep], JSONValue)

    public func isMet(by raw: JSONObject) -> Bool {
        switch self {
        case .equals(let path, let expected): OAuth2Value.value(at: path, in: .object(raw)) == expected
        }
    }
}
