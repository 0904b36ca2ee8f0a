import PocketApplication
import PocketDomain
import PocketSQLite
import PocketTestSupport
import Testing

/// A fake OpenID provider at `http://idp.test` that knows one code and one user.
struct FakeIdP {
    static let clientID = "pb-client"
    static let clientSecret = "pb-secret-value"
    static let code = "good-code"
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 24)

    static var providerConfig: JSONValue {
        ["name": "oidc", "clientId": .string(clientID), "clientSecret": .string(clientSecret),
         "authURL": "http://idp.test/authorize", "tokenURL": "http://idp.test/token",
         "userInfoURL": "http://idp.test/userinfo"]
    }

    /// Answers the token request (Basic credentials only unless `acceptFormCredentials`), the user
    /// info for the bearer token and the avatar; `user` is the profile handed out.
    static func client(user: JSONValue, tokenStatus: Int = 200, userStatus: Int = 200) -> FakeHTTPClient {
        FakeHTTPClient { request in
            switch (request.method, request.url) {
            case ("POST", "http://idp.test/token"):
                let form = String(decoding: request.body ?? [], as: UTF8.self)
                let basic = "Basic " + Base64.standard.encode(Array("\(clientID):\(clientSecret)".utf8))
                guard tokenStatus == 200, request.header("Authorization") == basic, form.contains("code=\(code)&")
                else { return OutboundResponse(status: tokenStatus == 200 ? 400 : tokenStatus,
                                               contentType: "application/json",
                                               body: Array(#"{"error":"invalid_grant"}"#.utf8)) }
                return OutboundResponse(status: 200, contentType: "application/json", body: Array(
                    #"{"access_token":"at-1","token_type":"Bearer","expires_in":3600,"refresh_token":"rt-1"}"#.utf8))
            case ("GET", "http://idp.test/userinfo"):
                guard userStatus == 200, request.header("Authorization") == "Bearer at-1" else {
                    return OutboundResponse(status: userStatus == 200 ? 401 : userStatus)
                }
                return OutboundResponse(status: 200, contentType: "application/json", body: JSONWriter.bytes(user))
            case ("GET", "http://img.test/ada.png"):
                return OutboundResponse(status: 200, contentType: "image/png", body: png)
            default:
                return nil
            }
        }
    }
}

/// An `OAuth2Service` over a real data directory whose `users` collection has the fake provider.
struct OAuth2Harness {
    let auth: AuthHarness
    let http: FakeHTTPClient
    let files = InMemoryFileStorage()

    var service: OAuth2Service {
        OAuth2Service(auth: auth.service,
                      records: RecordService(registry: auth.collections, records: auth.directory.records, files: files,
                                             clock: auth.clock, hasher: auth.hasher, random: auth.random,
                                             blocking: auth.blocking),
                      http: http)
    }

    func links() throws -> [Record] {
        try auth.directory.records.records(matching: RecordQuery(collection: try auth.collections.named("_externalAuths")))
    }

    func signIn(code: String = FakeIdP.code, createData: JSONObject = JSONObject(),
                request: RequestInfo = RequestInfo()) async throws -> OAuth2AuthResult {
        try await service.authWithOAuth2(
            collection: "users", OAuth2Login(provider: "oidc", code: code, codeVerifier: "verifier-1",
                                             redirectURL: "http://app.test/cb", createData: createData),
            request: request)
    }
}

func withOAuth2(user: JSONValue, tokenStatus: Int = 200, userStatus: Int = 200, enabled: Bool = true,
                _ body: (OAuth2Harness) async throws -> Void) async throws {
    try await withAuth(configureUsers: { options in
        options.oauth2.enabled = enabled
        options.oauth2.providers = [FakeIdP.providerConfig]
    }) { auth in
        try await body(OAuth2Harness(auth: auth, http: FakeIdP.client(user: user, tokenStatus: tokenStatus,
                                                                        userStatus: userStatus)))
    }
}

@Suite("OAuth2Service")
struct OAuth2ServiceTests {
    static let ada: JSONValue = ["sub": "ada-1", "email": "ada@example.com", "email_verified": true,
                                 "name": "Ada Lovelace", "picture": "http://img.test/ada.png"]

    @Test("a new identity signs up: mapped name, downloaded avatar, verified email, a link, isNew meta")
    func signUp() async throws {
        try await withOAuth2(user: Self.ada) { o in
            let result = try await o.signIn()
            let record = result.auth.record
            #expect(record.string("email") == "ada@example.com")
            #expect(record.bool("verified"))
            #expect(record.string("name") == "Ada Lovelace")
            #expect(record.string("avatar").hasPrefix("ada_") && record.string("avatar").hasSuffix(".png"))
            #expect(o.files.keys == ["\(SystemCollections.usersID)/\(record.id)/\(record.string("avatar"))"])
            #expect(!record.string("password").isEmpty)
            #expect(result.meta["isNew"] == true && result.meta["id"] == "ada-1")
            #expect(result.meta["accessToken"] == "at-1" && result.meta["refreshToken"] == "rt-1")
            #expect(result.meta["expiry"] == .string(testNow.adding(seconds: 3600).description))
            let links = try o.links()
            #expect(links.map { [$0.string("collectionRef"), $0.string("recordRef"), $0.string("provider"),
                                 $0.string("providerId")] }
                == [[SystemCollections.usersID, record.id, "oidc", "ada-1"]])

            let requests = o.http.requests
            #expect(requests.map { "\($0.method) \($0.url)" }
                == ["POST http://idp.test/token", "GET http://idp.test/userinfo", "GET http://img.test/ada.png"])
            #expect(String(decoding: requests[0].body ?? [], as: UTF8.self)
                == "code=good-code&code_verifier=verifier-1&grant_type=authorization_code&redirect_uri=http%3A%2F%2Fapp.test%2Fcb")
            #expect(requests[0].header("Content-Type") == "application/x-www-form-urlencoded")
            #expect(requests.allSatisfy { $0.timeout <= .seconds(30) })
        }
    }

    @Test("createData wins over mapped values and goes through the record's validation")
    func createData() async throws {
        try await withOAuth2(user: Self.ada) { o in
            let result = try await o.signIn(createData: JSONObject([("name", "Chosen")]))
            #expect(result.auth.record.string("name") == "Chosen")
        }
        try await withOAuth2(user: Self.ada) { o in
            let long = String(repeating: "x", count: 300)
            await #expect(throws: ApplicationError.badRequest(
                "Failed to create record.", FieldErrors("name", ValidationError(
                    code: "validation_max_text_constraint", message: "Must be no more than 255 character(s).",
                    params: JSONObject([("max", 255)]))))) {
                try await o.signIn(createData: JSONObject([("name", .string(long))]))
            }
            let links = try o.links()
            #expect(links.isEmpty)
        }
    }

    @Test("a linked identity signs in to the same record, which stays as it is")
    func existingLink() async throws {
        try await withOAuth2(user: Self.ada) { o in
            let first = try await o.signIn()
            let second = try await o.signIn()
            #expect(second.auth.record.id == first.auth.record.id)
            #expect(second.meta["isNew"] == false)
            #expect(try o.links().count == 1)
        }
    }

    @Test("an unverified record found by email is verified and gets a new password and token key")
    func linkUnverifiedByEmail() async throws {
        let alice: JSONValue = ["sub": "alice-1", "email": .string(AuthHarness.userEmail), "email_verified": true]
        try await withOAuth2(user: alice) { o in
            var stored = try o.auth.addUser()
            stored["verified"] = false
            try o.auth.directory.records.update(stored, in: try o.auth.users)
            let result = try await o.signIn()
            let record = result.auth.record
            #expect(record.id == AuthHarness.userID && result.meta["isNew"] == false)
            #expect(record.bool("verified"))
            #expect(record.string("password") != stored.string("password"))
            #expect(record.string("tokenKey") != AuthHarness.userTokenKey)
            #expect(try o.links().map { $0.string("recordRef") } == [AuthHarness.userID])
        }
    }

    @Test("the signed-in caller links a new identity to itself and keeps its password")
    func callerLinks() async throws {
        let other: JSONValue = ["sub": "elsewhere-1", "email": "elsewhere@example.com", "email_verified": true]
        try await withOAuth2(user: other) { o in
            var stored = try o.auth.addUser()
            stored["verified"] = false
            try o.auth.directory.records.update(stored, in: try o.auth.users)
            let result = try await o.signIn(request: RequestInfo(auth: AuthContext(record: stored, collection: try o.auth.users)))
            #expect(result.auth.record.id == AuthHarness.userID)
            #expect(!result.auth.record.bool("verified"))
            #expect(result.auth.record.string("password") == stored.string("password"))
        }
    }

    @Test("a refused code tries Basic, then form credentials, and is PocketBase's token error")
    func tokenFailure() async throws {
        try await withOAuth2(user: Self.ada) { o in
            await #expect(throws: ApplicationError.badRequest("Failed to fetch OAuth2 token.")) {
                try await o.signIn(code: "unknown")
            }
            let requests = o.http.requests
            #expect(requests.count == 2)
            #expect(requests[0].header("Authorization")?.hasPrefix("Basic ") == true)
            #expect(requests[1].header("Authorization") == nil)
            #expect(String(decoding: requests[1].body ?? [], as: UTF8.self)
                .hasPrefix("client_id=pb-client&client_secret=pb-secret-value&code=unknown&"))
        }
    }

    @Test("a failing user endpoint or transport is PocketBase's user error, without secrets")
    func userFailure() async throws {
        try await withOAuth2(user: Self.ada, userStatus: 403) { o in
            await #expect(throws: ApplicationError.badRequest("Failed to fetch OAuth2 user.")) { try await o.signIn() }
            let links = try o.links()
            #expect(links.isEmpty)
        }
        try await withAuth(configureUsers: { options in
            options.oauth2.enabled = true
            options.oauth2.providers = [FakeIdP.providerConfig]
        }) { auth in
            let o = OAuth2Harness(auth: auth, http: FakeHTTPClient { _ in nil })
            do {
                _ = try await o.signIn()
                Issue.record("expected a failure")
            } catch {
                #expect(error as? ApplicationError == .badRequest("Failed to fetch OAuth2 token."))
                #expect(!String(describing: error).contains(FakeIdP.clientSecret))
            }
        }
    }

    @Test("the body is checked like PocketBase's form, and OAuth2 must be on")
    func refusals() async throws {
        try await withOAuth2(user: Self.ada) { o in
            var errors = FieldErrors("provider", ValidationError(
                code: "validation_invalid_provider", message: "Provider with name github is missing or is not enabled.",
                params: JSONObject([("name", "github")])))
            errors.add("code", .required)
            errors.add("redirectURL", .required)
            await #expect(throws: ApplicationError.badRequest("An error occurred while loading the submitted data.",
                                                              errors)) {
                try await o.service.authWithOAuth2(collection: "users",
                                                   OAuth2Login(provider: "github", code: "", redirectURL: ""),
                                                   request: RequestInfo())
            }
            #expect(o.http.requests.isEmpty)
            // the legacy redirectUrl stands in for redirectURL
            #expect(OAuth2Login(provider: "oidc", code: "c", redirectURL: "", legacyRedirectURL: "http://old").redirectURL
                == "http://old")
        }
        try await withOAuth2(user: Self.ada, enabled: false) { o in
            await #expect(throws: ApplicationError.forbidden(
                "The collection is not configured to allow OAuth2 authentication.")) { try await o.signIn() }
        }
    }

    @Test("auth-methods lists each known provider with a fresh state and PKCE pair")
    func authMethods() async throws {
        try await withAuth(configureUsers: { options in
            options.oauth2.enabled = true
            options.oauth2.providers = [FakeIdP.providerConfig, ["name": "unknown-one"],
                                        ["name": "github", "clientId": "gh", "pkce": false]]
        }) { h in
            let providers = try #require(h.service.authMethods(collection: "users")["oauth2"]?["providers"].arrayValue)
            #expect(providers.map { $0["name"] } == ["oidc", "github"])
            let oidc = providers[0]
            let state = try #require(oidc["state"].stringValue)
            let verifier = try #require(oidc["codeVerifier"].stringValue)
            #expect(state.count == 30 && verifier.count == 43)
            #expect(oidc["codeChallenge"] == .string(PKCE.challenge(for: verifier)))
            #expect(oidc["authURL"] == .string(
                "http://idp.test/authorize?client_id=pb-client&code_challenge=\(PKCE.challenge(for: verifier))"
                + "&code_challenge_method=S256&response_type=code&scope=openid+email+profile&state=\(state)"
                + "&redirect_uri="))
            #expect(providers[1]["displayName"] == "GitHub" && providers[1]["codeChallengeMethod"] == "")
        }
    }
}
