import PocketDomain
import Testing

@Suite("the client address behind a trusted proxy")
struct TrustedProxyTests {
    @Test("IP text is expanded as Go's StringExpanded writes it", arguments: [
        ("1.2.3.4", "1.2.3.4"), ("::1", "0000:0000:0000:0000:0000:0000:0000:0001"),
        ("2001:db8::8a2e:370:7334", "2001:0db8:0000:0000:0000:8a2e:0370:7334"),
        ("::ffff:1.2.3.4", "0000:0000:0000:0000:0000:ffff:0102:0304"),
        ("fe80::1%eth0", "fe80:0000:0000:0000:0000:0000:0000:0001%eth0"),
    ])
    func expanded(text: String, expected: String) {
        #expect(IPAddressText.expanded(text) == expected)
    }

    @Test("what is not an IP address is refused",
          arguments: ["", "1.2.3", "1.2.3.4.5", "01.2.3.4", "256.1.1.1", "1::2::3", "12345::", "x", "1.2.3.4 ", "::g", "fe80::1%"])
    func refused(text: String) {
        #expect(IPAddressText.expanded(text) == nil)
    }

    @Test("the last header value's rightmost valid IP wins; leftmost on request; the peer otherwise")
    func choice() {
        let headers = ["X-Forwarded-For": ["9.9.9.9", "1.1.1.1, bogus, 2.2.2.2 , junk"]]
        let values: (String) -> [String] = { headers[$0] ?? [] }
        #expect(TrustedProxy(headers: ["X-Forwarded-For"]).clientIP(remoteIP: "127.0.0.1", values: values) == "2.2.2.2")
        #expect(TrustedProxy(headers: ["X-Forwarded-For"], useLeftmostIP: true)
            .clientIP(remoteIP: "127.0.0.1", values: values) == "1.1.1.1")
        #expect(TrustedProxy(headers: ["X-Real-IP", "X-Forwarded-For"]).clientIP(remoteIP: "p", values: values) == "2.2.2.2")
        #expect(TrustedProxy(headers: ["X-Real-IP"]).clientIP(remoteIP: "127.0.0.1", values: values) == "127.0.0.1")
        #expect(TrustedProxy().clientIP(remoteIP: "127.0.0.1", values: values) == "127.0.0.1")
        #expect(TrustedProxy(headers: ["H"]).clientIP(remoteIP: "p") { _ in ["nothing, valid"] } == "p")
    }
}
