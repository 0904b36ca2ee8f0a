/// The OAuth2 providers PocketBase 0.28.4 ships, by name: one table, one mechanism.
///
/// Known gaps against PocketBase: GitHub's and Gitee's fallback to their emails endpoint, Bitbucket's
/// emails endpoint and VK's email from the token response are not fetched (those users come without
/// an email unless the profile has one); Apple's `id_token` signature is not checked against its JWKS.
public enum OAuth2ProviderCatalog {
    /// The provider named `name`, or nil.
    public static func spec(named name: String) -> OAuth2ProviderSpec? {
        byName[name]
    }

    /// Every name a collection may configure.
    public static var names: [String] { all.map(\.name) }

    private static let byName: [String: OAuth2ProviderSpec] =
        Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    private static func p(_ steps: OAuth2PathStep...) -> [OAuth2PathStep] { steps }
    private static func at(_ steps: OAuth2PathStep...) -> OAuth2Value { .path(steps) }
    private static func email(_ steps: OAuth2PathStep...) -> OAuth2Email { .path(steps) }

    /// The generic OpenID Connect provider (registered three times so a collection can use three).
    private static func oidc(_ name: String) -> OAuth2ProviderSpec {
        OAuth2ProviderSpec(
            name: name, displayName: "OIDC", scopes: ["openid", "email", "profile"],
            userInfoRequest: .idTokenUnlessUserInfoURL,
            profile: OAuth2ProfileMapping(id: at("sub"), name: at("name"), username: at("preferred_username"),
                                          email: .verified(p("email"), by: [p("email_verified")]),
                                          avatarURL: at("picture")))
    }

