public import Hummingbird
public import PocketApplication
internal import PocketDomain

/// The sign-in endpoints of every auth collection: password, one-time password, refresh.
public struct AuthRoutes: Sendable {
    private let auth: AuthService
    private let bodyLimit: Int

    public init(auth: AuthService, bodyLimit: Int = RequestBody.defaultLimit) {
        self.auth = auth
        self.bodyLimit = bodyLimit
    }

    public func register(on router: Router<PocketRequestContext>) {
        let group = router.group("/api/collections/:collection")
        group.get("auth-methods") { _, context in
            JSONResponse.make(try auth.authMethods(collection: try context.collectionParameter()))
        }
        group.post("auth-with-password") { request, context in
            let collection = try context.collectionParameter()
            // The collection is checked before the body is read (its 404s win over body errors).
            _ = try auth.requireAuthCollection(collection)
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            let login = try PasswordLogin(
                identity: body.stringMember("identity"), password: body.stringMember("password"),
                identityField: body.stringMember("identityField"))
            return try await Self.respond {
                try await auth.authWithPassword(collection: collection, login, mfa: Self.mfaSession(request, body))
            }
        }
        group.post("auth-with-otp") { request, context in
            let collection = try context.collectionParameter()
            // PocketBase 0.28.4 refuses a collection without OTP before reading the body.
            _ = try auth.requireOTPCollection(collection)
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            let login = try OTPLogin(otpID: body.stringMember("otpId"), password: body.stringMember("password"))
            return try await Self.respond {
                try await auth.authWithOTP(collection: collection, login, mfa: Self.mfaSession(request, body),
                                           client: context.remoteIP)
            }
        }
        group.post("auth-refresh") { _, context in
            Self.response(try auth.authRefresh(collection: try context.collectionParameter(), auth: context.auth))
        }
    }

    /// The sign-in's response, or PocketBase 0.28.4's 401 `{"mfaId": …}` when a second factor is needed.
    static func respond(_ signIn: () async throws -> AuthResult) async throws -> Response {
        do {
            return response(try await signIn())
        } catch let required as MFARequired {
            return JSONResponse.make(JSONObject([("mfaId", .string(required.mfaID))]), status: .unauthorized)
        }
    }

    /// The `mfaId` of a sign-in: the query's first, then the body's.
    static func mfaSession(_ request: Request, _ body: JSONObject) -> MFASessionID {
        MFASessionID(query: request.uri.queryParameters.get("mfaId"), body: body["mfaId"])
    }

    /// `{record, token}` with the record as its owner sees it.
    static func response(_ result: AuthResult) -> Response {
        let record = RecordExport.json(result.record, in: result.collection, visibility: RecordVisibility(showEmail: true))
        return JSONResponse.make(JSONObject([("record", .object(record)), ("token", .string(result.token))]))
    }
}

extension PocketRequestContext {
    /// The `:collection` path parameter.
    func collectionParameter() throws -> String {
        try coreContext.parameters.require("collection")
    }
}

extension JSONObject {
    /// A string member of a submitted body: missing or null is "", any other type cannot be loaded.
    func stringMember(_ key: String) throws -> String {
        switch self[key] {
        case nil, .null?: return ""
        case .string(let s)?: return s
        default: throw ApplicationError.loadFailed
        }
    }
}
