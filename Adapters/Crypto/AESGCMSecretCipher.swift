internal import COpenSSL
public import PocketApplication
internal import PocketDomain

/// AES-256-GCM through OpenSSL's EVP interface, in PocketBase's `security.Encrypt` format.
///
/// The output is `base64(nonce || ciphertext || tag)`, standard alphabet with padding, with a
/// random 12-byte nonce and a 16-byte tag, so either server decrypts the other's settings.
public struct AESGCMSecretCipher: SecretCipher {
    /// The key length in bytes (AES-256).
    public static let keyLength = 32
    /// The nonce length in bytes (GCM's standard nonce, as Go's `cipher.NewGCM`).
    public static let nonceLength = 12
    /// The authentication tag length in bytes.
    public static let tagLength = 16

    /// A stateless cipher.
    public init() {}

    /// The sealed, base64-encoded form of `plaintext` under `key`.
    public func encrypt(_ plaintext: [UInt8], key: String) throws -> String {
        let keyBytes = try Self.keyBytes(key)
        let nonce = SystemRandom().bytes(count: Self.nonceLength)
        var sealed = nonce
        try Self.withContext { context in
            guard EVP_EncryptInit_ex(context, EVP_aes_256_gcm(), nil, keyBytes, nonce) == 1 else {
                throw CryptoError.libraryFailure("EVP_EncryptInit_ex failed")
            }
            var ciphertext = [UInt8](repeating: 0, count: plaintext.count + Self.tagLength)
            var written: Int32 = 0
            if !plaintext.isEmpty {
                guard EVP_EncryptUpdate(context, &ciphertext, &written, plaintext, Int32(plaintext.count)) == 1 else {
                    throw CryptoError.libraryFailure("EVP_EncryptUpdate failed")
                }
            }
            var finalWritten: Int32 = 0
            let finalStatus = ciphertext.withUnsafeMutableBufferPointer { buffer in
                EVP_EncryptFinal_ex(context, buffer.baseAddress! + Int(written), &finalWritten)
            }
            guard finalStatus == 1 else { throw CryptoError.libraryFailure("EVP_EncryptFinal_ex failed") }
            var tag = [UInt8](repeating: 0, count: Self.tagLength)
            guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(Self.tagLength), &tag) == 1 else {
                throw CryptoError.libraryFailure("EVP_CTRL_GCM_GET_TAG failed")
            }
            sealed.append(contentsOf: ciphertext.prefix(Int(written + finalWritten)))
            sealed.append(contentsOf: tag)
        }
        return Base64.standard.encode(sealed)
    }

    /// The plaintext sealed in `ciphertext`; throws on a wrong key, tampered or malformed data, or
    /// a key that is not 32 bytes.
    public func decrypt(_ ciphertext: String, key: String) throws -> [UInt8] {
        let keyBytes = try Self.keyBytes(key)
        guard let sealed = Base64.standard.decode(ciphertext),
              sealed.count >= Self.nonceLength + Self.tagLength
        else { throw CryptoError.malformedCiphertext }
        let nonce = Array(sealed.prefix(Self.nonceLength))
        let body = Array(sealed.dropFirst(Self.nonceLength).dropLast(Self.tagLength))
        var tag = Array(sealed.suffix(Self.tagLength))
        return try Self.withContext { context in
            guard EVP_DecryptInit_ex(context, EVP_aes_256_gcm(), nil, keyBytes, nonce) == 1 else {
                throw CryptoError.libraryFailure("EVP_DecryptInit_ex failed")
            }
            var plaintext = [UInt8](repeating: 0, count: body.count + Self.tagLength)
            var written: Int32 = 0
            if !body.isEmpty {
                guard EVP_DecryptUpdate(context, &plaintext, &written, body, Int32(body.count)) == 1 else {
                    throw CryptoError.authenticationFailed
                }
            }
            guard EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(Self.tagLength), &tag) == 1 else {
                throw CryptoError.libraryFailure("EVP_CTRL_GCM_SET_TAG failed")
            }
            var finalWritten: Int32 = 0
            let finalStatus = plaintext.withUnsafeMutableBufferPointer { buffer in
                EVP_DecryptFinal_ex(context, buffer.baseAddress! + Int(written), &finalWritten)
            }
            guard finalStatus == 1 else {
                OPENSSL_cleanse(&plaintext, plaintext.count)
                throw CryptoError.authenticationFailed
            }
            return Array(plaintext.prefix(Int(written + finalWritten)))
        }
    }

    private static func keyBytes(_ key: String) throws -> [UInt8] {
        let bytes = Array(key.utf8)
        // PocketBase 0.28.4 hands the key to aes.NewCipher, which would also take 16 or 24 bytes
        // (AES-128/192); its docs and this port require 32.
        guard bytes.count == keyLength else { throw CryptoError.invalidKeyLength(bytes.count) }
        return bytes
    }

    private static func withContext<T>(_ body: (OpaquePointer) throws -> T) throws -> T {
        guard let context = EVP_CIPHER_CTX_new() else { throw CryptoError.libraryFailure("EVP_CIPHER_CTX_new failed") }
        defer { EVP_CIPHER_CTX_free(context) }
        return try body(context)
    }
}
