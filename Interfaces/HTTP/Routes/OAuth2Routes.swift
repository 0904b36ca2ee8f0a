public import Hummingbird
public import PocketApplication
internal import PocketDomain

/// `POST /api/collections/{collection}/auth-with-oauth2`.
public struct OAuth2Routes: Sendable {
    private let oauth2: OAuth2Service
    /// Writes the `{meta, record, token}` body as the other sign-ins do.
    private let responses: AuthRoutes
    private let bodyLimit: Int

    public init(oauth2: OAuth2Service, auth: AuthService, records: RecordService? = nil,
                bodyLimit: Int = RequestBody.defaultLimit) {
        self.oauth2 = oauth2
        self.responses = AuthRoutes(auth: auth, records: records, bodyLimit: bodyLimit)
        self.bodyLimit = bodyLimit
    }

    public func register(on router: Router<PocketRequestContext>) {
        router.group("/api/collections/:collection").post("auth-with-oauth2") { request, context in
            let collection = try context.collectionParameter()
            // PocketBase 0.28.4 checks the collection and that OAuth2 is on before reading the body.
            _ = try oauth2.requireOAuth2Collection(collection)
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            let login = try OAuth2Login(
                provider: body.stringMember("provider"), code: body.stringMember("code"),
                codeVerifier: body.stringMember("codeVerifier"), redirectURL: body.stringMember("redirectURL"),
                legacyRedirectURL: body.stringMember("redirectUrl"), createData: Self.createData(body))
            let info = RequestInfo(request: request, context: context, body: body)
            do {
                let result = try await oauth2.authWithOAuth2(collection: collection, login,
                                                             mfa: AuthRoutes.mfaSession(request, body), request: info)
                return try responses.response(result.auth, info: info, meta: result.meta)
            } catch let required as MFARequired {
                return JSONResponse.make(JSONObject([("mfaId", .string(required.mfaID))]), status: .unauthorized)
            }
        }
    }

    /// `createData`: an object, or nothing; any other value cannot be loaded.
    static func createData(_ body: JSONObject) throws -> JSONObject {
        switch body["createData"] {
        case nil, .null?: return JSONObject()
        case .object(let data)?: return data
        default: throw ApplicationError.loadFailed
        }
    }
}
