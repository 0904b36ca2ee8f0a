/// A provider's user, normalized (PocketBase 0.28.4's `auth.AuthUser`).
public struct OAuth2User: Sendable, Equatable {
    public var id: String
    public var name: String
    public var username: String
    /// Empty unless the provider vouches for it.
    public var email: String
    public var avatarURL: String
    public var rawUser: JSONObject
    public var accessToken: String
    public var refreshToken: String
    /// When the access token expires; nil when the provider did not say.
    public var expiry: DateTime?

    public init(id: String, name: String = "", username: String = "", email: String = "", avatarURL: String = "",
                rawUser: JSONObject = JSONObject(), accessToken: String = "", refreshToken: String = "",
                expiry: DateTime? = nil) {
        self.id = id
        self.name = name
        self.username = username
        self.email = email
        self.avatarURL = avatarURL
        self.rawUser = rawUser
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.expiry = expiry
    }

    /// The `meta` of an auth-with-oauth2 response: the user (keys in Go's sorted order, the
    /// legacy `avatarUrl` beside `avatarURL`) and whether the record is new.
    public func meta(isNew: Bool) -> JSONObject {
        JSONObject([
            ("accessToken", .string(accessToken)),
            ("avatarURL", .string(avatarURL)),
            ("avatarUrl", .string(avatarURL)),
            ("email", .string(email)),
            ("expiry", .string(expiry?.description ?? "")),
            ("id", .string(id)),
            ("isNew", .bool(isNew)),
            ("name", .string(name)),
            ("rawUser", .object(rawUser.sortedByKey())),
            ("refreshToken", .string(refreshToken)),
            ("username", .string(username)),
        ])
    }
}
