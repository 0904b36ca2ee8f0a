import Testing
@testable import PocketDomain

@Suite("Autogenerate pattern counts")
struct AutogeneratePatternLimitTests {
    private struct FixedRandom: RandomStringGenerator {
        func string(length: Int, alphabet: [UInt8]) -> String {
            String(decoding: (0..<length).map { alphabet[$0 % alphabet.count] }, as: UTF8.self)
        }
    }

    @Test("huge or invalid counts are refused without a trap", arguments: [
        "a{9223372036854775807}", "a{9223372036854775807,}", "a{1,9223372036854775807}", "a{1001}", "[a-z]{5000}",
        "a{99999999999999999999}", "a{2,1}", "a{+5}", "a{-1}", "a{}",
    ])
    func refused(pattern: String) {
        #expect(AutogeneratePattern.samples(pattern) == nil)
        #expect(PatternStringGenerator.generate(pattern, random: FixedRandom()) == nil)
        // Go reads `{+5}`, `{-1}` and `{}` as literals; the others are invalid repeat counts.
        #expect((Rules.regexProblem(pattern) == nil) == ["a{+5}", "a{-1}", "a{}"].contains(pattern))
    }

    @Test("counts within Go's limit still work")
    func accepted() {
        #expect(AutogeneratePattern.samples("[a-z]{3}") == ["aaa"])
        #expect(AutogeneratePattern.samples("x{2,}") == ["xx", "xxxxxxxx"])
        #expect(AutogeneratePattern.samples("a{1000}")?.first?.count == 1000)
        #expect(PatternStringGenerator.generate("[a-z0-9]{15}", random: FixedRandom())?.count == 15)
        #expect(PatternStringGenerator.generate("a{1000}", random: FixedRandom())?.count == 1000)
    }
}
