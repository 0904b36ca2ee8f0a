/// Why a `sort` query parameter was rejected; PocketBase answers 400 for every case.
public struct SortSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// PocketBase 0.28.4's message (`max sort expressions limit reached`, …).
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
