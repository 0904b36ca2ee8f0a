public import PocketApplication
public import PocketDomain

/// A deterministic `TokenSigner` for tests: `<hex header>.<hex claims JSON>.<hex checksum>`, where
/// the checksum is CRC-32 of the secret and the first two parts.
///
/// It keeps the port's contract (three parts, the HS256 header, a signature that depends on the
/// secret, `exp` left to the caller) without real cryptography; never use it outside tests.
public struct FakeTokenSigner: TokenSigner {
    static let header = #"{"alg":"HS256","typ":"JWT"}"#

    public init() {}

    public func sign(_ claims: JSONObject, secret: String) -> String {
        Self.token(header: Self.header, payload: JSONWriter.string(.object(claims)), secret: secret)
    }

    public func verifiedClaims(of token: String, secret: String) -> JSONObject? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
              let header = Hex.decode(parts[0]), String(decoding: header, as: UTF8.self) == Self.header,
              parts[2] == Self.signature(input: parts[0] + "." + parts[1], secret: secret)
        else { return nil }
        return unverifiedClaims(of: token)
    }

    public func unverifiedClaims(of token: String) -> JSONObject? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let payload = Hex.decode(parts[1]),
              case .object(let claims)? = try? JSONParser.parse(payload)
        else { return nil }
        return claims
    }

    /// A token with any header and payload text, signed with `secret` (for crafting bad tokens).
    public static func token(header: String, payload: String, secret: String) -> String {
        let input = Hex.encode(Array(header.utf8)) + "." + Hex.encode(Array(payload.utf8))
        return input + "." + signature(input: input, secret: secret)
    }

    private static func signature(input: String, secret: String) -> String {
        String(CRC32.checksum(secret + "|" + input), radix: 16)
    }
}
