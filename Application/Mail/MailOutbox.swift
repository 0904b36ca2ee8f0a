internal import Synchronization

/// Sends mail in the background, so that no request waits on an SMTP server; tests (and a
/// graceful shutdown) await what is still in flight with `drain()`.
///
/// Each job sends one message and then runs its continuation with the outcome, in the same task,
/// e.g. to store an OTP's `sentTo` or to arm a resend guard once the mail went out.
public final class MailOutbox: Sendable {
    private let mailer: any Mailer
    private let pending = Mutex<[Int: Task<Void, Never>]>([:])
    private let counter = Mutex(0)
    /// Failed sends are reported here (PocketBase only logs them).
    private let report: @Sendable (String) -> Void

    public init(mailer: any Mailer, report: @escaping @Sendable (String) -> Void = { _ in }) {
        self.mailer = mailer
        self.report = report
    }

    /// Queues the message; `then` runs after the attempt with nil on success or the error.
    public func send(_ message: MailMessage, what: String,
                     then: @escaping @Sendable (MailerError?) -> Void = { _ in }) {
        let id = counter.withLock { value -> Int in
            value += 1
            return value
        }
        let mailer = self.mailer
        let report = self.report
        // Recorded under the lock that the task's own removal takes, so it is never left behind.
        pending.withLock { tasks in
            tasks[id] = Task { [weak self] in
                let failure = await Self.attempt(mailer, message)
                if let failure { report("Failed to send \(what) email: \(failure.message)") }
                then(failure)
                _ = self?.pending.withLock { $0.removeValue(forKey: id) }
            }
        }
    }

    private static func attempt(_ mailer: any Mailer, _ message: MailMessage) async -> MailerError? {
        do throws(MailerError) {
            try await mailer.send(message)
            return nil
        } catch {
            return error
        }
    }

    /// Waits until every queued message was attempted, including those queued meanwhile.
    public func drain() async {
        while true {
            let tasks = pending.withLock { Array($0.values) }
            if tasks.isEmpty { return }
            for task in tasks { await task.value }
        }
    }
}
