internal import COpenSSL

/// HMAC-SHA256 through OpenSSL's one-shot `HMAC()`.
enum HMACSHA256 {
    /// The length of a tag in bytes.
    static let tagLength = 32

    /// The 32-byte tag of `message` under `key`; an empty key is allowed, as Go's `hmac.New` allows it.
    static func tag(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var tag = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        // OpenSSL 3 treats a NULL key as "no key"; pass a real (zero-length) buffer instead.
        let keyBytes = key.isEmpty ? [0] : key
        let result = keyBytes.withUnsafeBytes { keyBuffer in
            message.withUnsafeBufferPointer { messageBuffer in
                tag.withUnsafeMutableBufferPointer { tagBuffer in
                    HMAC(EVP_sha256(), keyBuffer.baseAddress, Int32(key.count),
                         messageBuffer.baseAddress, messageBuffer.count,
                         tagBuffer.baseAddress, &length)
                }
            }
        }
        precondition(result != nil && length == UInt32(tagLength), "HMAC-SHA256 failed in OpenSSL")
        return Array(tag.prefix(tagLength))
    }
}
