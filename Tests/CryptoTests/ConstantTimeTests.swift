import Testing
@testable import PocketCrypto

@Suite("ConstantTime")
struct ConstantTimeTests {
    @Test("equal byte strings compare equal")
    func equal() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(ConstantTime.equals([], []))
    }

    @Test("a differing byte or length compares unequal")
    func unequal() {
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(!ConstantTime.equals([], [0]))
    }
}
