import PocketDomain
import Testing

@Suite("HTML to plain text (PocketBase's html2Text)")
struct HTMLTextTests {
    @Test("blocks, links, lists, breaks and skipped tags", arguments: [
        ("<p>Hello,</p>\n<p>Click <a href=\"https://x.test/a\">here</a> now</p>", "Hello, \r\nClick [here](https://x.test/a) now"),  // the newline between blocks stays a space
        ("<ul><li>one</li><li>two</li></ul>", "- one\r\n- two"),
        ("a<br/>b<br><br>c", "a\r\nb\r\n\r\nc"),
        ("<style>p { color: red }</style><p>x</p><script>alert(1)</script>", "x"),
        ("<p>  many    spaces\n\tand lines </p>", "many spaces and lines"),
        ("<a href=\"\"> </a>", "[LINK]"),
        ("<p>Tom &amp; Jerry &lt;3 &#39;hi&#39;</p>", "Tom & Jerry <3 'hi'"),
        ("<strong>bold</strong> <em>it</em>", "bold it"),
    ])
    func conversions(html: String, text: String) {
        #expect(HTMLText.plainText(fromHTML: html) == text)
    }

    @Test("the mail layout's head and style are left out")
    func layout() {
        let text = HTMLText.plainText(fromHTML: MailLayout.wrap("<p>Thank you for joining us at Acme.</p>"))
        #expect(text == "Thank you for joining us at Acme.")
    }
}
