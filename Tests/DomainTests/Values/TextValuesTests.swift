import Testing
@testable import PocketDomain

@Suite("Text values")
struct TextValuesTests {
    static let plain = valueField(["type": "text", "name": "t"])
    static let strict = valueField(["type": "text", "name": "t", "min": 3, "max": 5, "pattern": "^[a-z]+$"])

    @Test("coercion to text follows cast.ToString", arguments: [
        ("hi", "hi"), (12.5, "12.5"), (7, "7"), (true, "true"), (false, "false"), (nil, ""), (["a"], ""),
        (["a": 1], ""), (-0.0, "-0"),
        // PocketBase 0.28.4: numbers never use exponents when turned into text
        (1e21, "1000000000000000000000"), (1e-7, "0.0000001"), (0.000001, "0.000001"),
        (123456789.123, "123456789.123"),
    ] as [(JSONValue, String)])
    func normalize(raw: JSONValue, expected: String) {
        #expect(Self.plain.normalize(raw) == .string(expected))
    }

    @Test("validation codes", arguments: [
        ("", nil), ("abc", nil), ("ab", "validation_min_text_constraint"), ("abcdef", "validation_max_text_constraint"),
        ("ABC", "validation_invalid_format"), ("abc1", "validation_invalid_format"),
        // lengths count characters, not bytes
        ("äöü", "validation_invalid_format"),
    ] as [(String, String?)])
    func validation(value: String, code: String?) {
        #expect(failureCode(Self.strict, .string(value)) == code)
    }

    @Test("messages and params")
    func messages() {
        let short = Self.strict.validate("ab", context: .creating)
        #expect(short == ValidationError(code: "validation_min_text_constraint", message: "Must be at least 3 character(s).",
                                         params: JSONObject([("min", 3)])))
        let long = Self.plain.validate(.string(String(repeating: "x", count: 5001)), context: .creating)
        #expect(long == ValidationError(code: "validation_max_text_constraint", message: "Must be no more than 5000 character(s).",
                                        params: JSONObject([("max", 5000)])))
        #expect(Self.strict.validate("ABC", context: .creating)?.message == "Invalid value format.")
    }

    @Test("required text rejects the empty string only")
    func required() {
        let field = valueField(["type": "text", "name": "t", "required": true])
        #expect(failureCode(field, "") == "validation_required")
        #expect(failureCode(field, nil) == "validation_required")
        #expect(failureCode(field, " ") == nil)
    }

    @Test("patterns use ASCII classes like Go's RE2")
    func asciiClasses() {
        // PocketBase 0.28.4: ^\w+$ refuses "日本語"
        let field = valueField(["type": "text", "name": "t", "pattern": #"^\w+$"#])
        #expect(failureCode(field, "日本語") == "validation_invalid_format")
        #expect(failureCode(field, "abc_1") == nil)
        let search = valueField(["type": "text", "name": "t", "pattern": "b"])
        #expect(failureCode(search, "abc") == nil)
    }

    @Test("primary keys: forbidden characters on create, no change on update")
    func primaryKey() {
        let id = valueField(["type": "text", "name": "id", "primaryKey": true, "required": true, "min": 15, "max": 15,
                             "pattern": "^[a-z0-9]+$", "system": true])
        #expect(failureCode(id, "abc") == "validation_min_text_constraint")
        #expect(failureCode(id, "abcdefghijklmnop") == "validation_max_text_constraint")
        #expect(failureCode(id, "ABCDEFGHIJKLMNO") == "validation_invalid_format")
        #expect(failureCode(id, "abcdefghijklm/o") == "validation_pk_forbidden")
        #expect(id.validate("abcdefghijklm/o", context: .creating)?.params == JSONObject([("forbidden", "/")]))
        let update = FieldValueContext(isNew: false, oldValue: "aaaaaaaaaaaaaaa")
        #expect(id.validate("bbbbbbbbbbbbbbb", context: update)?.code == "validation_pk_change")
        #expect(id.validate("aaaaaaaaaaaaaaa", context: update) == nil)
    }
}

@Suite("Email values")
struct EmailValuesTests {
    static let only = valueField(["type": "email", "name": "e", "onlyDomains": ["ok.com"]])
    static let except = valueField(["type": "email", "name": "e", "exceptDomains": ["bad.com"]])

    @Test("coercion is cast.ToString", arguments: [("a@b.co", "a@b.co"), (5, "5"), (nil, ""), ([1], "")] as [(JSONValue, String)])
    func normalize(raw: JSONValue, expected: String) {
        #expect(Self.except.normalize(raw) == .string(expected))
    }

    @Test("validation codes", arguments: [
        ("", nil), ("a@b.co", nil), ("A@B.CO", nil), ("a+b@x.com", nil), ("a@x.com.", nil),
        ("not-an-email", "validation_is_email"), ("a@b", "validation_is_email"), ("a..b@x.com", "validation_is_email"),
        ("a@b.c1", "validation_is_email"), ("x@bad.com", "validation_email_domain_not_allowed"),
        // PocketBase 0.28.4: the domain lists compare case-sensitively
        ("x@BAD.com", nil),
    ] as [(String, String?)])
    func validation(value: String, code: String?) {
        #expect(failureCode(Self.except, .string(value)) == code)
    }

    @Test("only-domains and messages")
    func onlyDomains() {
        #expect(failureCode(Self.only, "x@ok.com") == nil)
        #expect(Self.only.validate("x@other.com", context: .creating)
            == ValidationError(code: "validation_email_domain_not_allowed", message: "Email domain is not allowed."))
        #expect(Self.only.validate("bad", context: .creating)?.message == "Must be a valid email address.")
        let required = valueField(["type": "email", "name": "e", "required": true])
        #expect(failureCode(required, "") == "validation_required")
    }
}

