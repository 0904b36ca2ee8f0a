import PocketDomain
import Testing

@Suite("OAuth2 providers")
struct OAuth2ProviderTests {
    @Test("the catalog holds PocketBase 0.28.4's providers, oidc three times")
    func catalogNames() {
        #expect(OAuth2ProviderCatalog.names.sorted() == [
            "apple", "bitbucket", "discord", "facebook", "gitea", "gitee", "github", "gitlab", "google", "instagram2",
            "kakao", "linear", "livechat", "mailcow", "microsoft", "monday", "notion", "oidc", "oidc2", "oidc3",
            "patreon", "planningcenter", "spotify", "strava", "trakt", "twitch", "twitter", "vk", "wakatime", "yandex",
        ])
        #expect(OAuth2ProviderCatalog.spec(named: "oidc4") == nil)
        #expect(OAuth2ProviderCatalog.spec(named: "oidc3")?.displayName == "OIDC")
        #expect(OAuth2ProviderCatalog.spec(named: "vk")?.pkce == false)
    }

    @Test("a config's non-empty values override the catalog; an empty display name falls back")
    func resolve() throws {
        let google = try #require(OAuth2ProviderConfig(json: [
            "name": "google", "clientId": "id", "clientSecret": "secret", "tokenURL": "http://t.test/token",
            "pkce": false,
        ]).resolve())
        #expect(google.authURL == "https://accounts.google.com/o/oauth2/v2/auth")
        #expect(google.tokenURL == "http://t.test/token")
        #expect(google.userInfoURL == "https://www.googleapis.com/oauth2/v3/userinfo")
        #expect(google.displayName == "Google")
        #expect(google.pkce == false)
        let oidc = try #require(OAuth2ProviderConfig(json: ["name": "oidc2", "displayName": "Corp"]).resolve())
        #expect((oidc.displayName, oidc.pkce) == ("Corp", true))
        #expect(OAuth2ProviderConfig(json: ["name": "nope"]).resolve() == nil)
    }

    @Test("the authorization URL has Go's sorted, escaped query and ends with an empty redirect_uri")
    func authorizationURL() throws {
        let oidc = try #require(OAuth2ProviderConfig(json: [
            "name": "oidc", "clientId": "my id", "authURL": "http://idp.test/authorize",
        ]).resolve())
        #expect(oidc.authorizationURL(state: "S1", codeChallenge: "C1")
            == "http://idp.test/authorize?client_id=my+id&code_challenge=C1&code_challenge_method=S256"
            + "&response_type=code&scope=openid+email+profile&state=S1&redirect_uri=")
        #expect(oidc.authorizationURL(state: "S1", codeChallenge: nil)
            == "http://idp.test/authorize?client_id=my+id&response_type=code&scope=openid+email+profile&state=S1"
            + "&redirect_uri=")
        let apple = try #require(OAuth2ProviderConfig(json: ["name": "apple", "clientId": "a"]).resolve())
        #expect(apple.authorizationURL(state: "s", codeChallenge: nil)
            == "https://appleid.apple.com/auth/authorize?client_id=a&response_mode=form_post&response_type=code"
            + "&scope=name+email&state=s&redirect_uri=")
    }

    @Test("the token request form carries the verifier only with PKCE")
    func tokenForm() throws {
        var provider = try #require(OAuth2ProviderConfig(json: ["name": "oidc"]).resolve())
        #expect(provider.tokenRequestForm(code: "c", redirectURL: "http://r", codeVerifier: "v").map { "\($0)=\($1)" }
            == ["grant_type=authorization_code", "code=c", "redirect_uri=http://r", "code_verifier=v"])
        provider.pkce = false
        #expect(provider.tokenRequestForm(code: "c", redirectURL: "", codeVerifier: "v").map { "\($0)=\($1)" }
            == ["grant_type=authorization_code", "code=c"])
    }

    @Test("PKCE S256 is base64url(SHA-256) without padding")
    func pkce() {
        // computed independently with Python's hashlib and base64
        #expect(PKCE.challenge(for: "test-verifier") == "JBbiqONGWPaAmwXk_8bT6UnlPfrn65D32eZlJS-zGG0")
    }

    @Test("form encoding escapes like Go's url.QueryEscape and decodes + and %XX")
    func formEncoding() {
        #expect(FormURLEncoding.encode([("b", "x y"), ("a", "é/&="), ("b", "2")]) == "a=%C3%A9%2F%26%3D&b=x+y&b=2")
        #expect(FormURLEncoding.decode("a=%C3%A9+x&b=&c").map { "\($0)|\($1)" } == ["a|é x", "b|", "c|"])
    }
}
