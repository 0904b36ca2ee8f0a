/// How a sign-in proved the caller's identity; MFA sessions remember it so the second factor must
/// be a different one (PocketBase 0.28.4's `_mfas.method` values).
public enum AuthMethod: String, Sendable, Equatable {
    case password
    case otp
    case oauth2
}
