public import PocketApplication
public import PocketDomain

/// JSON Web Tokens signed with HMAC-SHA256, byte for byte as PocketBase 0.28.4 (golang-jwt v5) writes them.
///
/// The header is always `{"alg":"HS256","typ":"JWT"}` and the payload is the claims in their given
/// key order, both base64url without padding.
public struct HS256TokenSigner: TokenSigner {
    private static let separator = UInt8(ascii: ".")
    private static let encodedHeader = Base64.rawURL.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))

    /// A stateless signer.
    public init() {}

    /// The signed token carrying `claims`.
    public func sign(_ claims: JSONObject, secret: String) -> String {
        let payload = Base64.rawURL.encode(JSONWriter.bytes(.object(claims)))
        let signingInput = Self.encodedHeader + "." + payload
        let tag = HMACSHA256.tag(key: Array(secret.utf8), message: Array(signingInput.utf8))
        return signingInput + "." + Base64.rawURL.encode(tag)
    }

    /// The claims when `token` has three parts, an HS256 header and a signature made with `secret`;
    /// nil otherwise. Expiry is the caller's business.
    public func verifiedClaims(of token: String, secret: String) -> JSONObject? {
        guard let parts = Self.parts(of: token),
              let header = Self.object(fromSegment: parts.header),
              header["alg"]?.stringValue == "HS256",
              let signature = Base64.rawURL.decode(bytes: parts.signature)
        else { return nil }
        let signingInput = Array(token.utf8.prefix(parts.header.count + 1 + parts.payload.count))
        let expected = HMACSHA256.tag(key: Array(secret.utf8), message: signingInput)
        guard ConstantTime.equals(signature, expected) else { return nil }
        return Self.object(fromSegment: parts.payload)
    }

    /// The claims of any three-part token whose payload is a JSON object, checking nothing else.
    public func unverifiedClaims(of token: String) -> JSONObject? {
        guard let parts = Self.parts(of: token) else { return nil }
        return Self.object(fromSegment: parts.payload)
    }

    private static func parts(of token: String) -> (header: [UInt8], payload: [UInt8], signature: [UInt8])? {
        let pieces = token.utf8.split(separator: separator, maxSplits: 3, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { return nil }
        return (Array(pieces[0]), Array(pieces[1]), Array(pieces[2]))
    }

    private static func object(fromSegment segment: [UInt8]) -> JSONObject? {
        guard let json = Base64.rawURL.decode(bytes: segment) else { return nil }
        return (try? JSONParser.parse(json))?.objectValue
    }
}
