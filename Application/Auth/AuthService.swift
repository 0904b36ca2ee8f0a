public import PocketDomain

/// Sign-in with a password or a one-time password (with multi-factor auth), token refresh, the
/// auth-methods listing and resolving a request's token.
public struct AuthService: Sendable {
    let collections: CollectionRegistry
    let records: any RecordStore
    let hasher: any PasswordHasher
    let tokens: AuthTokens
    let blocking: any BlockingRunner
    let clock: any Clock
    let random: any RandomStringGenerator
    /// OTP attempts per auth record and client address.
    let otpAttempts: AttemptLimiter
    /// Mails about records: verification, password reset, email change, OTP, login alerts.
    let mail: AccountMail
    /// PocketBase 0.28.4's resend guards of verification and password-reset mails.
    let resendGuards: ExpiringKeys

    public init(collections: CollectionRegistry, records: any RecordStore, hasher: any PasswordHasher,
                tokens: AuthTokens, blocking: any BlockingRunner, clock: any Clock,
                random: any RandomStringGenerator, mail: AccountMail = .unavailable) {
        self.collections = collections
        self.records = records
        self.hasher = hasher
        self.tokens = tokens
        self.blocking = blocking
        self.clock = clock
        self.random = random
        // PocketBase 0.28.4: 5 OTP attempts per record and client IP within 180 seconds.
        self.otpAttempts = AttemptLimiter(maxAttempts: 5, window: 180, clock: clock)
        self.mail = mail
        self.resendGuards = ExpiringKeys(clock: clock)
    }

    /// The auth collection named by a route, or PocketBase's 404s.
    public func requireAuthCollection(_ idOrName: String) throws -> Collection {
        guard let collection = collections.find(idOrName) else {
            throw ApplicationError.notFound("Missing or invalid collection context.")
        }
        guard collection.isAuth else { throw ApplicationError.notFound("Missing or invalid auth collection context.") }
        return collection
    }

    /// The caller behind an `Authorization` header value, or nil (a bad token makes a guest, never an error).
    public func authenticate(token: String) -> AuthContext? {
        guard !token.isEmpty, let peeked = tokens.peek(token), peeked.kind == AuthTokens.Kind.auth.rawValue,
              let collection = collections.find(peeked.collectionID), collection.id == peeked.collectionID,
              collection.isAuth,
              let record = try? records.record(in: collection, id: peeked.recordID),
              tokens.verifiedAuthClaims(token, record: record, collection: collection) != nil
        else { return nil }
        return AuthContext(record: record, collection: collection)
    }

    /// `POST /api/collections/{collection}/auth-with-password`.
    ///
    /// Throws `MFARequired` when MFA applies and `mfa` names no session yet.
    public func authWithPassword(collection idOrName: String, _ login: PasswordLogin,
                                 mfa: MFASessionID = .none, request: RequestInfo = RequestInfo()) async throws
        -> AuthResult {
        let collection = try requireAuthCollection(idOrName)
        let options = Self.options(of: collection)
        guard options.passwordAuth.enabled else {
            throw ApplicationError.forbidden("The collection is not configured to allow password authentication.")
        }
        let errors = login.validate(allowedFields: options.passwordAuth.identityFields)
        guard errors.isEmpty else { throw ApplicationError.validation(errors) }

        let record = try findByIdentity(login, in: collection, fields: options.passwordAuth.identityFields)
        let hash = record?.string("password") ?? ""
        let password = login.password
        let hasher = self.hasher
        // Without a record, still spend the time of a bcrypt check so timing does not reveal accounts.
        let matches = try await blocking.run {
            hasher.verify(password, against: hash.isEmpty ? Self.decoyHash : hash) && !hash.isEmpty
        }
        guard let record, matches else { throw ApplicationError.badRequest("Failed to authenticate.") }
        return try signIn(record: record, collection: collection, method: .password, mfa: mfa, request: request)
    }

    /// `POST /api/collections/{collection}/auth-refresh`: a new token for the caller.
    ///
    /// PocketBase 0.28.4 checks the caller before the collection: no caller is a 401 and an unknown
    /// or different collection a 403 naming the caller's collection.
    /// `token` (the caller's token, when known) must carry a true `refreshable` claim.
    public func authRefresh(collection idOrName: String, auth: AuthContext?, token: String? = nil,
                            request: RequestInfo? = nil) throws -> AuthResult {
        guard let auth else {
            throw ApplicationError.unauthorized("The request requires valid record authorization token.")
        }
        guard let collection = collections.find(idOrName), collection.id == auth.collection.id else {
            throw ApplicationError.forbidden(
                "The request requires auth record from \(auth.collection.name) collection.")
        }
        if let token, !tokens.isRefreshable(token) {
            throw ApplicationError.forbidden("The current auth token is not refreshable.")
        }
        // Refreshing is no sign-in: no MFA.
        return try signIn(record: auth.record, collection: collection, method: nil, mfa: .none,
                          request: request ?? RequestInfo(auth: auth))
    }

