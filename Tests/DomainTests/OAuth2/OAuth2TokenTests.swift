import PocketDomain
import Testing

@Suite("OAuth2 tokens")
struct OAuth2TokenTests {
    let now = DateTime(unixSeconds: 1_700_000_000)

    @Test("a JSON token response gives the tokens and an expiry from expires_in")
    func json() throws {
        let body = Array(#"{"access_token":"at","token_type":"bearer","expires_in":3600,"refresh_token":"rt","id_token":"x.y.z"}"#.utf8)
        let token = try #require(OAuth2Token.parse(body, contentType: "application/json; charset=utf-8", now: now))
        #expect(token == OAuth2Token(accessToken: "at", tokenType: "bearer", refreshToken: "rt",
                                     expiry: DateTime(unixSeconds: 1_700_003_600), idToken: "x.y.z"))
        #expect(token.authorization == "Bearer at")
    }

    @Test("a form-encoded token response (GitHub's default) is read too")
    func form() throws {
        let body = Array("access_token=gho_1&scope=read%3Auser&token_type=bearer".utf8)
        let token = try #require(OAuth2Token.parse(body, contentType: "application/x-www-form-urlencoded", now: now))
        #expect((token.accessToken, token.expiry) == ("gho_1", nil))
    }

    @Test("a response without an access token, or not JSON, is refused")
    func refused() {
        #expect(OAuth2Token.parse(Array(#"{"error":"invalid_grant"}"#.utf8), contentType: "application/json", now: now) == nil)
        #expect(OAuth2Token.parse(Array("<html>".utf8), contentType: "text/html", now: now) == nil)
    }
}

@Suite("OIDC id_token")
struct OIDCIDTokenTests {
    let now = DateTime(unixSeconds: 1_700_000_000)

    func token(_ claims: JSONValue) -> String {
        let header = Base64.rawURL.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        return header + "." + Base64.rawURL.encode(JSONWriter.bytes(claims)) + ".c2ln"
    }

    @Test("claims with the client as audience (string or list) and sane times are accepted")
    func accepted() throws {
        let claims = try OIDCIDToken.claims(of: token(["sub": "s", "aud": "cid", "iat": 1_700_000_000, "exp": 1_700_000_600]),
                                            clientID: "cid", issuers: [], now: now)
        #expect(claims["sub"] == "s")
        _ = try OIDCIDToken.claims(of: token(["aud": ["x", "cid"], "iss": "https://idp"]), clientID: "cid",
                                   issuers: ["https://idp"], now: now)
        // within the 5-minute leeway
        _ = try OIDCIDToken.claims(of: token(["aud": "cid", "exp": 1_699_999_701]), clientID: "cid", issuers: [],
                                   now: now)
    }

    @Test("wrong audience, expiry, future iat, wrong issuer and malformed tokens are refused", arguments: [
        ("token has invalid audience", #"{"aud":"other"}"#),
        ("token has invalid audience", #"{"sub":"s"}"#),
        ("token is expired", #"{"aud":"cid","exp":1699999000}"#),
        ("token used before issued", #"{"aud":"cid","iat":1700001000}"#),
        ("token is not valid yet", #"{"aud":"cid","nbf":1700001000}"#),
        ("invalid type for claim exp", #"{"aud":"cid","exp":"soon"}"#),
        ("token has invalid issuer", #"{"aud":"cid","iss":"https://evil"}"#),
    ])
    func refused(reason: String, claims: String) throws {
        let parsed = try JSONParser.parse(claims)
        #expect(throws: OIDCIDToken.Invalid(reason: reason)) {
            try OIDCIDToken.claims(of: token(parsed), clientID: "cid", issuers: ["https://idp"].filter { _ in
                claims.contains("iss") }, now: now)
        }
    }

    @Test("empty and malformed tokens are refused")
    func malformed() {
        #expect(throws: OIDCIDToken.Invalid(reason: "empty id_token")) {
            try OIDCIDToken.claims(of: "", clientID: "c", issuers: [], now: now)
        }
        #expect(throws: OIDCIDToken.Invalid(reason: "token contains an invalid number of segments")) {
            try OIDCIDToken.claims(of: "a.b", clientID: "c", issuers: [], now: now)
        }
        #expect(throws: OIDCIDToken.Invalid(reason: "token is malformed")) {
            try OIDCIDToken.claims(of: "e30.!!!.x", clientID: "c", issuers: [], now: now)
        }
    }

    @Test("secrets compare equal only when identical")
    func secretComparison() {
        #expect(SecretComparison.equals("abc", "abc"))
        #expect(!SecretComparison.equals("abc", "abd"))
        #expect(!SecretComparison.equals("abc", "ab"))
    }
}
