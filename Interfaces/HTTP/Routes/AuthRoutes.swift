public import Hummingbird
public import PocketApplication
internal import PocketDomain

/// The sign-in endpoints of every auth collection: password, one-time password, refresh.
public struct AuthRoutes: Sendable {
    private let auth: AuthService
    /// Expands the signed-in record's relations (`?expand=`); without it `expand` is ignored.
    private let records: RecordService?
    private let bodyLimit: Int

    public init(auth: AuthService, records: RecordService? = nil, bodyLimit: Int = RequestBody.defaultLimit) {
        self.auth = auth
        self.records = records
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
            let info = RequestInfo(request: request, context: context, body: body)
            return try await respond(info) {
                try await auth.authWithPassword(collection: collection, login, mfa: Self.mfaSession(request, body),
                                                request: info)
            }
        }
        group.post("auth-with-otp") { request, context in
            let collection = try context.collectionParameter()
            // PocketBase 0.28.4 refuses a collection without OTP before reading the body.
            _ = try auth.requireOTPCollection(collection)
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            let login = try OTPLogin(otpID: body.stringMember("otpId"), password: body.stringMember("password"))
            let info = RequestInfo(request: request, context: context, body: body)
            return try await respond(info) {
                try await auth.authWithOTP(collection: collection, login, mfa: Self.mfaSession(request, body),
                                           client: context.realIP, request: info)
            }
        }
        group.post("auth-refresh") { request, context in
            let info = RequestInfo(request: request, context: context)
            let result = try auth.authRefresh(collection: try context.collectionParameter(), auth: context.auth,
                                              token: Self.bearerToken(request), request: info)
            return try response(result, info: info)
        }
    }

    /// The sign-in's response, or PocketBase 0.28.4's 401 `{"mfaId": …}` when a second factor is needed.
    func respond(_ info: RequestInfo, _ signIn: () async throws -> AuthResult) async throws -> Response {
        do {
            return try response(try await signIn(), info: info)
        } catch let required as MFARequired {
            return JSONResponse.make(JSONObject([("mfaId", .string(required.mfaID))]), status: .unauthorized)
        }
    }

    /// The `mfaId` of a sign-in: the query's first, then the body's.
    static func mfaSession(_ request: Request, _ body: JSONObject) -> MFASessionID {
        MFASessionID(query: request.uri.queryParameters.get("mfaId"), body: body["mfaId"])
    }

    /// The token of the `Authorization` header, as ``AuthMiddleware`` reads it.
    static func bearerToken(_ request: Request) -> String? {
        guard var token = request.headers[.authorization], !token.isEmpty else { return nil }
        if token.hasPrefix("Bearer ") { token.removeFirst(7) }
        return token
    }

    /// `{record, token}` with the record as its owner sees it, its `?expand=` relations fetched as
    /// the signed-in record would, and the `?fields=` picker applied to the whole body (PocketBase 0.28.4).
    /// OAuth2 sign-ins add the provider's user as `meta`.
    func response(_ result: AuthResult, info: RequestInfo, meta: JSONObject? = nil) throws -> Response {
        let picker = try RecordRoutes.picker(fieldsQuery: info.query["fields"] ?? "")
        var record = RecordExport.json(result.record, in: result.collection, visibility: RecordVisibility(showEmail: true))
        let expand = info.query["expand"] ?? ""
        if let records, !expand.isEmpty {
            var owner = info
            owner.auth = AuthContext(record: result.record, collection: result.collection)
            if let expanded = try RecordExpander(service: records)
                .present([result.record], in: result.collection, expand: expand, request: owner).first?["expand"] {
                record["expand"] = expanded
            }
        }
        var body = JSONObject([("record", .object(record)), ("token", .string(result.token))])
        if let meta { body = JSONObject([("meta", .object(meta))] + body.map { ($0.key, $0.value) }) }
        return JSONResponse.make(picker.apply(to: .object(body)))
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
