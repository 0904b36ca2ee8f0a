/// A character class of Go's syntax (`[a-z]`, `\d`, `[[:alpha:]]`, `\p{Greek}`, `[^...]`), kept as
/// its parts rather than expanded to rune ranges, so `\pL` costs nothing to build.
struct GoRegexCharClass: Sendable, Hashable {
    /// What one part of a class holds.
    enum Set: Sendable, Hashable {
        /// Sorted or not, inclusive scalar ranges.
        case ranges([ClosedRange<UInt32>])
        /// Unicode general categories.
        case categories([Unicode.GeneralCategory])
        /// Every scalar (`\p{Any}`).
        case all

        func contains(_ value: UInt32) -> Bool {
            switch self {
            case .ranges(let ranges):
                return ranges.contains { $0.contains(value) }
            case .categories(let categories):
                guard let scalar = Unicode.Scalar(value) else { return categories.contains(.surrogate) }
                return categories.contains(scalar.properties.generalCategory)
            case .all:
                return true
            }
        }
    }

    /// One part of a class and whether it is negated (`\D`, `[:^alpha:]`, `\P{L}`).
    struct Item: Sendable, Hashable {
        var set: Set
        var negated: Bool

        func contains(_ value: UInt32) -> Bool { set.contains(value) != negated }

        /// Go folds a part before negating it: the part holds `value` when any case variant of it
        /// is in the set.
        func contains(orbit: [UInt32]) -> Bool { orbit.contains { set.contains($0) } != negated }
    }

    var items: [Item] = []
    /// `[^...]`.
    var negated = false
    /// `(?i)` was on when the class was read.
    var foldsCase = false

    /// Whether the class matches the scalar value.
    func matches(_ value: UInt32) -> Bool {
        let inside: Bool
        if foldsCase {
            let orbit = GoRegexCaseFold.orbit(value)
            inside = items.contains { $0.contains(orbit: orbit) }
        } else {
            inside = items.contains { $0.contains(value) }
        }
        return inside != negated
    }

    mutating func append(_ set: Set, negated: Bool = false) {
        items.append(Item(set: set, negated: negated))
    }

    // MARK: - Named classes

    /// Go's Perl classes `\d \s \w` (ASCII only) and their negations; nil for another letter.
    static func perl(_ letter: Unicode.Scalar) -> Item? {
        switch letter {
        case "d": Item(set: .ranges([48...57]), negated: false)
        case "D": Item(set: .ranges([48...57]), negated: true)
        case "s": Item(set: space, negated: false)
        case "S": Item(set: space, negated: true)
        case "w": Item(set: word, negated: false)
        case "W": Item(set: word, negated: true)
        default: nil
        }
    }

    private static let space = Set.ranges([9...10, 12...13, 32...32])
    private static let word = Set.ranges([48...57, 65...90, 95...95, 97...122])

    /// Go's POSIX classes by name (`alpha` in `[[:alpha:]]`), ASCII only.
    static func posix(_ name: String) -> Set? {
        switch name {
        case "alnum": .ranges([48...57, 65...90, 97...122])
        case "alpha": .ranges([65...90, 97...122])
        case "ascii": .ranges([0...0x7F])
        case "blank": .ranges([9...9, 32...32])
        case "cntrl": .ranges([0...31, 0x7F...0x7F])
        case "digit": .ranges([48...57])
        case "graph": .ranges([33...126])
        case "lower": .ranges([97...122])
        case "print": .ranges([32...126])
        case "punct": .ranges([33...47, 58...64, 91...96, 123...126])
        case "space": .ranges([9...13, 32...32])
        case "upper": .ranges([65...90])
        case "word": word
        case "xdigit": .ranges([48...57, 65...70, 97...102])
        default: nil
        }
    }
}
