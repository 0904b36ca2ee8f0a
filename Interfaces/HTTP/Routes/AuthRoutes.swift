public import Hummingbird
public import PocketApplication
internal import PocketDomain

/// The password sign-in endpoints of every auth collection.
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
            return Self.response(try await auth.authWithPassword(collection: collection, login))
        }
        group.post("auth-refresh") { _, context in
            Self.response(try auth.authRefresh(collection: try context.collectionParameter(), auth: context.auth))
        }
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
