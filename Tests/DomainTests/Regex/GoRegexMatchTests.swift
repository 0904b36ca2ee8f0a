import Testing
@testable import PocketDomain

@Suite("Go regexp matching")
struct GoRegexMatchTests {
    // Expectations follow Go's regexp.MatchString (unanchored search; `$` only at the very end).
    @Test("literals, classes and anchors", arguments: [
        ("abc", "xxabcxx", true), ("abc", "ab", false), ("^abc$", "abc", true), ("^abc$", "abc\n", false),
        ("a.c", "abc", true), ("a.c", "a\nc", false), ("(?s)a.c", "a\nc", true),
        ("[a-c]+", "zzbz", true), ("^[a-c]+$", "abcd", false), ("[^a-c]", "abc", false), ("[^a]", "\n", true),
        ("[]a]", "]", true), ("[a-]", "-", true), ("[\\]]", "]", true), ("^[\\-+]$", "-", true),
        ("\\d+", "x42", true), ("^\\d+$", "٤٢", false), ("^\\w+$", "héllo", false), ("^\\w+$", "a_1", true),
        ("\\s", "\u{0B}", false), ("\\s", "\t", true), ("^\\S+$", "ab", true), ("\\D", "123", false),
        ("\\W", "abc", false), ("[\\d\\s]", " ", true), ("[^\\d]", "5", false),
        ("\\bfoo\\b", "a foo b", true), ("\\bfoo\\b", "afoob", false), ("\\Bfoo", "afoo", true),
        ("\\bé", "é", false),
        ("\\Aab", "ab", true), ("b\\z", "ab\n", false), ("b\\z", "ab", true),
        ("(?m)^b$", "a\nb\nc", true), ("^b$", "a\nb\nc", false), ("(?m:^b)$", "a\nb", true),
        ("\\x41\\x{263A}", "A☺", true), ("\\101", "A", true), ("\\0", "\u{0}", true), ("\\t\\n", "\t\n", true),
        ("\\Qa.b\\E+", "a.bb", true), ("\\Qa.b", "axb", false), ("\\.", "a", false), ("\\_", "_", true),
        ("[[:alpha:]]+", "123abc", true), ("^[[:^alpha:]]+$", "12", true), ("^[[:alpha:]]$", "é", false),
        ("[[:digit:][:upper:]]", "a", false), ("[[:xdigit:]]", "F", true),
    ] as [(String, String, Bool)])
    func basics(pattern: String, text: String, expected: Bool) throws {
        #expect(try GoRegex(pattern).matches(text) == expected)
    }

    @Test("repetition, alternation and groups", arguments: [
        ("^a{3}$", "aaa", true), ("^a{3}$", "aa", false), ("^a{2,}$", "aaaaa", true), ("^a{2,3}$", "aaaa", false),
        ("^a{0}$", "", true), ("^(ab){2}$", "abab", true), ("^a{,2}$", "a{,2}", true), ("a{", "a{", true),
        ("^x{1}{$", "x{", true), ("^(?:ab|cd)+$", "abcdab", true), ("^(?:ab|cd)+$", "abc", false),
        ("^a*?$", "aaa", true), ("^a+?b", "aab", true), ("^a??b", "b", true), ("^a{1,2}?$", "aa", true),
        ("(?P<year>\\d{4})-(?<m>\\d\\d)", "on 2024-05", true), ("^(|a)$", "", true), ("^(a|)+$", "aaa", true),
        ("^(a*)*$", "aaaa", true), ("^(a*)+b$", "aaab", true), ("x*", "", true), ("^$", "", true),
        ("a|b|c", "c", true), ("^(?:a|bc)$", "b", false), ("^*a", "a", true), ("(?U)a+", "a", true),
        ("^[a-z0-9]{15}$", "abcdefghij12345", true), ("^[a-z0-9]{15}$", "abcdefghij1234", false),
        ("^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$", "me@example.com", true),
    ] as [(String, String, Bool)])
    func repetition(pattern: String, text: String, expected: Bool) throws {
        #expect(try GoRegex(pattern).matches(text) == expected)
    }

    @Test("case folding and Unicode classes", arguments: [
        ("(?i)abc", "xABCx", true), ("(?i)straße", "STRASSE", false), ("(?i)k", "\u{212A}", true),
        ("(?i)\u{212A}", "k", true), ("(?i)s", "ſ", true), ("(?i)ſ", "S", true), ("(?i)[ſ]", "s", true),
        ("(?i)σ", "ς", true), ("(?i)i", "ı", false), ("(?i)[a-c]+", "ABC", true), ("(?i)[^a]", "A", false),
        ("(?i)\\W", "ſ", false), ("(?i)δ", "Δ", true), ("(?i:a)b", "AB", false), ("(?i)a(?-i)b", "Ab", true),
        ("(?i)a(?-i:b)", "AB", false), ("(?i)\\p{Lu}", "a", true), ("\\p{Lu}", "a", false),
        ("^\\pL+$", "héllo", true), ("^\\p{L}+$", "hé1", false), ("\\PL", "abc", false), ("\\p{^L}", "1", true),
        ("^\\p{Greek}+$", "αβγ", true), ("\\p{Greek}", "abc", false), ("\\P{Greek}", "α", false),
        ("^\\p{Han}+$", "漢字", true), ("^\\p{Cyrillic}+$", "Привет", true), ("\\p{Nd}", "٣", true),
        ("^[\\p{Latin}\\d]+$", "abc123", true), ("\\p{Zs}", "\u{00A0}", true), ("\\p{Any}", "☺", true),
        ("\\pN", "Ⅻ", true), ("\\p{Sc}", "€", true), ("[\\P{L}]", "a", false), ("[^\\pL]", "1", true),
        ("^.$", "😀", true), ("^..$", "e\u{301}", true),
    ] as [(String, String, Bool)])
    func unicode(pattern: String, text: String, expected: Bool) throws {
        #expect(try GoRegex(pattern).matches(text) == expected)
    }

    @Test("a pattern Go refuses matches nothing; the cache keeps answers stable")
    func invalidPatterns() {
        #expect(!GoRegexMatch.matches("(a", "a"))
        #expect(!GoRegexMatch.matches("a\\1", "aa"))
        #expect(GoRegexMatch.matches("^[a-z]+$", "abc"))
        #expect(GoRegexMatch.matches("^[a-z]+$", "abc"))
        #expect(!GoRegexMatch.matches("^[a-z]+$", "ab1"))
    }
}
