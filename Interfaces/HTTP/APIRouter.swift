public import Hummingbird
public import PocketApplication
internal import PocketDomain

/// What the HTTP interface needs from the application: its use cases and a few options.
public struct APIServices: Sendable {
    public let auth: AuthService
    public let settings: SettingsService
    public let collections: CollectionService
    public let records: RecordService
    /// The settings checks (`test/email`, `test/s3`); their routes exist only when given.
    public let diagnostics: SettingsDiagnostics?
    public let rateLimiter: RateLimiter
    /// File downloads; their route exists only when given.
    public let files: FileService?
    /// The request logs; requests are logged only when given.
    public let logs: RequestLogs?
    /// OAuth2 sign-in; its route exists only when given.
    public let oauth2: OAuth2Service?

    public init(auth: AuthService, settings: SettingsService, collections: CollectionService, records: RecordService,
                diagnostics: SettingsDiagnostics? = nil, rateLimiter: RateLimiter? = nil, files: FileService? = nil,
                logs: RequestLogs? = nil, oauth2: OAuth2Service? = nil) {
        self.files = files
        self.oauth2 = oauth2
        self.logs = logs
        self.auth = auth
        self.settings = settings
        self.collections = collections
        self.records = records
        self.diagnostics = diagnostics
        self.rateLimiter = rateLimiter ?? RateLimiter(settings: settings)
    }
}

/// Options of the HTTP interface that come from the command line.
public struct APIOptions: Sendable {
    public var origins: [String]
    public var publicDir: String?
    public var indexFallback: Bool
    /// The largest request body read, in bytes (PocketBase 0.28.4: 32 MiB).
    public var bodyLimit: Int
    /// Where `--dev` request lines go; nil outside dev mode (which also lifts PocketBase's limit of
    /// recent OTPs per record).
    public var devLog: (@Sendable (String) -> Void)?

    public init(origins: [String] = ["*"], publicDir: String? = nil, indexFallback: Bool = true,
                bodyLimit: Int = RequestBody.defaultLimit, devLog: (@Sendable (String) -> Void)? = nil) {
        self.origins = origins
        self.publicDir = publicDir
        self.indexFallback = indexFallback
        self.bodyLimit = bodyLimit
        self.devLog = devLog
    }
}

/// Builds the router of the whole Web API: middlewares outermost first, then every route family.
public enum APIRouter {
    public static func build(services: APIServices, options: APIOptions) -> Router<PocketRequestContext> {
        let router = Router(context: PocketRequestContext.self)
        let settings = services.settings
        router.add(middleware: ClientIPMiddleware(proxy: { settings.current.trustedProxy }))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: CanonicalPathMiddleware())
        router.add(middleware: OriginsMiddleware(origins: options.origins))
        if let devLog = options.devLog { router.add(middleware: DevLogMiddleware(write: devLog)) }
        router.add(middleware: ErrorMiddleware(
            staticFiles: options.publicDir.map { StaticFiles(root: $0, indexFallback: options.indexFallback) }))
        router.add(middleware: AuthMiddleware(auth: services.auth))
        if let logs = services.logs { router.add(middleware: RequestLogMiddleware(logs: logs)) }
        let records = services.records
        router.add(middleware: RateLimitMiddleware(limiter: services.rateLimiter,
                                                   findCollection: { try? records.requireCollection($0) }))

        HealthRoutes(trustedProxyHeaders: {
            settings.current.value(at: "trustedProxy", "headers").arrayValue?.compactMap(\.stringValue) ?? []
        }).register(on: router)
        let signIns = AuthRoutes(auth: services.auth, records: services.records, bodyLimit: options.bodyLimit)
        signIns.register(on: router)
        AccountRoutes(auth: services.auth, signIns: signIns, bodyLimit: options.bodyLimit,
                      devMode: options.devLog != nil).register(on: router)
        if let oauth2 = services.oauth2 {
            OAuth2Routes(oauth2: oauth2, auth: services.auth, records: services.records, bodyLimit: options.bodyLimit)
                .register(on: router)
        }
        SettingsRoutes(settings: services.settings, diagnostics: services.diagnostics, bodyLimit: options.bodyLimit).register(on: router)
        CollectionRoutes(collections: services.collections, bodyLimit: options.bodyLimit).register(on: router)
        RecordRoutes(records: services.records, bodyLimit: options.bodyLimit).register(on: router)
        if let files = services.files { FileRoutes(files: files).register(on: router) }
        return router
    }
}
