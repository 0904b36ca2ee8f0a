/// Everything the command line decides about the application, before any adapter is chosen.
public struct AppConfiguration: Sendable {
    /// The data directory (`--dir`).
    public var dataDirectory: String
    /// The name of the environment variable holding the settings encryption key (`--encryptionEnv`).
    public var encryptionEnv: String
    /// `--dev`: print requests to the console.
    public var dev: Bool
    /// `--migrationsDir`; empty means `<dataDirectory>/../pb_migrations`.
    public var migrationsDirectory: String
    /// The process environment, for the encryption key.
    public var environment: [String: String]
    /// `--automigrate`: record every collection change as a `pb_migrations` file.
    public var automigrate: Bool

    public init(dataDirectory: String = "./pb_data", encryptionEnv: String = "", dev: Bool = false,
                migrationsDirectory: String = "", environment: [String: String] = [:], automigrate: Bool = true) {
        self.dataDirectory = dataDirectory
        self.encryptionEnv = encryptionEnv
        self.dev = dev
        self.migrationsDirectory = migrationsDirectory
        self.environment = environment
        self.automigrate = automigrate
    }

    /// The encryption key, when `--encryptionEnv` names a variable that is set.
    public var encryptionKey: String? {
        guard !encryptionEnv.isEmpty, let value = environment[encryptionEnv], !value.isEmpty else { return nil }
        return value
    }
}
