/// Reading an OpenID Connect `id_token` as PocketBase 0.28.4's generic OIDC provider does when it
/// has no user info URL: the claims are taken unverified (the token came straight from the provider
/// over the token request) but their audience, times and, when configured, issuer are checked.
public enum OIDCIDToken {
    /// Why an id_token was refused.
    public struct Invalid: Error, Equatable, Sendable {
        public let reason: String

        public init(reason: String) { self.reason = reason }
    }

    /// How far `iat`, `nbf` and `exp` may be off (PocketBase's default: 5 minutes).
    public static let leewaySeconds: Double = 300

    /// The token's claims, or `Invalid`.
    public static func claims(of token: String, clientID: String, issuers: [String], now: DateTime)
        throws(Invalid) -> JSONObject {
        guard !token.isEmpty else { throw Invalid(reason: "empty id_token") }
        let segments = token.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count == 3 else { throw Invalid(reason: "token contains an invalid number of segments") }
        guard let headerBytes = Base64.rawURL.decode(segments[0]),
              (try? JSONParser.parse(headerBytes))?.objectValue != nil,
              let payload = Base64.rawURL.decode(segments[1]),
              let claims = (try? JSONParser.parse(payload))?.objectValue
        else { throw Invalid(reason: "token is malformed") }

        let seconds = Double(now.unixMilliseconds) / 1000
        if let exp = try time(claims, "exp"), seconds - leewaySeconds > exp {
            throw Invalid(reason: "token is expired")
        }
        if let iat = try time(claims, "iat"), seconds + leewaySeconds < iat {
            throw Invalid(reason: "token used before issued")
        }
        if let nbf = try time(claims, "nbf"), seconds + leewaySeconds < nbf {
            throw Invalid(reason: "token is not valid yet")
        }
        let audiences: [String] = switch claims["aud"] {
        case .string(let one)?: [one]
        case .array(let many)?: many.compactMap(\.stringValue)
        default: []
        }
        guard audiences.contains(where: { SecretComparison.equals($0, clientID) }) else {
            throw Invalid(reason: "token has invalid audience")
        }
        if !issuers.isEmpty {
            let issuer = claims["iss"]?.stringValue ?? ""
            guard issuers.contains(where: { SecretComparison.equals(issuer, $0) }) else {
                throw Invalid(reason: "token has invalid issuer")
            }
        }
        return claims
    }

    /// A numeric date claim: absent is nil, a non-number is invalid.
    private static func time(_ claims: JSONObject, _ name: String) throws(Invalid) -> Double? {
        switch claims[name] {
        case nil, .null?: return nil
        case .number(let value)?: return value
        default: throw Invalid(reason: "invalid type for claim \(name)")
        }
    }
}

/// Equality of secrets whose duration depends only on the lengths, not on where they differ.
public enum SecretComparison {
    public static func equals(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.utf8), b = Array(rhs.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
