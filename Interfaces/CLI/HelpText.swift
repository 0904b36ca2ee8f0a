/// Help screens in the layout of PocketBase's command line (cobra), so scripts and people reading
/// `pocketbase --help` find the same sections with `pocketswift`.
enum HelpText {
    static let name = "pocketswift"

    static let globalFlags = """
              --automigrate            enable/disable auto migrations (default true)
              --dev                    enable dev mode, aka. printing logs and sql statements to the console
              --dir string             the PocketBase data directory (default "./pb_data")
              --encryptionEnv string   the env variable whose value of 32 characters will be used
                                       as encryption key for the app settings (default none)
              --hooksDir string        the directory with the JS app hooks
              --hooksPool int          the total prewarm JS runtime instances for the app hooks (default 15)
              --hooksWatch             auto restart the app on pb_hooks file change (default true)
              --indexFallback          fallback the request to index.html on missing static path, e.g. when pretty urls are used with SPA (default true)
              --migrationsDir string   the directory with the user defined migrations
              --publicDir string       the directory to serve static files (default "./pb_public")
              --queryTimeout int       the default SELECT queries timeout in seconds (default 30)
        """

    static let root = """
        \(name) CLI

        Usage:
          \(name) [command]

        Available Commands:
          migrate     Executes app DB migration scripts
          serve       Starts the web server (default to 127.0.0.1:8090 if no domain is specified)
          superuser   Manage superusers

        Flags:
        \(globalFlags)
          -h, --help                   help for \(name)
          -v, --version                version for \(name)

        Use "\(name) [command] --help" for more information about a command.
        """

    static let serve = """
        Starts the web server (default to 127.0.0.1:8090 if no domain is specified)

        Usage:
          \(name) serve [domain(s)] [flags]

        Flags:
          -h, --help              help for serve
              --http string       TCP address to listen for the HTTP server
                                  (if domain args are specified - default to 0.0.0.0:80, otherwise - default to 127.0.0.1:8090)
              --https string      TCP address to listen for the HTTPS server
                                  (TLS is not supported by \(name) yet: put a TLS-terminating proxy in front)
              --origins strings   CORS allowed domain origins list (default [*])

        Global Flags:
        \(globalFlags)
        """

    static let superuser = """
        Manage superusers

        Usage:
          \(name) superuser [command]

        Available Commands:
          create      Creates a new superuser
          delete      Deletes an existing superuser
          otp         Creates a new OTP for the specified superuser
          update      Changes the password of a single superuser
          upsert      Creates, or updates if email exists, a single superuser

        Flags:
          -h, --help   help for superuser

        Global Flags:
        \(globalFlags)

        Use "\(name) superuser [command] --help" for more information about a command.
        """

    static func superuserCommand(_ command: String, _ summary: String, _ arguments: String) -> String {
        """
        \(summary)

        Usage:
          \(name) superuser \(command) \(arguments) [flags]

        Examples:
        superuser \(command) \(arguments.replacingEmailPlaceholders())

        Flags:
          -h, --help   help for \(command)

        Global Flags:
        \(globalFlags)
        """
    }

    static let migrate = """
        Supported arguments are:
        - up            - runs all available migrations
        - down [number] - reverts the last [number] applied migrations
        - create name   - creates new blank migration template file
        - collections   - creates new migration file with snapshot of the local collections configuration
        - history-sync  - ensures that the _migrations history table doesn't have references to deleted migration files

        Usage:
          \(name) migrate [flags]

        Flags:
          -h, --help   help for migrate

        Global Flags:
        \(globalFlags)
        """
}

extension String {
    func replacingEmailPlaceholders() -> String {
        split(separator: " ").map { part -> String in
            switch part {
            case "EMAIL": "test@example.com"
            case "PASS": "1234567890"
            default: String(part)
            }
        }.joined(separator: " ")
    }
}
