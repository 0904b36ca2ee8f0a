internal import CCrypt
internal import COpenSSL
public import PocketApplication

/// bcrypt password hashes through libxcrypt's `crypt_r`, interchangeable with PocketBase's Go hashes.
///
/// Hashes are written `$2a$<cost>$…` as Go's `golang.org/x/crypto/bcrypt` writes them; `$2a$`,
/// `$2b$` and `$2y$` hashes verify. Every call owns its heap-allocated `crypt_data`, so the hasher is
/// safe to share between threads. Each call costs about 50 ms at cost 10: keep it off the event loop.
public struct BcryptPasswordHasher: PasswordHasher {
    /// The cost used when the caller asks for less than `minimumCost`, as Go does.
    public static let defaultCost = 10
    /// The lowest cost bcrypt accepts.
    public static let minimumCost = 4
    /// The highest cost bcrypt accepts.
    public static let maximumCost = 31
    /// bcrypt reads only this many bytes of a password.
    public static let maximumPasswordBytes = 72

    private static let hashLength = 60
    private static let digestLength = 31
    private static let minorVersions: Set<UInt8> = [UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "y")]

    /// A stateless hasher.
    public init() {}

    /// A new `$2a$` hash of `password` with a random salt.
    ///
    /// A cost below 4 becomes 10 and a cost above 31 throws, as in Go. Passwords over 72 bytes throw
    /// (Go's `ErrPasswordTooLong`), and so do passwords holding a NUL byte, which crypt(3) would cut.
    public func hash(_ password: String, cost: Int) throws -> String {
        let effectiveCost = cost < Self.minimumCost ? Self.defaultCost : cost
        guard effectiveCost <= Self.maximumCost else { throw CryptoError.invalidCost(cost) }
        try Self.checkPassword(password)
        // $2b$ is the same algorithm Go runs for $2a$; libxcrypt's own $2a$ adds a countermeasure for
        // 8-bit passwords of the old buggy implementation, so compute as $2b$ and label it $2a$.
        let setting = try Self.salt(cost: effectiveCost)
        guard let computed = Self.crypt(password, setting: setting), computed.count == Self.hashLength else {
            throw CryptoError.libraryFailure("crypt_r rejected a fresh bcrypt salt")
        }
        return "$2a" + String(decoding: computed.dropFirst(3), as: UTF8.self)
    }

    /// True when `password` produces `hash`; false for a malformed hash or a wrong password.
    ///
    /// Passwords over 72 bytes are refused outright: Go would compare only their first 72 bytes, but
    /// such a password can never have been hashed, so refusing loses nothing and admits no
    /// "right prefix, any suffix" match. Passwords with a NUL byte are refused for the same reason.
    public func verify(_ password: String, against hash: String) -> Bool {
        guard (try? Self.checkPassword(password)) != nil else { return false }
        let stored = Array(hash.utf8)
        guard Self.isWellFormed(stored) else { return false }
        let setting = "$2b" + String(decoding: stored.dropFirst(3), as: UTF8.self)
        guard let computed = Self.crypt(password, setting: setting), computed.count == Self.hashLength else {
            return false
        }
        // crypt_r rewrites a salt's unused low bits, so compare the digest only (as Go's bcrypt does).
        return ConstantTime.equals(computed.suffix(Self.digestLength), stored.suffix(Self.digestLength))
    }

    private static func checkPassword(_ password: String) throws {
        let count = password.utf8.count
        guard count <= maximumPasswordBytes else { throw CryptoError.passwordTooLong(byteCount: count) }
        guard !password.utf8.contains(0) else { throw CryptoError.passwordContainsNUL }
    }

    /// `$2<a|b|y>$<two-digit cost 4...31>$<53 symbols of bcrypt's base64>`.
    private static func isWellFormed(_ stored: [UInt8]) -> Bool {
        guard stored.count == hashLength, stored[0] == UInt8(ascii: "$"), stored[1] == UInt8(ascii: "2"),
              minorVersions.contains(stored[2]), stored[3] == UInt8(ascii: "$"), stored[6] == UInt8(ascii: "$")
        else { return false }
        let digits = stored[4...5]
        guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return false }
        let cost = Int(digits.first! - UInt8(ascii: "0")) * 10 + Int(digits.last! - UInt8(ascii: "0"))
        guard (minimumCost...maximumCost).contains(cost) else { return false }
        return stored[7...].allSatisfy(isBcryptSymbol)
    }

    private static func isBcryptSymbol(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "/"):
            return true
        default:
            return false
        }
    }

    private static func salt(cost: Int) throws -> String {
        var output = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        let entropy = SystemRandom().bytes(count: 16)
        let result = entropy.withUnsafeBytes { random in
            output.withUnsafeMutableBufferPointer { buffer in
                crypt_gensalt_rn("$2b$", UInt(cost), random.baseAddress?.assumingMemoryBound(to: CChar.self),
                                 Int32(random.count), buffer.baseAddress, Int32(buffer.count))
            }
        }
        guard result != nil else { throw CryptoError.libraryFailure("crypt_gensalt_rn failed for cost \(cost)") }
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The output of `crypt_r`, or nil when it reports failure (a `*`-prefixed string or NULL).
    private static func crypt(_ password: String, setting: String) -> [UInt8]? {
        let size = MemoryLayout<crypt_data>.size
        // crypt_data is 32 KB: keep it off the (possibly small) stack of a worker thread.
        let raw = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: MemoryLayout<crypt_data>.alignment)
        raw.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        defer {
            OPENSSL_cleanse(raw, size)
            raw.deallocate()
        }
        let data = raw.bindMemory(to: crypt_data.self, capacity: 1)
        guard let output = crypt_r(password, setting, data) else { return nil }
        let bytes = Array(String(cString: output).utf8)
        guard bytes.first == UInt8(ascii: "$") else { return nil }
        return bytes
    }
}
