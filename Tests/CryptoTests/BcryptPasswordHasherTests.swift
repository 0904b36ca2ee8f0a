import Testing
import PocketCrypto

@Suite("BcryptPasswordHasher")
struct BcryptPasswordHasherTests {
    let hasher = BcryptPasswordHasher()

    // PocketBase 0.28.4 (Go's x/crypto/bcrypt) hashed "supersecret123" at cost 10.
    static let pocketBaseHash = "$2a$10$MbXua91mMmHwsc7rm.D8/.uYuskjl5FBwAVkC4LBqwn08hOnnxQWS"

    @Test("verifies a hash PocketBase wrote")
    func verifiesPocketBaseHash() {
        #expect(hasher.verify("supersecret123", against: Self.pocketBaseHash))
        #expect(!hasher.verify("wrong", against: Self.pocketBaseHash))
    }

    @Test("writes $2a$ hashes of the given cost that verify, with a fresh salt each time")
    func hashAndVerify() throws {
        let hash = try hasher.hash("p@ssw0rd ü", cost: 4)
        #expect(hash.hasPrefix("$2a$04$"))
        #expect(hash.utf8.count == 60)
        #expect(hasher.verify("p@ssw0rd ü", against: hash))
        #expect(!hasher.verify("p@ssw0rd u", against: hash))
        #expect(!hasher.verify("", against: hash))
        #expect(try hasher.hash("p@ssw0rd ü", cost: 4) != hash)
    }

    @Test("the $2b$ and $2y$ labels of the same hash verify too")
    func otherMinorVersions() throws {
        let hash = try hasher.hash("secret", cost: 4)
        for label in ["$2b$", "$2y$"] {
            let relabelled = label + hash.dropFirst(4)
            #expect(hasher.verify("secret", against: relabelled))
            #expect(!hasher.verify("Secret", against: relabelled))
        }
    }

    @Test("malformed hashes never verify", arguments: [
        "", "supersecret123", "$2a$10$", String(pocketBaseHash.dropLast()), pocketBaseHash + "x",
        "$2x$10$MbXua91mMmHwsc7rm.D8/.uYuskjl5FBwAVkC4LBqwn08hOnnxQWS",
        "$2a$99$MbXua91mMmHwsc7rm.D8/.uYuskjl5FBwAVkC4LBqwn08hOnnxQWS",
        "$2a$03$MbXua91mMmHwsc7rm.D8/.uYuskjl5FBwAVkC4LBqwn08hOnnxQWS",
        "$2a$1x$MbXua91mMmHwsc7rm.D8/.uYuskjl5FBwAVkC4LBqwn08hOnnxQWS",
        "$2a$10$MbXua91mMmHwsc7rm.D8/.uYuskjl5FBwAVkC4LBqwn08hOnnxQW!",
        "$1$saltsalt$qjXMvbEw8oaL.CzflDugX/",
    ])
    func malformed(hash: String) {
        #expect(!hasher.verify("supersecret123", against: hash))
    }

    @Test("costs below 4 fall back to 10 and costs above 31 are refused, as in Go")
    func costBounds() throws {
        #expect(try hasher.hash("x", cost: 0).hasPrefix("$2a$10$"))
        #expect(throws: CryptoError.invalidCost(32)) { try hasher.hash("x", cost: 32) }
    }

    @Test("passwords over 72 bytes are refused by hash and never verify")
    func longPasswords() throws {
        let longest = String(repeating: "a", count: 72)
        let hash = try hasher.hash(longest, cost: 4)
        #expect(hasher.verify(longest, against: hash))
        #expect(throws: CryptoError.passwordTooLong(byteCount: 73)) { try hasher.hash(longest + "b", cost: 4) }
        // Go would compare only the first 72 bytes and accept this; refusing is the safer reading.
        #expect(!hasher.verify(longest + "b", against: hash))
    }

    @Test("passwords with a NUL byte are refused, since crypt(3) would cut them short")
    func nulBytes() throws {
        #expect(throws: CryptoError.passwordContainsNUL) { try hasher.hash("ab\u{0}cd", cost: 4) }
        let hash = try hasher.hash("ab", cost: 4)
        #expect(!hasher.verify("ab\u{0}cd", against: hash))
    }
}
