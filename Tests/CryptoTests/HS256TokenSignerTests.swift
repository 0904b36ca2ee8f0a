import PocketDomain
import Testing
@testable import PocketCrypto

@Suite("HS256TokenSigner")
struct HS256TokenSignerTests {
    let signer = HS256TokenSigner()

    // PocketBase 0.28.4: an auth token of a superuser, signed with its tokenKey + the collection secret.
    static let token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
        + ".eyJjb2xsZWN0aW9uSWQiOiJwYmNfMzE0MjYzNTgyMyIsImV4cCI6MTc5NTU2NTc0OSwiaWQiOiJ6NGVmejhmbW12emNtMGQiLCJyZWZyZXNoYWJsZSI6dHJ1ZSwidHlwZSI6ImF1dGgifQ"
        + ".QOyzN-FWVYwfVJ42YOTzv5Uy1dH8hO4jqKOp2z58_BY"
    static let secret = "oTDEW1RMBGU0bd2HitArMlzuRa1yTZ6RFTmVYQrkUQRNx5c7ku"
        + "TjsA5ZdrmmtwU4NmYcoBRVAkt7V4Z1uzptdcZyqXtE7MYV8b1F"
    static let claims = JSONObject([
        ("collectionId", "pbc_3142635823"),
        ("exp", 1_795_565_749),
        ("id", "z4efz8fmmvzcm0d"),
        ("refreshable", true),
        ("type", "auth"),
    ])

    /// A token with the given header and payload text, signed (validly or not) with `secret`.
    static func token(header: String, payload: String, secret: String) -> String {
        let input = Base64.rawURL.encode(Array(header.utf8)) + "." + Base64.rawURL.encode(Array(payload.utf8))
        return input + "." + Base64.rawURL.encode(HMACSHA256.tag(key: Array(secret.utf8), message: Array(input.utf8)))
    }

    @Test("signing PocketBase's claims reproduces its token byte for byte")
    func signMatchesPocketBase() {
        #expect(signer.sign(Self.claims, secret: Self.secret) == Self.token)
    }

    @Test("a PocketBase token verifies and keeps its claim order")
    func verifyPocketBaseToken() throws {
        let claims = try #require(signer.verifiedClaims(of: Self.token, secret: Self.secret))
        #expect(claims == Self.claims)
        #expect(claims.keys == ["collectionId", "exp", "id", "refreshable", "type"])
        #expect(claims["exp"]?.numberValue == 1_795_565_749)
    }

    @Test("a wrong secret fails verification")
    func wrongSecret() {
        #expect(signer.verifiedClaims(of: Self.token, secret: Self.secret + "x") == nil)
        #expect(signer.verifiedClaims(of: Self.token, secret: "") == nil)
    }

    @Test("a tampered payload or signature fails verification")
    func tampered() {
        let parts = Self.token.split(separator: ".").map(String.init)
        var forged = Self.claims
        forged["id"] = "someoneelse0000"
        let forgedPayload = Base64.rawURL.encode(JSONWriter.bytes(.object(forged)))
        #expect(signer.verifiedClaims(of: "\(parts[0]).\(forgedPayload).\(parts[2])", secret: Self.secret) == nil)
        let flipped = parts[2].first == "A" ? "B" + parts[2].dropFirst() : "A" + parts[2].dropFirst()
        #expect(signer.verifiedClaims(of: "\(parts[0]).\(parts[1]).\(flipped)", secret: Self.secret) == nil)
        #expect(signer.verifiedClaims(of: "\(parts[0]).\(parts[1]).", secret: Self.secret) == nil)
    }

    @Test("a header whose alg is not HS256 fails even with a valid HMAC", arguments: [
        #"{"alg":"none","typ":"JWT"}"#, #"{"alg":"HS512","typ":"JWT"}"#, #"{"typ":"JWT"}"#, #"{"alg":"hs256"}"#,
        "[]", "not json",
    ])
    func wrongAlgorithm(header: String) {
        let payload = JSONWriter.string(.object(Self.claims))
        let token = Self.token(header: header, payload: payload, secret: Self.secret)
        #expect(signer.verifiedClaims(of: token, secret: Self.secret) == nil)
        let unsigned = token.split(separator: ".", omittingEmptySubsequences: false).prefix(2).joined(separator: ".") + "."
        #expect(signer.verifiedClaims(of: unsigned, secret: Self.secret) == nil)
    }

    @Test("an HS256 header with other members still verifies")
    func headerWithExtraMembers() {
        let token = Self.token(header: #"{"typ":"JWT","alg":"HS256","kid":"x"}"#, payload: #"{"a":1}"#, secret: "s")
        #expect(signer.verifiedClaims(of: token, secret: "s") == JSONObject([("a", 1)]))
    }

    @Test("tokens without exactly three parts or with a non-object payload are rejected", arguments: [
        "", "abc", "a.b", "a.b.c.d", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30.x.y",
    ])
    func malformed(token: String) {
        #expect(signer.verifiedClaims(of: token, secret: Self.secret) == nil)
        #expect(signer.unverifiedClaims(of: token) == nil)
    }

    @Test("unverified claims ignore the signature but still need an object payload")
    func unverified() {
        let parts = Self.token.split(separator: ".").map(String.init)
        #expect(signer.unverifiedClaims(of: Self.token) == Self.claims)
        #expect(signer.unverifiedClaims(of: "\(parts[0]).\(parts[1]).garbage") == Self.claims)
        let arrayPayload = Self.token(header: #"{"alg":"HS256","typ":"JWT"}"#, payload: "[1]", secret: "s")
        #expect(signer.unverifiedClaims(of: arrayPayload) == nil)
        #expect(signer.unverifiedClaims(of: "\(parts[0]).!!!.\(parts[2])") == nil)
    }

    @Test("sign then verify round-trips with an empty secret and unicode claims")
    func roundTrip() {
        let claims = JSONObject([("name", "Zoë \"quoted\"\n"), ("n", 1.5), ("list", [1, nil, false])])
        for secret in ["", "ключ"] {
            let token = signer.sign(claims, secret: secret)
            #expect(token.hasPrefix("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."))
            #expect(!token.contains("="))
            #expect(signer.verifiedClaims(of: token, secret: secret) == claims)
        }
    }
}
