public import PocketDomain

/// Signs and reads JSON Web Tokens with HS256.
///
/// Contract: `sign` writes `{"alg":"HS256","typ":"JWT"}` as the header and the claims as given;
/// `verifiedClaims` returns the claims only when the token has three base64url parts, its header's
/// `alg` is HS256 and the signature matches `secret` (compared in constant time); it does not look
/// at `exp` (the caller does). `unverifiedClaims` decodes the payload without checking anything.
public protocol TokenSigner: Sendable {
    func sign(_ claims: JSONObject, secret: String) -> String
    func verifiedClaims(of token: String, secret: String) -> JSONObject?
    func unverifiedClaims(of token: String) -> JSONObject?
}
