internal import ArgumentParser
internal import PocketBootstrap

/// The flags every command takes, as PocketBase's persistent flags.
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("dir"), help: "the PocketBase data directory")
    var dir = "./pb_data"

    @Flag(name: .customLong("dev"), help: "enable dev mode")
    var dev = false

    @Option(name: .customLong("encryptionEnv"), help: "the env variable holding the settings encryption key")
    var encryptionEnv = ""

    @Flag(name: .customLong("automigrate"), inversion: .prefixedNo, help: "enable/disable auto migrations")
    var automigrate = true

    @Option(name: .customLong("hooksDir"), help: "the directory with the JS app hooks")
    var hooksDir = ""

    @Option(name: .customLong("hooksPool"), help: "the JS runtime pool size")
    var hooksPool = 15

    @Flag(name: .customLong("hooksWatch"), inversion: .prefixedNo, help: "restart on pb_hooks changes")
    var hooksWatch = true

    @Flag(name: .customLong("indexFallback"), inversion: .prefixedNo, help: "serve index.html for missing paths")
    var indexFallback = true

    @Option(name: .customLong("migrationsDir"), help: "the directory with the user defined migrations")
    var migrationsDir = ""

    @Option(name: .customLong("publicDir"), help: "the directory to serve static files")
    var publicDir = ""

    @Option(name: .customLong("queryTimeout"), help: "the default SELECT queries timeout in seconds")
    var queryTimeout = 30

    /// The application configuration these flags describe.
    func configuration(environment: [String: String]) -> AppConfiguration {
        AppConfiguration(dataDirectory: dir, encryptionEnv: encryptionEnv, dev: dev,
                         migrationsDirectory: migrationsDir, environment: environment, automigrate: automigrate)
    }

    /// The names of the boolean flags, for `--flag=true|false` (cobra accepts that form).
    static let booleanFlags: Set<String> = ["dev", "automigrate", "hooksWatch", "indexFallback"]
}