@Suite("URL values")
struct URLValuesTests {
    static let plain = valueField(["type": "url", "name": "u"])

    // PocketBase 0.28.4 (each checked on the reference server)
    @Test("govalidator's URL check", arguments: [
        ("http://a.b", true), ("a.bc", true), ("http://localhost", true), ("http://localhost:8080", true),
        ("https://x.example/p?q=1", true), ("http://1.2.3.4", true), ("http://[::1]:80/", true),
        ("mailto:a@b.co", true), ("http://a_b.com", true), ("www.example.com", true),
        ("http://example.com:99999", true), ("http://例子.测试", true), ("http://user:pw@ok.com/x?y#z", true),
        ("file:///etc/passwd", false), ("http://a b.com", false), ("http://-a.com", false),
        ("javascript:alert(1)", false), ("http://a.b/%zz", false), ("//example.com", false), ("http://.com", false),
        ("abc", false), ("abcd", false), ("http://ex.com:80x", false),
        ("http://a..b.com", false), ("http://localhost.", true), ("http://1.2.3.256", false), ("http://224.1.1.1", false),
        ("http://a--b.com", true), ("http://a---b.com", true), ("https://x.com/a b", false), ("http://x.com:", false),
        ("http://[fe80::1%25en0]/", true), ("ftp://x", true), ("x:1", false), ("http://x.com#frag%", false),
        ("tcp://1.1.1.1:22", true),
    ] as [(String, Bool)])
    func shape(text: String, valid: Bool) {
        #expect(GoURL.isValid(text) == valid)
        #expect((failureCode(Self.plain, .string(text)) == "validation_invalid_url") == !valid)
    }

    @Test("domain lists compare Go's host, port included, case-sensitively", arguments: [
        ("https://ok.com/x", nil), ("http://user:pw@ok.com/x?y#z", nil),
        ("https://ok.com:8080/x", "validation_url_domain_not_allowed"), ("https://OK.com", "validation_url_domain_not_allowed"),
        ("ok.com", "validation_url_domain_not_allowed"), ("ftp://ok.com", nil),
    ] as [(String, String?)])
    func onlyDomains(text: String, code: String?) {
        let field = valueField(["type": "url", "name": "u", "onlyDomains": ["ok.com"]])
        #expect(failureCode(field, .string(text)) == code)
    }

