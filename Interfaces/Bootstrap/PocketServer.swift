public import PocketHTTP
internal import PocketApplication
internal import Hummingbird
internal import Logging
internal import NIOCore
internal import UnixSignals
internal import ServiceLifecycle

/// Runs the Web API until SIGTERM or SIGINT (or cancellation), then lets in-flight requests
/// finish within a deadline.
public struct PocketServer: Sendable {
    /// How long a connection may stay quiet and how long shutdown waits for requests.
    public struct Limits: Sendable {
        /// A connection that sends nothing for this long is closed: before its request headers are
        /// complete (slowloris), between body parts, and idle between keep-alive requests. A
        /// request being answered (a realtime stream included) is never cut by it.
        public var idleTimeout: Duration
        /// After a shutdown signal, requests in flight get this long to finish before they are
        /// cancelled.
        public var shutdownGrace: Duration

        // PocketBase 0.28.4: ReadHeaderTimeout is 1 minute (idle 5, graceful shutdown 1 second).
        public init(idleTimeout: Duration = .seconds(60), shutdownGrace: Duration = .seconds(3)) {
            self.idleTimeout = idleTimeout
            self.shutdownGrace = shutdownGrace
        }
    }

    public let app: PocketApp
    public let host: String
    public let port: Int
    public let options: APIOptions
    public let limits: Limits

    public init(app: PocketApp, host: String, port: Int, options: APIOptions, limits: Limits = Limits()) {
        self.app = app
        self.host = host
        self.port = port
        self.options = options
        self.limits = limits
    }

    /// Serves until a shutdown signal; `onStarted` runs once the socket listens.
    public func run(onStarted: @escaping @Sendable () -> Void) async throws {
        let router = APIRouter.build(services: APIServices(auth: app.auth, settings: app.settings, collections: app.collections, records: app.records,
                                                           diagnostics: app.diagnostics, rateLimiter: app.rateLimiter, files: app.files,
                                                           logs: app.requestLogs, oauth2: app.oauth2),
                                     options: options)
        var logger = Logger(label: "pocketswift")
        logger.logLevel = .warning
        let idle = limits.idleTimeout.components
        let application = Application(
            router: router,
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(
                idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000))),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { _ in onStarted() },
            logger: logger)
        let logs = app.requestLogs
        // PocketBase writes request logs in batches a few seconds after the requests.
        let flusher = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(2))
                logs.flush()
            }
        }
        defer {
            flusher.cancel()
            logs.flush()
        }
        do {
            var configuration = ServiceGroupConfiguration(services: [application], gracefulShutdownSignals: [.sigterm, .sigint],
                                                          logger: logger)
            configuration.maximumGracefulShutdownDuration = limits.shutdownGrace
            configuration.maximumCancellationDuration = .seconds(2)
            try await ServiceGroup(configuration: configuration).run()
        } catch {
            await app.outbox.drain()
            throw error
        }
        // Mails already accepted (OTPs, resets…) still go out before the process ends.
        await app.outbox.drain()
    }
}
