import PocketDomain
import Testing

@Suite("OAuth2 profiles")
struct OAuth2ProfileTests {
    let token = OAuth2Token(accessToken: "at", refreshToken: "rt", expiry: DateTime(unixSeconds: 1_700_000_000))

    static func object(_ value: JSONValue) -> JSONObject { value.objectValue ?? JSONObject() }

    func user(_ provider: String, _ raw: JSONValue) throws -> OAuth2User {
        let spec = try #require(OAuth2ProviderCatalog.spec(named: provider))
        return spec.profile.user(from: try #require(raw.objectValue), token: token)
    }

    @Test("OIDC maps the standard claims and takes the email only when verified (bool or string)")
    func oidc() throws {
        let raw: JSONValue = ["sub": "s1", "name": "Ada", "preferred_username": "ada", "picture": "http://p",
                              "email": "a@x.test", "email_verified": "true"]
        let ada = try user("oidc", raw)
        #expect([ada.id, ada.name, ada.username, ada.avatarURL, ada.email] == ["s1", "Ada", "ada", "http://p", "a@x.test"])
        #expect((ada.accessToken, ada.refreshToken, ada.rawUser) == ("at", "rt", raw.objectValue!))
        #expect(try user("oidc", ["sub": "s1", "email": "a@x.test", "email_verified": false]).email == "")
        #expect(try user("oidc", ["sub": "s1", "email": "a@x.test", "email_verified": "no"]).email == "")
        #expect(try user("oidc", ["sub": "s1", "email": "a@x.test"]).email == "")
    }

    @Test("numeric ids become decimal strings; nested paths and array elements are read")
    func pathsAndNumbers() throws {
        let gh = try user("github", ["id": 1234567890123, "login": "octo", "name": "Octo", "email": "o@x.test",
                                     "avatar_url": "http://a"])
        #expect([gh.id, gh.username, gh.name, gh.email, gh.avatarURL] == ["1234567890123", "octo", "Octo", "o@x.test", "http://a"])
        let twitch = try user("twitch", ["data": [["id": "t1", "login": "tw", "display_name": "Tw", "email": "t@x.test"]]])
        #expect([twitch.id, twitch.username, twitch.name, twitch.email] == ["t1", "tw", "Tw", "t@x.test"])
        let spotify = try user("spotify", ["id": "sp", "display_name": "S", "images": [["url": "http://i0"], ["url": "http://i1"]]])
        #expect(spotify.avatarURL == "http://i0")
    }

    @Test("composed values: Discord's name#discriminator and avatar URL, VK's trimmed name, Strava's name")
    func composed() throws {
        let discord = try user("discord", ["id": "d1", "username": "dee", "discriminator": "0042", "avatar": "abc",
                                           "email": "d@x.test", "verified": true])
        #expect(discord.name == "dee#0042")
        #expect(discord.avatarURL == "https://cdn.discordapp.com/avatars/d1/abc.png")
        #expect(discord.email == "d@x.test")
        let vk = try user("vk", ["response": [["id": 7, "first_name": "Ivan", "last_name": ""]]])
        #expect((vk.id, vk.name) == ("7", "Ivan"))
        #expect(try user("strava", ["id": 3, "firstname": "A", "lastname": ""]).name == "A ")
    }

    @Test("emails vouched for by every flag; conditional and templated avatars")
    func conditions() throws {
        let vouched: JSONValue = ["id": 1, "kakao_account": ["email": "k@x.test", "is_email_valid": true,
                                                             "is_email_verified": true]]
        #expect(try user("kakao", vouched).email == "k@x.test")
        let unvalidated: JSONValue = ["id": 1, "kakao_account": ["email": "k@x.test", "is_email_valid": false,
                                                                 "is_email_verified": true]]
        #expect(try user("kakao", unvalidated).email == "")
        #expect(try user("wakatime", ["data": ["id": "w", "photo": "http://p", "photo_public": false]]).avatarURL == "")
        #expect(try user("wakatime", ["data": ["id": "w", "photo": "http://p", "photo_public": true]]).avatarURL == "http://p")
        #expect(try user("yandex", ["id": "y", "default_avatar_id": "av1"]).avatarURL
            == "https://avatars.yandex.net/get-yapic/av1/islands-200")
        #expect(try user("yandex", ["id": "y"]).avatarURL == "")
    }

    @Test("account checks refuse inactive accounts")
    func accountChecks() throws {
        let linear = try #require(OAuth2ProviderCatalog.spec(named: "linear"))
        #expect(linear.accountChecks.allSatisfy { $0.isMet(by: Self.object(["data": ["viewer": ["active": true]]])) })
        #expect(!linear.accountChecks.allSatisfy { $0.isMet(by: Self.object(["data": ["viewer": ["active": false]]])) })
        let mailcow = try #require(OAuth2ProviderCatalog.spec(named: "mailcow"))
        #expect(mailcow.accountChecks.allSatisfy { $0.isMet(by: Self.object(["active": 1])) })
        #expect(!mailcow.accountChecks.allSatisfy { $0.isMet(by: Self.object(["active": 0])) })
    }

    @Test("meta lists the user in Go's key order with the legacy avatarUrl and the expiry")
    func meta() {
        let user = OAuth2User(id: "i", name: "n", username: "u", email: "e", avatarURL: "a", rawUser: Self.object(["z": 1, "b": 2]),
                              accessToken: "at", refreshToken: "rt", expiry: DateTime(unixSeconds: 1_700_000_000))
        let meta = user.meta(isNew: true)
        #expect(meta.keys == ["accessToken", "avatarURL", "avatarUrl", "email", "expiry", "id", "isNew", "name",
                              "rawUser", "refreshToken", "username"])
        #expect(meta["expiry"] == "2023-11-14 22:13:20.000Z")
        #expect(meta["avatarUrl"] == "a" && meta["isNew"] == true)
        #expect(meta["rawUser"]?.objectValue?.keys == ["b", "z"])
        #expect(OAuth2User(id: "i").meta(isNew: false)["expiry"] == "")
    }
}
