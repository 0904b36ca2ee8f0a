public import PocketDomain

/// Issues and checks record auth tokens as PocketBase 0.28.4 does: HS256, signed with the record's
/// `tokenKey` followed by the collection's token secret, so a password change (new tokenKey) kills
/// every token and tokens need no server state.
public struct AuthTokens: Sendable {
    /// The `type` claim of each token kind.
    public enum Kind: String, Sendable {
        case auth, file, verification, passwordReset, emailChange
    }

    private let signer: any TokenSigner
    private let clock: any Clock

    public init(signer: any TokenSigner, clock: any Clock) {
        self.signer = signer
        self.clock = clock
    }

    /// A new auth token for the record. `duration` (seconds) replaces the collection's when above
    /// zero; impersonation makes such static tokens, not refreshable (PocketBase 0.28.4).
    public func authToken(for record: Record, in collection: Collection, refreshable: Bool = true,
                          duration: Int64 = 0) -> String {
        let options = collection.auth ?? AuthOptions()
        let seconds = duration > 0 ? duration : Int64(options.authToken.duration)
        let claims = JSONObject([
            ("collectionId", .string(collection.id)),
            ("exp", .number(Double(clock.now().unixSeconds.saturatingAdding(seconds)))),
            ("id", .string(record.id)),
            ("refreshable", .bool(refreshable)),
            ("type", .string(Kind.auth.rawValue)),
        ])
        return signer.sign(claims, secret: record.string("tokenKey") + options.authToken.secret)
    }

    /// A verification, password-reset or email-change token: the record's id, collection and
    /// current email (plus `newEmail` for an email change), valid for the collection's duration of
    /// that kind and signed with the record's `tokenKey` and that kind's secret.
    public func actionToken(_ kind: Kind, for record: Record, in collection: Collection, newEmail: String? = nil) -> String {
        let config = Self.config(kind, of: collection.auth ?? AuthOptions())
        var claims = JSONObject([
            ("collectionId", .string(collection.id)),
            ("email", .string(record.string("email"))),
            ("exp", .number(Double(clock.now().unixSeconds.saturatingAdding(Int64(config.duration))))),
            ("id", .string(record.id)),
            ("type", .string(kind.rawValue)),
        ])
        if let newEmail { claims["newEmail"] = .string(newEmail) }
        return signer.sign(claims, secret: record.string("tokenKey") + config.secret)
    }

    /// The unverified claims of a token, or nil when it is not a JWT.
    public func unverifiedClaims(_ token: String) -> JSONObject? {
        signer.unverifiedClaims(of: token)
    }

    /// Whether `token` is a valid, unexpired token of `kind` for this record (PocketBase 0.28.4's
    /// `FindAuthRecordByToken` once the record is found): signature with the record's `tokenKey`
    /// and the kind's secret, and the `type` claim.
    public func verifies(_ token: String, kind: Kind, record: Record, collection: Collection) -> Bool {
        let config = Self.config(kind, of: collection.auth ?? AuthOptions())
        guard let claims = signer.verifiedClaims(of: token, secret: record.string("tokenKey") + config.secret),
              claims["type"]?.stringValue == kind.rawValue
        else { return false }
        if let exp = claims["exp"]?.numberValue, Double(clock.now().unixSeconds) > exp { return false }
        return true
    }

    static func config(_ kind: Kind, of options: AuthOptions) -> TokenConfig {
        switch kind {
        case .auth: options.authToken
        case .file: options.fileToken
        case .verification: options.verificationToken
        case .passwordReset: options.passwordResetToken
        case .emailChange: options.emailChangeToken
        }
    }

    /// The unverified claims of a token: which record and collection it claims to be for.
    public func peek(_ token: String) -> (recordID: String, collectionID: String, kind: String)? {
        guard let claims = signer.unverifiedClaims(of: token),
              let id = claims["id"]?.stringValue, let collectionID = claims["collectionId"]?.stringValue,
              let kind = claims["type"]?.stringValue
        else { return nil }
        return (id, collectionID, kind)
    }

    /// Whether the token's (unverified) `refreshable` claim is true, as Go's `cast.ToBool` reads it.
    public func isRefreshable(_ token: String) -> Bool {
        switch signer.unverifiedClaims(of: token)?["refreshable"] {
        case .bool(let value)?: return value
        case .number(let value)?: return value != 0
        case .string(let text)?: return ["1", "t", "T", "TRUE", "true", "True"].contains(text)
        default: return false
        }
    }

    /// The verified claims of an auth token for this record, or nil when the signature, type or
    /// expiry is wrong. A token without `exp` never expires (PocketBase 0.28.4).
    public func verifiedAuthClaims(_ token: String, record: Record, collection: Collection) -> JSONObject? {
        let options = collection.auth ?? AuthOptions()
        guard let claims = signer.verifiedClaims(of: token, secret: record.string("tokenKey") + options.authToken.secret),
              claims["type"]?.stringValue == Kind.auth.rawValue,
              claims["id"]?.stringValue == record.id,
              claims["collectionId"]?.stringValue == collection.id
        else { return nil }
        if let exp = claims["exp"]?.numberValue, Double(clock.now().unixSeconds) > exp { return nil }
        return claims
    }
}
