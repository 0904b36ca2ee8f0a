/// Why a superuser command failed, with PocketBase 0.28.4's CLI wording.
public struct SuperuserError: Error, Sendable, Equatable {
    public let message: String
    /// False when PocketBase prints the message without the `Error: ` prefix.
    public let isError: Bool

    public init(_ message: String, isError: Bool = true) {
        self.message = message
        self.isError = isError
    }
}
