/// Encrypts settings at rest exactly as PocketBase does, so either server reads the other's data.
///
/// Contract: AES-256-GCM with the 32-byte `key` as given (its UTF-8 bytes), a random 12-byte nonce,
/// output `base64(nonce || ciphertext || tag)` with standard padding. `decrypt` throws on a wrong key,
/// tampered data or a key that is not 32 bytes.
public protocol SecretCipher: Sendable {
    func encrypt(_ plaintext: [UInt8], key: String) throws -> String
    func decrypt(_ ciphertext: String, key: String) throws -> [UInt8]
}
