import PocketDomain
import Testing
@testable import PocketCrypto

@Suite("AESGCMSecretCipher")
struct AESGCMSecretCipherTests {
    let cipher = AESGCMSecretCipher()
    static let key = "0123456789abcdef0123456789abcdef"

    // PocketBase 0.28.4: the settings row written by `superuser upsert … --encryptionEnv K` with K = key.
    static let pocketBaseSettings = """
        ghkCIH8ze+fGi86RLUsEsJJiHUFDFsuU61e1QIEpdVC3g14BjnFQZANBktn7+M5JZVQHfPhBNqB7jomC3D7uOa1ersYndrK1\
        dFc6vmSvK+ilNfwdNB0he5daQmNR5PN/8m/67tVgk+6hAnDIhWqJdDkXxRNP9DQqyZ8PnOcj8ItulYA6FCIqicuxRp0NE22I\
        DDYjbON79i4ILlt3BINg4g5MCKyAmKLcMjP8+LN/k0yO038HpRFmzVeY9zlIDI3waczaZZDV/ZpJgubFnRogU4RYSlR+5fY7\
        +WGY+bhMc7aict+Vnqj0mqZHf+BCKQvb5CjF6Usjsj4B90OFB5oaIFZS+0i/Ln7x43/2dXoH0egvXW9paf230WeFFmR8dlZI\
        2v3ZpAxHHlfqK3e+mTHECHH3vLlmTXmp3mwvQv/akLLJUj0FbqRLeWPms1BxPgDnDTlKcCYmsZk25lMMdfqaFohxclutvt/J\
        WulJ1C+n/yzh4/GzShM9OyWvwLXE4V31TmgYQArPWxb8aULdoD3xoC4i7+phWVzy6tImLRp1BVuXFUvLIuI3cBx80z3YJtac\
        LJmMo8lyph1bZ50SI2SE8PtxSorbDNsVgueakqZYOEQ6rQMcx+rEQ+Oo72S7zM590B9O0g/8OgFyElbcXN5qK8UHkzlUtUUo\
        0lK8OuJdANPyn6kAcQRContc/PLxnbL3FqlMtxCigKw8o0yGTk4gNY5vXsuFyVk4ctwafoffpzlONLY+An7c0nc6MxypxPEi\
        e/MK03shfhnDC0bVIKLbSJDZ4YOsZnkLXVEeRdhXrq2mJEloU+bh71nCoHdO8404Yq7wRX81b0SFlCSD/v72t0hyWSmvkNnQ\
        NfGoG4TzQ4/L+CZ03DQyoLl7QwS23jkMeKjiobOwuOFa7eW0WqgkY9y113uqiNrhwuFw4dVadge5UGhYdRhEFurAPgViO0FS\
        a2StRMDaUc8aRpYfS/98V5IldQj5tiZ5hNmK4HxasUBX/1vv9sKo2P1RMpv6jx5yDX3X5N3Urp36hYXnFg1/5tt51Hgaj62s\
        bf7uAPh/hzU33yZmfSDyuS24bO1Ou8kZTFS4aoga8WGxoQIlWXhqRiquwraSWBaXnl2q4oY5AaQWZyILbhgsK7ti4P6lk8YQ\
        dqESMjaVafa5+qJx6Z998pPBJkjO45RvYIi9eoniuzTD1OPOKqjfbJ5i1o/mnNpLciF4jOlt5Lko9ZsLQzKJNtCzOWLm+84A\
        3RPkuA7sEPGf+ApvXmfF//nbHpRkPrT+QOWn9IVbnAKWNV3pZ3Px2VkJYg4yGSgU/zVPvUCYGSbJuAUmZ6S7/R2yIIAFlIBJ\
        H6hq
        """

    @Test("decrypts settings PocketBase encrypted")
    func decryptsPocketBase() throws {
        let plain = try cipher.decrypt(Self.pocketBaseSettings, key: Self.key)
        let text = String(decoding: plain, as: UTF8.self)
        #expect(text.hasPrefix(#"{"smtp":{"enabled":false,"port":587,"host":"smtp.example.com""#))
        #expect(text.hasSuffix("}"))
    }

    @Test("round-trips any plaintext, including an empty one")
    func roundTrip() throws {
        for plain in [[], Array("hello".utf8), (0..<1000).map { UInt8($0 % 256) }] as [[UInt8]] {
            let sealed = try cipher.encrypt(plain, key: Self.key)
            #expect(try cipher.decrypt(sealed, key: Self.key) == plain)
        }
    }

    @Test("output is padded base64 of nonce, ciphertext and tag, with a fresh nonce each time")
    func outputFormat() throws {
        let plain = Array("settings".utf8)
        let first = try cipher.encrypt(plain, key: Self.key)
        let second = try cipher.encrypt(plain, key: Self.key)
        let decoded = try #require(Base64.standard.decode(first))
        #expect(decoded.count == 12 + plain.count + 16)
        #expect(first.count % 4 == 0)
        #expect(first != second)
        #expect(Base64.standard.decode(second)?.prefix(12) != decoded.prefix(12))
    }

    @Test("a wrong key fails authentication")
    func wrongKey() throws {
        #expect(throws: CryptoError.authenticationFailed) {
            try cipher.decrypt(Self.pocketBaseSettings, key: "0123456789abcdef0123456789abcdeX")
        }
        // A nonce and a tag of zeros around an empty message: well-formed, but not authentic.
        #expect(throws: CryptoError.authenticationFailed) {
            try cipher.decrypt(Base64.standard.encode([UInt8](repeating: 0, count: 28)), key: Self.key)
        }
    }

    @Test("tampering with nonce, ciphertext or tag fails authentication", arguments: [0, 20, -1])
    func tampered(position: Int) throws {
        var bytes = try #require(Base64.standard.decode(Self.pocketBaseSettings))
        let index = position >= 0 ? position : bytes.count + position
        bytes[index] ^= 0x01
        #expect(throws: CryptoError.authenticationFailed) {
            try cipher.decrypt(Base64.standard.encode(bytes), key: Self.key)
        }
    }

    @Test("keys that are not exactly 32 bytes are refused", arguments: ["", "0123456789abcdef", "0123456789abcdef0123456789abcdef0"])
    func wrongKeyLength(key: String) {
        let length = key.utf8.count
        #expect(throws: CryptoError.invalidKeyLength(length)) { try cipher.encrypt([1, 2, 3], key: key) }
        #expect(throws: CryptoError.invalidKeyLength(length)) { try cipher.decrypt(Self.pocketBaseSettings, key: key) }
    }

    @Test("non-base64 or too-short input is malformed", arguments: ["not base64!", "AAAA", "", String(repeating: "A", count: 36)])
    func malformed(text: String) {
        #expect(throws: CryptoError.malformedCiphertext) { try cipher.decrypt(text, key: Self.key) }
    }
}
