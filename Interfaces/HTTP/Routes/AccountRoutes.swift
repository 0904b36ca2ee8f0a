public import Hummingbird
public import PocketApplication
internal import PocketDomain

/// The account endpoints of every auth collection: verification, password reset, email change,
/// OTP requests and superuser impersonation.
public struct AccountRoutes: Sendable {
    private let auth: AuthService
    private let signIns: AuthRoutes
    private let bodyLimit: Int
    /// Dev mode lifts the limit of recent OTPs per record (PocketBase 0.28.4).
    private let devMode: Bool

    public init(auth: AuthService, signIns: AuthRoutes, bodyLimit: Int = RequestBody.defaultLimit, devMode: Bool = false) {
        self.auth = auth
        self.signIns = signIns
        self.bodyLimit = bodyLimit
        self.devMode = devMode
    }

    public func register(on router: Router<PocketRequestContext>) {
        let group = router.group("/api/collections/:collection")
        noContentAction(group, "request-verification") { collection, body, _ in
            try auth.requestVerification(collection: collection, email: try body.stringMember("email"))
        }
        noContentAction(group, "confirm-verification") { collection, body, _ in
            try auth.confirmVerification(collection: collection, token: try body.stringMember("token"))
        }
        noContentAction(group, "request-password-reset") { collection, body, _ in
            try auth.requestPasswordReset(collection: collection, email: try body.stringMember("email"))
        }
        noContentAction(group, "confirm-password-reset") { collection, body, _ in
            try await auth.confirmPasswordReset(collection: collection, token: try body.stringMember("token"),
                                                password: try body.stringMember("password"),
                                                passwordConfirm: try body.stringMember("passwordConfirm"))
        }
        noContentAction(group, "request-email-change") { collection, body, context in
            try auth.requestEmailChange(collection: collection, auth: context.auth,
                                        newEmail: try body.stringMember("newEmail"))
        }
        noContentAction(group, "confirm-email-change") { collection, body, _ in
            try await auth.confirmEmailChange(collection: collection, token: try body.stringMember("token"),
                                              password: try body.stringMember("password"))
        }
        group.post("request-otp") { request, context in
            let collection = try context.collectionParameter()
            // PocketBase 0.28.4 refuses a collection without OTP before reading the body.
            _ = try auth.requireOTPCollection(collection)
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            let id = try await auth.requestOTP(collection: collection, email: try body.stringMember("email"),
                                               devMode: devMode)
            return JSONResponse.make(JSONObject([("otpId", .string(id))]))
        }
        group.post("impersonate/:id") { request, context in
            let collection = try context.collectionParameter()
            let id = try context.coreContext.parameters.require("id")
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            // The duration is read after the caller, collection and record are checked.
            let result = try auth.impersonate(collection: collection, id: id, auth: context.auth) {
                try Self.duration(body["duration"])
            }
            return try signIns.response(result, info: RequestInfo(request: request, context: context, body: body))
        }
    }

    /// A POST that answers 204: the auth collection is checked before the body is read.
    private func noContentAction(
        _ group: RouterGroup<PocketRequestContext>, _ path: String,
        _ perform: @escaping @Sendable (String, JSONObject, PocketRequestContext) async throws -> Void
    ) {
        group.post(RouterPath(stringLiteral: path)) { request, context in
            let collection = try context.collectionParameter()
            _ = try auth.requireAuthCollection(collection)
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            try await perform(collection, body, context)
            return JSONResponse.noContent()
        }
    }

    /// The `duration` of an impersonation: a whole number of seconds (Go binds it into an int64),
    /// missing or null is 0; anything else cannot be loaded.
    static func duration(_ value: JSONValue?) throws -> Int64 {
        switch value {
        case nil, .null?: return 0
        case .number(let n)? where n == n.rounded(.towardZero) && abs(n) < 9.2e18: return Int64(n)
        default: throw ApplicationError.loadFailed
        }
    }
}
