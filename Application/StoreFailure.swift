/// An unexpected failure below a use case (a full disk, a broken database), carried to the
/// interface with the answer PocketBase gives for it. The interface logs `cause`; it never goes
/// into a response body.
public struct StoreFailure: Error, Sendable, Equatable {
    /// What went wrong, for the server's log.
    public let cause: String
    /// The status and message the client gets.
    public let answer: ApplicationError

    public init(cause: any Error, answer: ApplicationError) {
        self.cause = String(describing: cause)
        self.answer = answer
    }
}
