public import PocketDomain

/// `POST /api/collections/{collection}/auth-with-oauth2`: exchanges a provider's authorization
/// code for its user, finds or creates the auth record, links the identity in `_externalAuths` and
/// signs in (auth rule, MFA, token) like every other method.
public struct OAuth2Service: Sendable {
    let auth: AuthService
    let records: RecordService
    let http: any HTTPClient

    public init(auth: AuthService, records: RecordService, http: any HTTPClient) {
        self.auth = auth
        self.records = records
        self.http = http
    }

    /// The auth collection named by the route, when OAuth2 sign-in is on (PocketBase's 404s and 403).
    public func requireOAuth2Collection(_ idOrName: String) throws -> Collection {
        let collection = try auth.requireAuthCollection(idOrName)
        guard AuthService.options(of: collection).oauth2.enabled else {
            throw ApplicationError.forbidden("The collection is not configured to allow OAuth2 authentication.")
        }
        return collection
    }

    /// Signs in with the provider's code. Throws `MFARequired` when MFA applies and `mfa` names no
    /// session yet (the identity is linked already).
    public func authWithOAuth2(collection idOrName: String, _ login: OAuth2Login, mfa: MFASessionID = .none,
                               request: RequestInfo) async throws -> OAuth2AuthResult {
        let collection = try requireOAuth2Collection(idOrName)
        let options = AuthService.options(of: collection)
        let errors = login.validate(against: options.oauth2)
        guard errors.isEmpty else { throw ApplicationError.badRequest(ApplicationError.loadFailedMessage, errors) }
        guard let config = options.oauth2.provider(named: login.provider) else {
            throw ApplicationError.internalError("Missing or invalid provider config.")
        }
        guard let provider = config.resolve() else {
            throw ApplicationError.internalError("Failed to init provider \(login.provider)")
        }

        let client = OAuth2Client(provider: provider, http: http, clock: auth.clock)
        let token: OAuth2Token
        do {
            token = try await client.fetchToken(code: login.code, redirectURL: login.redirectURL,
                                                codeVerifier: login.codeVerifier)
        } catch {
            throw ApplicationError.badRequest("Failed to fetch OAuth2 token.")
        }
        let user: OAuth2User
        do {
            user = try await client.fetchUser(token: token)
        } catch {
            throw ApplicationError.badRequest("Failed to fetch OAuth2 user.")
        }

        let link = try existingLink(collection: collection, provider: login.provider, providerID: user.id)
        var record: Record?
        if let link {
            guard let linked = try auth.records.record(in: collection, id: link.string("recordRef")) else {
                throw ApplicationError.notFound("The requested resource wasn't found.")
            }
            record = linked
        } else if let caller = request.auth, caller.collection.id == collection.id {
            record = caller.record
        } else if !user.email.isEmpty {
            record = try auth.findAuthRecord(byEmail: user.email, in: collection)
        }
        let isNew = record == nil

        if link == nil, user.id.isEmpty {
            // PocketBase 0.28.4 cannot store a link without the provider's id (and rolls back).
            throw ApplicationError.badRequest("Failed to authenticate.")
        }
        let signedIn: Record
        if let record {
            signedIn = try await updateLinked(record, in: collection, user: user, request: request)
        } else {
            signedIn = try await signUp(in: collection, options: options, login: login, user: user, request: request)
        }
        if link == nil { try storeLink(collection: collection, record: signedIn, provider: login.provider, user: user) }

        let result = try auth.signIn(record: signedIn, collection: collection, method: .oauth2, mfa: mfa,
                                     request: request)
        return OAuth2AuthResult(auth: result, meta: user.meta(isNew: isNew))
    }
}

extension ApplicationError {
    /// PocketBase 0.28.4 reports failed checks of this body as loading errors.
    static let loadFailedMessage = "An error occurred while loading the submitted data."
}
