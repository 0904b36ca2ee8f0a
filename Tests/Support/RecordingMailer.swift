public import PocketApplication
internal import Synchronization

/// A `Mailer` that keeps every message it is given; `failure` makes every send throw instead.
public final class RecordingMailer: Mailer {
    private let state = Mutex<(sent: [MailMessage], failure: MailerError?)>(([], nil))

    public init(failing failure: MailerError? = nil) {
        state.withLock { $0.failure = failure }
    }

    public var sent: [MailMessage] { state.withLock { $0.sent } }

    public func fail(with failure: MailerError?) { state.withLock { $0.failure = failure } }

    public func send(_ message: MailMessage) async throws(MailerError) {
        let failure = state.withLock { state -> MailerError? in
            if state.failure == nil { state.sent.append(message) }
            return state.failure
        }
        if let failure { throw failure }
    }
}

/// An outbox over a `RecordingMailer`: what the code under test queued is read after it was sent.
public final class TestMailbox: Sendable {
    public let mailer: RecordingMailer
    public let outbox: MailOutbox

    public init(failing failure: MailerError? = nil) {
        mailer = RecordingMailer(failing: failure)
        outbox = MailOutbox(mailer: mailer)
    }

    /// Every message sent so far, once the queued ones were attempted.
    public func sent() async -> [MailMessage] {
        await outbox.drain()
        return mailer.sent
    }
}
