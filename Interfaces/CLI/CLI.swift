internal import ArgumentParser

/// Dispatches the command line as PocketBase's does: `serve`, `superuser …`, `migrate …`, help and
/// version. Failures print `Error: …` on stdout and still exit 0 (PocketBase 0.28.4).
enum CLI {
    static let version = "0.28.4"
    static let commands = ["serve", "superuser", "migrate"]
    /// Options that take a value in the next argument.
    static let valueOptions: Set<String> = ["--dir", "--encryptionEnv", "--hooksDir", "--hooksPool", "--migrationsDir",
                                            "--publicDir", "--queryTimeout", "--http", "--https", "--origins"]

    static func run(_ rawArguments: [String], environment: [String: String]) async -> Int32 {
        let arguments = normalizeBooleans(rawArguments)
        guard let (command, rest) = splitCommand(arguments) else {
            if arguments.contains("-v") || arguments.contains("--version") {
                Console.out("\(HelpText.name) version \(version)")
            } else if let unknown = arguments.first(where: { $0.hasPrefix("-") && !isKnownRootFlag($0) }) {
                Console.error("unknown flag: \(unknown)")
            } else {
                Console.out(HelpText.root)
            }
            return 0
        }
        guard commands.contains(command) else {
            Console.error("unknown command \"\(command)\" for \"\(HelpText.name)\"")
            Console.out("Run '\(HelpText.name) --help' for usage.")
            return 0
        }
        let wantsHelp = rest.contains("-h") || rest.contains("--help")
        switch command {
        case "serve":
            if wantsHelp { Console.out(HelpText.serve); return 0 }
            return await parse(ServeCommand.self, rest) { try await $0.run(environment: environment) }
        case "superuser":
            return await SuperuserCommands.run(rest, wantsHelp: wantsHelp, environment: environment)
        default:
            if wantsHelp { Console.out(HelpText.migrate); return 0 }
            return await parse(MigrateCommand.self, rest) { try await $0.run(environment: environment) }
        }
    }

    /// Parses a command's arguments, turning parse errors into PocketBase's `Error:` line.
    static func parse<C: ParsableArguments>(_ type: C.Type, _ arguments: [String],
                                            run: (C) async throws -> Int32) async -> Int32 {
        let command: C
        do {
            command = try C.parse(arguments)
        } catch {
            Console.error(C.message(for: error).replacingUnknownOptionWording())
            return 0
        }
        do {
            return try await run(command)
        } catch let failure as StartupFailure {
            Console.err(failure.message + "\n")
            return 1
        } catch {
            Console.error("\(error)")
            return 0
        }
    }

    /// The command name and the arguments around it (flags may come first, as cobra allows).
    static func splitCommand(_ arguments: [String]) -> (String, [String])? {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("-") {
                index += valueOptions.contains(argument) ? 2 : 1
                continue
            }
            var rest = arguments
            rest.remove(at: index)
            return (argument, rest)
        }
        return nil
    }

    static func isKnownRootFlag(_ flag: String) -> Bool {
        let name = flag.split(separator: "=").first.map(String.init) ?? flag
        return valueOptions.contains(name) || ["-h", "--help", "-v", "--version", "--dev", "--automigrate",
                                               "--hooksWatch", "--indexFallback"].contains(name)
    }

    /// Rewrites cobra's `--flag=true|false` for boolean flags into the parser's `--flag`/`--no-flag`.
    static func normalizeBooleans(_ arguments: [String]) -> [String] {
        arguments.compactMap { argument in
            guard argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") else { return argument }
            let name = String(argument[argument.index(argument.startIndex, offsetBy: 2)..<eq])
            guard GlobalOptions.booleanFlags.contains(name) else { return argument }
            let value = argument[argument.index(after: eq)...].lowercased()
            if ["true", "1", "t"].contains(value) { return "--\(name)" }
            return name == "dev" ? nil : "--no-\(name)"
        }
    }
}

/// A failure to open the application; PocketBase logs it and exits with status 1.
struct StartupFailure: Error {
    let message: String
}

extension String {
    /// ArgumentParser says "Unknown option '--x'"; PocketBase (cobra) says "unknown flag: --x".
    func replacingUnknownOptionWording() -> String {
        guard hasPrefix("Unknown option '"), hasSuffix("'") else { return self }
        return "unknown flag: " + dropFirst("Unknown option '".count).dropLast()
    }
}
