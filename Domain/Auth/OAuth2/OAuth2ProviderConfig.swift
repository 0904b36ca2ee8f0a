/// One entry of a collection's `oauth2.providers`, as PocketBase 0.28.4 stores it.
public struct OAuth2ProviderConfig: Sendable, Equatable {
    public var name: String
    public var clientID: String
    public var clientSecret: String
    public var authURL: String
    public var tokenURL: String
    public var userInfoURL: String
    public var displayName: String
    /// Overrides the provider's PKCE default when set.
    public var pkce: Bool?
    public var extra: JSONObject?

    public init(name: String, clientID: String = "", clientSecret: String = "", authURL: String = "",
                tokenURL: String = "", userInfoURL: String = "", displayName: String = "", pkce: Bool? = nil,
                extra: JSONObject? = nil) {
        self.name = name
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.authURL = authURL
        self.tokenURL = tokenURL
        self.userInfoURL = userInfoURL
        self.displayName = displayName
        self.pkce = pkce
        self.extra = extra
    }

    public init(json: JSONValue) {
        self.init(name: json["name"].stringValue ?? "", clientID: json["clientId"].stringValue ?? "",
                  clientSecret: json["clientSecret"].stringValue ?? "", authURL: json["authURL"].stringValue ?? "",
                  tokenURL: json["tokenURL"].stringValue ?? "", userInfoURL: json["userInfoURL"].stringValue ?? "",
                  displayName: json["displayName"].stringValue ?? "", pkce: json["pkce"].boolValue,
                  extra: json["extra"].objectValue)
    }

    /// The provider this config sets up: the catalog's entry with the non-empty settings of the
    /// config over it; nil for a name the catalog does not know.
    public func resolve() -> OAuth2Provider? {
        guard let spec = OAuth2ProviderCatalog.spec(named: name) else { return nil }
        return OAuth2Provider(
            name: name, spec: spec, clientID: clientID, clientSecret: clientSecret,
            authURL: authURL.isEmpty ? spec.authURL : authURL, tokenURL: tokenURL.isEmpty ? spec.tokenURL : tokenURL,
            userInfoURL: userInfoURL.isEmpty ? spec.userInfoURL : userInfoURL,
            displayName: displayName.isEmpty ? (spec.displayName.isEmpty ? name : spec.displayName) : displayName,
            pkce: pkce ?? spec.pkce, extra: extra ?? JSONObject())
    }
}

extension OAuth2Config {
    /// The config of the provider with that name (PocketBase 0.28.4: the first one).
    public func provider(named name: String) -> OAuth2ProviderConfig? {
        (providers ?? []).lazy.map(OAuth2ProviderConfig.init(json:)).first { $0.name == name }
    }
}