    public static let all: [OAuth2ProviderSpec] = [
        OAuth2ProviderSpec(
            name: "apple", displayName: "Apple", scopes: ["name", "email"],
            authURL: "https://appleid.apple.com/auth/authorize", tokenURL: "https://appleid.apple.com/auth/token",
            userInfoRequest: .idTokenUnlessUserInfoURL,
            profile: OAuth2ProfileMapping(id: at("sub"), name: at("name"),
                                          email: .verified(p("email"), by: [p("email_verified")])),
            authURLParameters: [("response_mode", "form_post")]),
        OAuth2ProviderSpec(
            name: "bitbucket", displayName: "Bitbucket", pkce: false, scopes: ["account"],
            authURL: "https://bitbucket.org/site/oauth2/authorize",
            tokenURL: "https://bitbucket.org/site/oauth2/access_token",
            userInfoURL: "https://api.bitbucket.org/2.0/user",
            profile: OAuth2ProfileMapping(id: at("uuid"), name: at("display_name"), username: at("username"),
                                          avatarURL: at("links", "avatar", "href")),
            accountChecks: [.equals(p("account_status"), "active")]),
        OAuth2ProviderSpec(
            name: "discord", displayName: "Discord", scopes: ["identify", "email"],
            authURL: "https://discord.com/api/oauth2/authorize", tokenURL: "https://discord.com/api/oauth2/token",
            userInfoURL: "https://discord.com/api/users/@me",
            profile: OAuth2ProfileMapping(
                id: at("id"), name: .format("{}#{}", [p("username"), p("discriminator")]), username: at("username"),
                email: .verified(p("email"), by: [p("verified")]),
                avatarURL: .format("https://cdn.discordapp.com/avatars/{}/{}.png", [p("id"), p("avatar")]))),
        OAuth2ProviderSpec(
            name: "facebook", displayName: "Facebook", scopes: ["email"],
            authURL: "https://www.facebook.com/v3.2/dialog/oauth",
            tokenURL: "https://graph.facebook.com/v3.2/oauth/access_token",
            userInfoURL: "https://graph.facebook.com/me?fields=name,email,picture.type(large)",
            profile: OAuth2ProfileMapping(id: at("id"), name: at("name"), email: email("email"),
                                          avatarURL: at("picture", "data", "url"))),
        OAuth2ProviderSpec(
            name: "gitea", displayName: "Gitea", scopes: ["read:user", "user:email"],
            authURL: "https://gitea.com/login/oauth/authorize", tokenURL: "https://gitea.com/login/oauth/access_token",
            userInfoURL: "https://gitea.com/api/v1/user",
            profile: OAuth2ProfileMapping(id: at("id"), name: at("full_name"), username: at("login"),
                                          email: email("email"), avatarURL: at("avatar_url"))),
        OAuth2ProviderSpec(
            name: "gitee", displayName: "Gitee", scopes: ["user_info", "emails"],
            authURL: "https://gitee.com/oauth/authorize", tokenURL: "https://gitee.com/oauth/token",
            userInfoURL: "https://gitee.com/api/v5/user",
            profile: OAuth2ProfileMapping(id: at("id"), name: at("name"), username: at("login"),
                                          email: email("email"), avatarURL: at("avatar_url"))),
        OAuth2ProviderSpec(
            name: "github", displayName: "GitHub", scopes: ["read:user", "user:email"],
            authURL: "https://github.com/login/oauth/authorize",
            tokenURL: "https://github.com/login/oauth/access_token", userInfoURL: "https://api.github.com/user",
            profile: OAuth2ProfileMapping(id: at("id"), name: at("name"), username: at("login"),
                                          email: email("email"), avatarURL: at("avatar_url"))),
        OAuth2ProviderSpec(
            name: "gitlab", displayName: "GitLab", scopes: ["read_user"],
            authURL: "https://gitlab.com/oauth/authorize", tokenURL: "https://gitlab.com/oauth/token",
            userInfoURL: "https://gitlab.com/api/v4/user",
            profile: OAuth2ProfileMapping(id: at("id"), name: at("name"), username: at("username"),
                                          email: email("email"), avatarURL: at("avatar_url"))),
        OAuth2ProviderSpec(
            name: "google", displayName: "Google",
            scopes: ["https://www.googleapis.com/auth/userinfo.profile",
                     "https://www.googleapis.com/auth/userinfo.email"],
            authURL: "https://accounts.google.com/o/oauth2/v2/auth", tokenURL: "https://oauth2.googleapis.com/token",
            userInfoURL: "https://www.googleapis.com/oauth2/v3/userinfo",
            profile: OAuth2ProfileMapping(id: at("sub"), name: at("name"),
                                          email: .verified(p("email"), by: [p("email_verified")]),
                                          avatarURL: at("picture"))),
        OAuth2ProviderSpec(
            name: "instagram2", displayName: "Instagram", scopes: ["instagram_business_basic"],
            authURL: "https://www.instagram.com/oauth/authorize",
            tokenURL: "https://api.instagram.com/oauth/access_token",
            userInfoURL: "https://graph.instagram.com/me?fields=id,username,account_type,user_id,name,"
                + "profile_picture_url,followers_count,follows_count,media_count",
            profile: OAuth2ProfileMapping(id: at("user_id"), name: at("name"), username: at("username"),
                                          avatarURL: at("profile_picture_url"))),
        OAuth2ProviderSpec(
            name: "kakao", displayName: "Kakao", scopes: ["account_email", "profile_nickname", "profile_image"],
            authURL: "https://kauth.kakao.com/oauth/authorize", tokenURL: "https://kauth.kakao.com/oauth/token",
            userInfoURL: "https://kapi.kakao.com/v2/user/me",
            profile: OAuth2ProfileMapping(
                id: at("id"), username: at("properties", "nickname"),
                email: .verified(p("kakao_account", "email"),
                                 by: [p("kakao_account", "is_email_valid"), p("kakao_account", "is_email_verified")]),
                avatarURL: at("properties", "profile_image"))),
        OAuth2ProviderSpec(
            name: "linear", displayName: "Linear", pkce: false, scopes: ["read"],
            authURL: "https://linear.app/oauth/authorize", tokenURL: "https://api.linear.app/oauth/token",
            userInfoURL: "https://api.linear.app/graphql",
            userInfoRequest: .graphQL(query: "query Me { viewer { id displayName name email avatarUrl active } }"),
            profile: OAuth2ProfileMapping(
                id: at("data", "viewer", "id"), name: at("data", "viewer", "name"),
                username: at("data", "viewer", "displayName"), email: email("data", "viewer", "email"),
                avatarURL: at("data", "viewer", "avatarUrl")),
            accountChecks: [.equals(p("data", "viewer", "active"), true)]),
        OAuth2ProviderSpec(
            name: "livechat", displayName: "LiveChat",
            authURL: "https://accounts.livechat.com/", tokenURL: "https://accounts.livechat.com/token",
            userInfoURL: "https://accounts.livechat.com/v2/accounts/me",
            profile: OAuth2ProfileMapping(id: at("account_id"), name: at("name"),
                                          email: .verified(p("email"), by: [p("email_verified")]),
                                          avatarURL: at("avatar_url"))),
        OAuth2ProviderSpec(
            name: "mailcow", displayName: "mailcow", scopes: ["profile"],
            profile: OAuth2ProfileMapping(id: at("id"), name: at("full_name"), username: at("username"),
                                          email: email("email")),
            accountChecks: [.equals(p("active"), 1)]),
        OAuth2ProviderSpec(
            name: "microsoft", displayName: "Microsoft", scopes: ["User.Read"],
            authURL: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
            tokenURL: "https://login.microsoftonline.com/common/oauth2/v2.0/token",
            userInfoURL: "https://graph.microsoft.com/v1.0/me",
            profile: OAuth2ProfileMapping(id: at("id"), name: at("displayName"), email: email("mail"))),
        OAuth2ProviderSpec(
            name: "monday", displayName: "monday.com", scopes: ["me:read"],
            authURL: "https://auth.monday.com/oauth2/authorize", tokenURL: "https://auth.monday.com/oauth2/token",
            userInfoURL: "https://api.monday.com/v2",
            userInfoRequest: .graphQL(query: "query { me { id enabled name email is_verified photo_small }}"),
            profile: OAuth2ProfileMapping(
                id: at("data", "me", "id"), name: at("data", "me", "name"),
                email: .verified(p("data", "me", "email"), by: [p("data", "me", "is_verified")]),
                avatarURL: at("data", "me", "photo_small")),
            accountChecks: [.equals(p("data", "me", "enabled"), true)]),
        OAuth2ProviderSpec(
            name: "notion", displayName: "Notion",
            authURL: "https://api.notion.com/v1/oauth/authorize", tokenURL: "https://api.notion.com/v1/oauth/token",
            userInfoURL: "https://api.notion.com/v1/users/me",
            userInfoRequest: .get(headers: ["Notion-Version: 2022-06-28"], clientIDHeader: nil),
            profile: OAuth2ProfileMapping(
                id: at("bot", "owner", "user", "id"), name: at("bot", "owner", "user", "name"),
                email: email("bot", "owner", "user", "person", "email"),
                avatarURL: at("bot", "owner", "user", "avatar_url"))),
        oidc("oidc"), oidc("oidc2"), oidc("oidc3"),
        OAuth2ProviderSpec(
            name: "patreon", displayName: "Patreon", scopes: ["identity", "identity[email]"],
            authURL: "https://www.patreon.com/oauth2/authorize", tokenURL: "https://www.patreon.com/api/oauth2/token",
            userInfoURL: "https://www.patreon.com/api/oauth2/v2/identity?fields%5Buser%5D=full_name,email,vanity,"
                + "image_url,is_email_verified",
            profile: OAuth2ProfileMapping(
                id: at("data", "id"), name: at("data", "attributes", "full_name"),
                username: at("data", "attributes", "vanity"),
                email: .verified(p("data", "attributes", "email"), by: [p("data", "attributes", "is_email_verified")]),
                avatarURL: at("data", "attributes", "image_url"))),
        OAuth2ProviderSpec(
            name: "planningcenter", displayName: "Planning Center", scopes: ["people"],
            authURL: "https://api.planningcenteronline.com/oauth/authorize",
            tokenURL: "https://api.planningcenteronline.com/oauth/token",
            userInfoURL: "https://api.planningcenteronline.com/people/v2/me",
            profile: OAuth2ProfileMapping(id: at("data", "id"), name: at("data", "attributes", "name"),
                                          avatarURL: at("data", "attributes", "avatar")),
            accountChecks: [.equals(p("data", "attributes", "status"), "active")]),
        OAuth2ProviderSpec(
            name: "spotify", displayName: "Spotify", scopes: ["user-read-private"],
            authURL: "https://accounts.spotify.com/authorize", tokenURL: "https://accounts.spotify.com/api/token",
            userInfoURL: "https://api.spotify.com/v1/me",
            profile: OAuth2ProfileMapping(id: at("id"), name: at("display_name"), avatarURL: at("images", 0, "url"))),
        OAuth2ProviderSpec(
            name: "strava", displayName: "Strava", scopes: ["profile:read_all"],
            authURL: "https://www.strava.com/oauth/authorize", tokenURL: "https://www.strava.com/api/v3/oauth/token",
            userInfoURL: "https://www.strava.com/api/v3/athlete",
            profile: OAuth2ProfileMapping(id: at("id"), name: .format("{} {}", [p("firstname"), p("lastname")]),
                                          username: at("username"), avatarURL: at("profile"))),
        OAuth2ProviderSpec(
            name: "trakt", displayName: "Trakt",
            authURL: "https://trakt.tv/oauth/authorize", tokenURL: "https://api.trakt.tv/oauth/token",
            userInfoURL: "https://api.trakt.tv/users/settings",
            userInfoRequest: .get(headers: ["Content-Type: application/json", "trakt-api-version: 2"],
                                  clientIDHeader: "trakt-api-key"),
            profile: OAuth2ProfileMapping(id: at("user", "ids", "uuid"), name: at("user", "name"),
                                          username: at("user", "username"),
                                          avatarURL: at("user", "images", "avatar", "full"))),
        OAuth2ProviderSpec(
            name: "twitch", displayName: "Twitch", scopes: ["user:read:email"],
            authURL: "https://id.twitch.tv/oauth2/authorize", tokenURL: "https://id.twitch.tv/oauth2/token",
            userInfoURL: "https://api.twitch.tv/helix/users",
            userInfoRequest: .get(headers: [], clientIDHeader: "Client-Id"),
            profile: OAuth2ProfileMapping(id: at("data", 0, "id"), name: at("data", 0, "display_name"),
                                          username: at("data", 0, "login"), email: email("data", 0, "email"),
                                          avatarURL: at("data", 0, "profile_image_url"))),
        OAuth2ProviderSpec(
            name: "twitter", displayName: "Twitter", scopes: ["users.read", "tweet.read"],
            authURL: "https://twitter.com/i/oauth2/authorize", tokenURL: "https://api.twitter.com/2/oauth2/token",
            userInfoURL: "https://api.twitter.com/2/users/me?user.fields=id,name,username,profile_image_url",
            profile: OAuth2ProfileMapping(id: at("data", "id"), name: at("data", "name"),
                                          username: at("data", "username"),
                                          avatarURL: at("data", "profile_image_url"))),
        OAuth2ProviderSpec(
            name: "vk", displayName: "ВКонтакте", pkce: false, scopes: ["email"],
            authURL: "https://oauth.vk.com/authorize", tokenURL: "https://oauth.vk.com/access_token",
            userInfoURL: "https://api.vk.com/method/users.get?fields=photo_max,screen_name&v=5.131",
            profile: OAuth2ProfileMapping(
                id: at("response", 0, "id"), name: .joined([p("response", 0, "first_name"), p("response", 0, "last_name")]),
                username: at("response", 0, "screen_name"), avatarURL: at("response", 0, "photo_max"))),
        OAuth2ProviderSpec(
            name: "wakatime", displayName: "WakaTime", scopes: ["email"],
            authURL: "https://wakatime.com/oauth/authorize", tokenURL: "https://wakatime.com/oauth/token",
            userInfoURL: "https://wakatime.com/api/v1/users/current",
            profile: OAuth2ProfileMapping(
                id: at("data", "id"), name: at("data", "display_name"), username: at("data", "username"),
                email: .verified(p("data", "email"), by: [p("data", "is_email_confirmed")]),
                avatarURL: .when(p("data", "photo_public"), at("data", "photo")))),
        OAuth2ProviderSpec(
            name: "yandex", displayName: "Yandex", scopes: ["login:email", "login:avatar", "login:info"],
            authURL: "https://oauth.yandex.com/authorize", tokenURL: "https://oauth.yandex.com/token",
            userInfoURL: "https://login.yandex.ru/info",
            profile: OAuth2ProfileMapping(
                id: at("id"), name: at("real_name"), username: at("login"), email: email("default_email"),
                avatarURL: .template("https://avatars.yandex.net/get-yapic/{}/islands-200", [p("default_avatar_id")]))),
    ]
}
