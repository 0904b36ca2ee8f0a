internal import PocketDomain

/// Talks to one provider: exchanges an authorization code for a token, then fetches the user.
///
/// Errors carry no token or secret; the caller turns them into PocketBase's 400s.
struct OAuth2Client: Sendable {
    enum Failure: Error, Equatable {
        /// The token request failed or its answer had no access token.
        case token(String)
        /// The user request failed or its answer was unusable.
        case user(String)
    }

    let provider: OAuth2Provider
    let http: any HTTPClient
    let clock: any Clock
    /// PocketBase 0.28.4 gives the whole exchange 30 seconds.
    var timeout: Duration = .seconds(30)

    /// The code exchange: client credentials by HTTP Basic first and, if the provider refuses them,
    /// in the form (what Go's oauth2 package does when the provider's style is unknown).
    func fetchToken(code: String, redirectURL: String, codeVerifier: String) async throws(Failure) -> OAuth2Token {
        let form = provider.tokenRequestForm(code: code, redirectURL: redirectURL, codeVerifier: codeVerifier)
        let basic = "Basic " + Base64.standard.encode(Array(
            (FormURLEncoding.escape(provider.clientID) + ":" + FormURLEncoding.escape(provider.clientSecret)).utf8))
        do {
            return try await exchange(form, headers: ["Authorization: " + basic])
        } catch {
            let inForm = form + [("client_id", provider.clientID), ("client_secret", provider.clientSecret)]
            return try await exchange(inForm, headers: [])
        }
    }

    private func exchange(_ form: [(String, String)], headers: [String]) async throws(Failure) -> OAuth2Token {
        let request = OutboundRequest(
            method: "POST", url: provider.tokenURL,
            headers: headers + ["Content-Type: application/x-www-form-urlencoded", "Accept: application/json"],
            body: Array(FormURLEncoding.encode(form).utf8), timeout: timeout)
        let response: OutboundResponse
        do {
            response = try await http.send(request)
        } catch {
            throw .token("token request failed")
        }
        guard (200..<300).contains(response.status) else { throw .token("token endpoint answered \(response.status)") }
        guard let token = OAuth2Token.parse(response.body, contentType: response.contentType, now: clock.now()) else {
            throw .token("token response without access_token")
        }
        return token
    }

    /// The provider's user for the token.
    func fetchUser(token: OAuth2Token) async throws(Failure) -> OAuth2User {
        let raw = try await rawUser(token: token)
        guard provider.spec.accountChecks.allSatisfy({ $0.isMet(by: raw) }) else { throw .user("inactive account") }
        return provider.spec.profile.user(from: raw, token: token)
    }

    private func rawUser(token: OAuth2Token) async throws(Failure) -> JSONObject {
        var request = OutboundRequest(url: provider.userInfoURL, headers: ["Authorization: " + token.authorization],
                                      timeout: timeout)
        switch provider.spec.userInfoRequest {
        case .idTokenUnlessUserInfoURL where provider.userInfoURL.isEmpty:
            let issuers = provider.extra["issuers"]?.arrayValue?.compactMap(\.stringValue) ?? []
            do {
                return try OIDCIDToken.claims(of: token.idToken, clientID: provider.clientID, issuers: issuers,
                                              now: clock.now())
            } catch {
                throw .user(error.reason)
            }
        case .idTokenUnlessUserInfoURL:
            break
        case .get(let headers, let clientIDHeader):
            request.headers += headers
            if let clientIDHeader { request.headers.append(clientIDHeader + ": " + provider.clientID) }
        case .graphQL(let query):
            request.method = "POST"
            request.headers.append("Content-Type: application/json")
            request.body = JSONWriter.bytes(.object(JSONObject([("query", .string(query))])))
        }
        let response: OutboundResponse
        do {
            response = try await http.send(request)
        } catch {
            throw .user("user request failed")
        }
        guard response.status < 400 else { throw .user("user endpoint answered \(response.status)") }
        guard let object = (try? JSONParser.parse(response.body))?.objectValue else {
            throw .user("user response is not a JSON object")
        }
        return object
    }
}