    @Test("messages")
    func messages() {
        #expect(Self.plain.validate("nope", context: .creating)
            == ValidationError(code: "validation_invalid_url", message: "Must be a valid url."))
        let except = valueField(["type": "url", "name": "u", "exceptDomains": ["bad.com"]])
        #expect(except.validate("https://bad.com/x", context: .creating)?.message == "Url domain is not allowed.")
        #expect(Self.plain.validate("", context: .creating) == nil)
    }
}

@Suite("Editor values")
struct EditorValuesTests {
    @Test("coercion and size limit in bytes", arguments: [
        ("<p>hi</p>", 20, nil), ("", 3, nil), ("abcd", 3, "validation_content_size_limit"), ("äö", 3, "validation_content_size_limit"),
        ("abc", 3, nil), ("x", 0, nil),
    ] as [(String, Int, String?)])
    func size(text: String, maxSize: Int, code: String?) {
        let field = valueField(["type": "editor", "name": "ed", "maxSize": .number(Double(maxSize))])
        #expect(failureCode(field, .string(text)) == code)
    }

    @Test("messages, required, normalization")
    func messages() {
        let field = valueField(["type": "editor", "name": "ed", "maxSize": 3, "required": true])
        #expect(field.validate("abcd", context: .creating) == ValidationError(
            code: "validation_content_size_limit", message: "The maximum allowed content size is 3 bytes.",
            params: JSONObject([("maxSize", 3)])))
        #expect(failureCode(field, "") == "validation_required")
        #expect(field.normalize(1.5) == "1.5")
        #expect(field.normalize(["x"]) == "")
    }
}

@Suite("Password values")
struct PasswordValuesTests {
    static let field = valueField(["type": "password", "name": "pw", "min": 3, "max": 5, "pattern": "^[a-z]+$", "required": true])

    @Test("plain-text checks", arguments: [
        ("abc", nil), ("ab", "validation_min_text_constraint"), ("abcdef", "validation_max_text_constraint"),
        ("ABC", "validation_invalid_format"), ("", "validation_required"),
    ] as [(String, String?)])
    func plainChecks(plain: String, code: String?) {
        #expect(Self.field.validate("", context: FieldValueContext(isNew: true, newPassword: plain))?.code == code)
    }

    @Test("required looks at the hash the record keeps")
    func required() {
        let stored = FieldValueContext(isNew: false, oldValue: "$2a$10$x")
        #expect(Self.field.validate("$2a$10$x", context: stored) == nil)
        let cleared = FieldValueContext(isNew: false, oldValue: "$2a$10$x", newPassword: "")
        #expect(Self.field.validate("$2a$10$x", context: cleared)?.code == "validation_required")
        #expect(Self.field.validate("", context: .creating)?.code == "validation_required")
    }

    @Test("messages carry no params; max defaults to 71")
    func messages() {
        // PocketBase 0.28.4: "Must be less than 5 character(s)." with no params
        #expect(Self.field.validate("", context: FieldValueContext(isNew: true, newPassword: "abcdefgh"))
            == ValidationError(code: "validation_max_text_constraint", message: "Must be less than 5 character(s)."))
        #expect(Self.field.validate("", context: FieldValueContext(isNew: true, newPassword: "ab"))
            == ValidationError(code: "validation_min_text_constraint", message: "Must be at least 3 character(s)."))
        let loose = valueField(["type": "password", "name": "pw"])
        let long = String(repeating: "a", count: 72)
        #expect(loose.validate("", context: FieldValueContext(isNew: true, newPassword: long))?.message
            == "Must be less than 71 character(s).")
        #expect(loose.normalize(123) == "123")
    }
}

@Suite("URL check cost")
struct URLCostTests {
    @Test("long hostile inputs stay fast", arguments: [
        String(repeating: "a-", count: 1000) + "!", String(repeating: "a.", count: 1000) + "!",
        "http://" + String(repeating: "ab", count: 1000) + "!", String(repeating: "a@", count: 500) + " x",
        "http://" + String(repeating: "a1-", count: 600) + ".com/ x",
    ])
    func hostile(text: String) {
        #expect(!GoURL.isValid(text))
    }
}
