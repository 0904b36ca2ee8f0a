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

    /// A new auth token for the record.
    public func authToken(for record: Record, in collection: Collection, refreshable: Bool = true) -> String {
        let options = collection.auth ?? AuthOptions()
        let claims = JSONObject([
            ("collectionId", .string(collection.id)),
            ("exp", .number(Double(clock.now().unixSeconds + Int64(options.authToken.duration)))),
            ("id", .string(record.id)),
            ("refreshable", .bool(refreshable)),
            ("type", .string(Kind.auth.rawValue)),
        ])
        return signer.sign(claims, secret: record.string("tokenKey") + options.authToken.secret)
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
