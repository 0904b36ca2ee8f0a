import PocketDomain
import Testing
import PocketCrypto

@Suite("SystemRandom")
struct SystemRandomTests {
    let random = SystemRandom()

    @Test("record ids are 15 characters of [a-z0-9]")
    func recordID() {
        let allowed = Set(Alphabet.lowerAlphanumeric)
        for _ in 0..<100 {
            let id = random.recordID()
            #expect(id.utf8.count == 15)
            #expect(id.utf8.allSatisfy(allowed.contains))
        }
    }

    @Test("secrets have the asked length and stay in [a-zA-Z0-9]")
    func secret() {
        let allowed = Set(Alphabet.alphanumeric)
        let secret = random.secret()
        #expect(secret.utf8.count == 50)
        #expect(secret.utf8.allSatisfy(allowed.contains))
        #expect(random.secret(length: 7).utf8.count == 7)
        #expect(random.secret() != secret)
    }

    @Test("zero length and single-symbol alphabets")
    func edgeCases() {
        #expect(random.string(length: 0, alphabet: Alphabet.digits) == "")
        #expect(random.string(length: 4, alphabet: Array("x".utf8)) == "xxxx")
    }

    @Test("every digit is drawn about equally often")
    func uniform() {
        let text = random.string(length: 20_000, alphabet: Alphabet.digits)
        var counts = [Int](repeating: 0, count: 10)
        for byte in text.utf8 { counts[Int(byte - UInt8(ascii: "0"))] += 1 }
        // Expect 2000 each; a fair draw strays more than 250 (5.9 sigma) practically never.
        #expect(counts.allSatisfy { (1750...2250).contains($0) }, "counts: \(counts)")
    }

    @Test("bytes has the asked count and differs between calls")
    func bytes() {
        #expect(random.bytes(count: 0).isEmpty)
        let first = random.bytes(count: 32)
        #expect(first.count == 32)
        #expect(random.bytes(count: 32) != first)
    }
}
