import Testing
@testable import PocketDomain

@Suite("Go regexp linear-time matching")
struct GoRegexLinearityTests {
    @Test("catastrophic patterns for a backtracking engine finish with bounded work", arguments: [
        "^(a+)+$", "(a|aa)+$", "(x+x+)+y", "^(a|a?)+$", "(a*)*b", "^(\\w+\\s?)*$",
    ])
    func pathological(pattern: String) throws {
        let regex = try GoRegex(pattern)
        let size = regex.program.instructions.count
        for n in [5_000, 20_000] {
            let text = String(repeating: "a", count: n) + "!"
            let (matched, steps) = regex.matchWithSteps(text)
            #expect(!matched)
            // Each state is visited at most twice per position (once in the closure, once stepping).
            #expect(steps <= 2 * (n + 2) * size)
        }
    }

    @Test("work grows linearly with the text")
    func linearGrowth() throws {
        let regex = try GoRegex("^(a+)+$")
        let small = regex.matchWithSteps(String(repeating: "a", count: 1_000) + "b").steps
        let large = regex.matchWithSteps(String(repeating: "a", count: 10_000) + "b").steps
        #expect(large <= small * 11)
    }

    @Test("an anchored pattern stops once no thread survives")
    func anchoredStops() throws {
        let regex = try GoRegex("^ab")
        let steps = regex.matchWithSteps("x" + String(repeating: "a", count: 10_000)).steps
        #expect(steps < 10)
    }

    @Test("the largest accepted program stays linear")
    func largeProgram() throws {
        let regex = try GoRegex("^[a-z]{1,1000}[a-y]{1,1000}[a-x]{1,1000}[a-w]{1,1000}$")
        #expect(regex.program.instructions.count > 7_000)
        let n = 300
        let (matched, steps) = regex.matchWithSteps(String(repeating: "a", count: n) + "1")
        #expect(!matched)
        #expect(steps <= 2 * (n + 2) * regex.program.instructions.count)
    }
}
