public import PocketHTTP
internal import PocketApplication
internal import Hummingbird
internal import Logging
internal import NIOCore
internal import UnixSignals

/// Runs the Web API until SIGTERM or SIGINT, then lets in-flight requests finish.
public struct PocketServer: Sendable {
    public let app: PocketApp
    public let host: String
    public let port: Int
    public let options: APIOptions

    public init(app: PocketApp, host: String, port: Int, options: APIOptions) {
        self.app = app
        self.host = host
        self.port = port
        self.options = options
    }

    /// Serves until a shutdown signal; `onStarted` runs once the socket listens.
    public func run(onStarted: @escaping @Sendable () -> Void) async throws {
        let router = APIRouter.build(services: APIServices(auth: app.auth, settings: app.settings, collections: app.collections, records: app.records,
                                                           diagnostics: app.diagnostics, rateLimiter: app.rateLimiter, files: app.files,
                                                           logs: app.requestLogs, oauth2: app.oauth2),
                                     options: options)
        var logger = Logger(label: "pocketswift")
        logger.logLevel = .warning
        let application = Application(
            router: router,
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
            try await application.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch {
            await app.outbox.drain()
            throw error
        }
        // Mails already accepted (OTPs, resets…) still go out before the process ends.
        await app.outbox.drain()
    }
}
