/// Why a crypto adapter refused its input or could not finish.
public enum CryptoError: Error, Sendable, Equatable {
    /// bcrypt reads at most 72 bytes; Go's bcrypt refuses to hash a longer password, and so do we.
    case passwordTooLong(byteCount: Int)
    /// The password holds a NUL byte, which crypt(3) cannot see past.
    case passwordContainsNUL
    /// The bcrypt cost is above 31.
    case invalidCost(Int)
    /// The cipher key is not exactly 32 bytes of UTF-8.
    case invalidKeyLength(Int)
    /// The ciphertext is not base64, or too short to hold a nonce and a tag.
    case malformedCiphertext
    /// The tag did not match: wrong key or tampered data.
    case authenticationFailed
    /// The C library reported an error it should not have (out of memory, bad state).
    case libraryFailure(String)
}
