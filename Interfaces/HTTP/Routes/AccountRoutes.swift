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
        group.post("request-verification") { request, context in
            let collection = try context.collectionParameter()
            _ = try auth.requireAuthCollection(collection)
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            try auth.requestVerification(collection: collection, email: try body.stringMember("email"))
            return JSONResponse.noContent()
        }
        group.post("confirm-verification") { request, context in
            let collection = try context.collectionParameter()
            _ = try auth.requireAuthCollection(collection)
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            try auth.confirmVerification(collection: collection, token: try body.stringMember("token"))
            return JSONResponse.noContent()
        }
        group.post("request-password-reset") { request, context in
            let collection = try context.collectionParameter()
            _ = try auth.requireAuthCollection(collection)
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            try auth.requestPasswordReset(collection: collection, email: try body.stringMember("email"))
            return JSONResponse.noContent()
        }
        group.post("confirm-password-reset") { request, context in
            let collection = try context.collectionParameter()
            _ = try auth.requireAuthCollection(collection)
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            try await auth.confirmPasswordReset(collection: collection, token: try body.stringMember("token"),
                                                password: try body.stringMember("password"),
                                                passwordConfirm: try body.stringMember("passwordConfirm"))
            return JSONResponse.noContent()
        }
        group.post("request-email-change") { request, context in
            let collection = try context.collectionParameter()
            _ = try auth.requireAuthCollection(collection)
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            try auth.requestEmailChange(collection: collection, auth: context.auth,
                                        newEmail: try body.stringMember("newEmail"))
            return JSONResponse.noContent()
        }
        group.post("confirm-email-change") { request, context in
            let collection = try context.collectionParameter()
            _ = try auth.requireAuthCollection(collection)
            let body = try await RequestBody.object(from: request, limit: bodyLimit)
            try await auth.confirmEmailChange(collection: collection, token: try body.stringMember("token"),
                                              password: try body.stringMember("password"))
            return JSONResponse.noContent()
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
