import Testing
import PocketDomain

@Suite("Base64")
struct Base64Tests {
    @Test("standard encoding matches RFC 4648 vectors", arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ])
    func standardVectors(plain: String, encoded: String) {
        #expect(Base64.standard.encode(Array(plain.utf8)) == encoded)
        #expect(Base64.standard.decode(encoded) == Array(plain.utf8))
    }

    @Test("raw URL encoding uses -_ and drops padding")
    func rawURL() {
        #expect(Base64.rawURL.encode([0xFB, 0xFF]) == "-_8")
        #expect(Base64.standard.encode([0xFB, 0xFF]) == "+/8=")
        #expect(Base64.rawURL.decode("-_8") == [0xFB, 0xFF])
        #expect(Base64.rawURL.encode(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Base64.rawURL.decode("Zg") == Array("f".utf8))
    }

    @Test("invalid input decodes to nil", arguments: [
        "Zg=", "Zg", "Z===", "Zm9v!", "Zm9=Yg==", "=", "Zg==Zg==", "-_8=",
    ])
    func invalidStandard(text: String) {
        #expect(Base64.standard.decode(text) == nil)
    }

    @Test("raw URL rejects padding, standard symbols and impossible lengths", arguments: ["Zg==", "+/8", "Z", "Zm9vY"])
    func invalidRawURL(text: String) {
        #expect(Base64.rawURL.decode(text) == nil)
    }

    @Test("every byte value survives a round trip in both flavours")
    func roundTrip() {
        let bytes = (0...255).map { UInt8($0) }
        for length in [0, 1, 2, 3, 31, 32, 256] {
            let slice = Array(bytes.prefix(length))
            #expect(Base64.standard.decode(Base64.standard.encode(slice)) == slice)
            #expect(Base64.rawURL.decode(Base64.rawURL.encode(slice)) == slice)
        }
    }
}
