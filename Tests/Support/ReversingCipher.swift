public import PocketApplication
internal import PocketDomain

/// A `SecretCipher` for tests: `<crc32(key)>.<hex of the reversed plaintext>`.
///
/// Not encryption at all, but it keeps the port's contract where tests can see it: the output is
/// text that is not the plaintext (nor JSON), and `decrypt` throws on a wrong key, a key that is
/// not 32 bytes or tampered data.
public struct ReversingCipher: SecretCipher {
    /// Why `decrypt` or `encrypt` refused.
    public enum Failure: Error, Equatable {
        case keyLength, wrongKey, malformed
    }

    public init() {}

    public func encrypt(_ plaintext: [UInt8], key: String) throws -> String {
        guard key.utf8.count == 32 else { throw Failure.keyLength }
        return Self.tag(key) + "." + Hex.encode(plaintext.reversed())
    }

    public func decrypt(_ ciphertext: String, key: String) throws -> [UInt8] {
        guard key.utf8.count == 32 else { throw Failure.keyLength }
        let parts = ciphertext.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let body = Hex.decode(parts[1]) else { throw Failure.malformed }
        guard parts[0] == Self.tag(key) else { throw Failure.wrongKey }
        return body.reversed()
    }

    private static func tag(_ key: String) -> String {
        String(CRC32.checksum(key), radix: 16)
    }
}
