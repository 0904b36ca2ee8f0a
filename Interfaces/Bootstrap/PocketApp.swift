public import PocketApplication
internal import PocketDomain
internal import PocketSQLite
internal import PocketCrypto
internal import PocketFiles
internal import PocketMail
internal import PocketCurl
internal import Foundation

/// The composition root: opens the data directory and wires every adapter into the use cases.
/// It is the only place that picks concrete adapters (SQLite and local files today).
public final class PocketApp: Sendable {
    public let configuration: AppConfiguration
    public let registry: CollectionRegistry
    public let collections: CollectionService
    public let settings: SettingsService
    public let auth: AuthService
    /// OAuth2 sign-in, talking to the providers through libcurl.
    public let oauth2: OAuth2Service
    public let superusers: SuperuserService
    public let migrations: MigrationService
    public let recordStore: any RecordStore
    public let records: RecordService
    public let files: FileService
    public let requestLogs: RequestLogs
    /// Sends mail with the settings in force (SMTP, or sendmail when SMTP is off).
    public let mailer: any Mailer
    /// The mails sent in the background (auth flows); drained before the app closes.
    public let outbox: MailOutbox
    /// The settings checks: test email and test S3.
    public let diagnostics: SettingsDiagnostics
    /// The rate limits of the settings, shared by every route.
    public let rateLimiter: RateLimiter
    /// True when this start created a fresh data directory.
    public let isFresh: Bool
    private let directory: SQLiteDataDirectory

    /// Opens (or creates) the data directory and loads the schema and settings. `mailer` replaces
    /// the settings' mailer (SMTP or sendmail), e.g. to capture mails in tests.
    public init(configuration: AppConfiguration, mailer mailerOverride: (any Mailer)? = nil) throws {
        self.configuration = configuration
        let clock = SystemClock()
        let random = SystemRandom()
        let directory = try SQLiteDataDirectory(path: configuration.dataDirectory, clock: clock, random: random)
        do {
            let records = directory.records
            let registry = try CollectionRegistry(store: directory.collections)
            let settings = SettingsService(params: directory.params, cipher: AESGCMSecretCipher(),
                                           encryptionKey: configuration.encryptionKey,
                                           encryptionEnvName: configuration.encryptionEnv)
            try settings.load()
            let hasher = BcryptPasswordHasher()
            let tokens = AuthTokens(signer: HS256TokenSigner(), clock: clock)
            let migrationsDirectory = configuration.migrationsDirectory.isEmpty
                ? DataPaths.migrationsDirectory(forDataDir: configuration.dataDirectory)
                : configuration.migrationsDirectory
            self.directory = directory
            self.recordStore = records
            let storage = LocalFileStorage(root: configuration.dataDirectory + "/storage")
            self.files = FileService(registry: registry, records: records, files: storage)
            self.requestLogs = RequestLogs(store: SQLiteLogStore(database: directory.auxiliary), settings: settings,
                                           clock: clock, random: random)
            let recordService = RecordService(registry: registry, records: records,
                                              files: storage,
                                              clock: clock, hasher: hasher, random: random,
                                              blocking: ThreadPoolBlockingRunner())
            self.records = recordService
            self.registry = registry
            self.settings = settings
            self.isFresh = directory.didBootstrap
            let migrationFiles = LocalMigrationFileStore(directory: migrationsDirectory)
            let automigrate = configuration.automigrate
                ? Automigrate(files: migrationFiles, history: directory.migrations, clock: clock,
                              report: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
                : nil
            self.collections = CollectionService(registry: registry, store: directory.collections, records: records,
                                                 automigrate: automigrate, clock: clock, random: random,
                                                 rules: .syntax)
            let mailer: any Mailer = mailerOverride ?? SettingsMailer(settings: { settings.current })
            self.mailer = mailer
            self.outbox = MailOutbox(mailer: mailer, report: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })
            let auth = AuthService(collections: registry, records: records, hasher: hasher, tokens: tokens,
                                   blocking: ThreadPoolBlockingRunner(), clock: clock, random: random,
                                   mail: AccountMail(outbox: outbox, settings: { settings.current }))
            self.auth = auth
            self.oauth2 = OAuth2Service(auth: auth, records: recordService, http: CurlHTTPClient())
            self.superusers = SuperuserService(collections: registry, records: records, hasher: hasher,
                                               random: random, clock: clock)
            self.diagnostics = SettingsDiagnostics(
                settings: settings, collections: registry, mailer: mailer,
                openS3: { try S3FileStorage(settings: $0) }, blocking: ThreadPoolBlockingRunner(),
                signer: HS256TokenSigner(), clock: clock, random: random)
            self.rateLimiter = RateLimiter(settings: settings, clock: clock)
            self.migrations = MigrationService(history: directory.migrations, files: migrationFiles,
                                               collections: registry, clock: clock)
        } catch {
            directory.close()
            throw error
        }
    }

    /// The number of superusers (0 on a fresh directory).
    public func superuserCount() throws -> Int {
        try recordStore.countRecords(in: registry.requireSuperusers())
    }

    /// Closes the databases.
    public func close() {
        directory.close()
    }
}
