import Testing
@testable import PocketDomain

@Suite("EmailAddress")
struct EmailAddressTests {
    @Test("valid addresses", arguments: [
        "a@example.com", "first.last+tag@sub.example.co.uk", "x_y-z@my-domain.io", "o'neil@example.org",
        "user@mail_server.example.com", "user@example.com.", "üser@exämple.de", "1@2.example.com",
        "{weird}!#$%&*=?^`|~@example.com",
    ])
    func valid(text: String) {
        #expect(EmailAddress.isValid(text))
    }

    @Test("invalid addresses", arguments: [
        "bad", "bad@", "@example.com", "", "a@b", "user@localhost", "a b@c.com", "a@b .com", "a@@b.com", "a@b@c.com",
        ".a@b.com", "a.@b.com", "a..b@c.com", "a@-b.com", "a@b-.com", "a@b..com", "a@.b.com", "a@b.c1", "a@1.2.3.4",
        "a@b.com..", "a(b)@c.com", "a@b.c_", "\t@b.com", "a\n@b.com",
    ])
    func invalid(text: String) {
        #expect(!EmailAddress.isValid(text))
    }

    @Test("length limits: 64 bytes of local part, 254 in all")
    func lengths() {
        let local64 = String(repeating: "a", count: 64)
        #expect(EmailAddress.isValid(local64 + "@example.com"))
        #expect(!EmailAddress.isValid(local64 + "a@example.com"))
        let label = String(repeating: "d", count: 63)
        let long = "a@" + [label, label, label, String(repeating: "e", count: 56), "com"].joined(separator: ".")
        #expect(long.utf8.count == 254)
        #expect(EmailAddress.isValid(long))
        #expect(!EmailAddress.isValid("a" + long))
        #expect(!EmailAddress.isValid("a@" + String(repeating: "d", count: 64) + ".com"))
    }
}