    /// `GET /api/collections/{collection}/auth-methods`, in PocketBase 0.28.4's shape (with the
    /// legacy keys older SDKs read).
    public func authMethods(collection idOrName: String) throws -> JSONObject {
        let collection = try requireAuthCollection(idOrName)
        let options = Self.options(of: collection)
        // PocketBase 0.28.4 lists the identity fields only while password auth is on.
        let identityFields = options.passwordAuth.enabled ? options.passwordAuth.identityFields : []
        let oauthProviders: JSONValue = .array(
            options.oauth2.enabled ? OAuth2ProviderListing.providers(of: options.oauth2, random: random) : [])
        return JSONObject([
            ("password", .object(JSONObject([
                ("identityFields", .array(identityFields.map(JSONValue.string))),
                ("enabled", .bool(options.passwordAuth.enabled)),
            ]))),
            ("oauth2", .object(JSONObject([("providers", oauthProviders), ("enabled", .bool(options.oauth2.enabled))]))),
            ("mfa", .object(JSONObject([
                ("enabled", .bool(options.mfa.enabled)),
                ("duration", .number(Double(options.mfa.enabled ? options.mfa.duration : 0))),
            ]))),
            ("otp", .object(JSONObject([
                ("enabled", .bool(options.otp.enabled)),
                ("duration", .number(Double(options.otp.enabled ? options.otp.duration : 0))),
            ]))),
            // PocketBase 0.28.4: the legacy list is null while OAuth2 is off.
            ("authProviders", options.oauth2.enabled ? oauthProviders : .null),
            ("usernamePassword", .bool(options.passwordAuth.enabled && identityFields.contains("username"))),
            ("emailPassword", .bool(options.passwordAuth.enabled && identityFields.contains("email"))),
        ])
    }

    private func findByIdentity(_ login: PasswordLogin, in collection: Collection, fields: [String]) throws -> Record? {
        var candidates = login.identityField.isEmpty ? fields : [login.identityField]
        // PocketBase 0.28.4 tries email first when the identity looks like one.
        if login.identityField.isEmpty, EmailAddress.isValid(login.identity), candidates.contains("email") {
            candidates.removeAll { $0 == "email" }
            candidates.insert("email", at: 0)
        }
        for field in candidates where collection.field(named: field) != nil {
            if Self.hasNocaseUniqueIndex(collection, column: field) {
                if let record = try firstRecordIgnoringCase(in: collection, where: field, equals: login.identity) {
                    return record
                }
            } else if let record = try records.firstRecord(in: collection, where: field, equals: login.identity) {
                return record
            }
        }
        return nil
    }

    /// Whether the column's single-column unique index compares with `COLLATE NOCASE`, which makes
    /// PocketBase 0.28.4 look the identity up case-insensitively.
    public static func hasNocaseUniqueIndex(_ collection: Collection, column: String) -> Bool {
        collection.indexes.contains { definition in
            let spec = IndexSpec(parsing: definition)
            return spec.unique && spec.columns.count == 1
                && spec.columns[0].name.lowercased() == column.lowercased()
                && spec.columns[0].collate.lowercased() == "nocase"
        }
    }

    /// The first record whose `field` equals `value` under SQLite's NOCASE (ASCII case folding),
    /// bound as a value (an identity of `%` matches only `%`).
    func firstRecordIgnoringCase(in collection: Collection, where field: String, equals value: String) throws
        -> Record? {
        try records.firstRecord(in: collection, where: field, equalsIgnoringCase: value)
    }

    /// The collection's auth options as sign-in applies them.
    ///
    /// PocketBase 0.28.4 forces MFA on `_superusers` whenever OTP is on (a superuser never signs in
    /// with an OTP alone); it does so when the collection is saved, and this repeats it for rows
    /// saved otherwise.
    static func options(of collection: Collection) -> AuthOptions {
        var options = collection.auth ?? AuthOptions()
        if collection.name == SystemCollections.superusers, options.otp.enabled { options.mfa.enabled = true }
        return options
    }

    /// A valid bcrypt hash of a random value, checked when no account matches.
    // A real cost-10 hash of a discarded random password (made by PocketBase 0.28.4), so the
    // check costs what a real one does.
    static let decoyHash = "$2a$10$nd6amUvtFSxJtYkq/nHAbucVsPkorG5ESsr26auRVUX0/mnm/lpQ."
}
