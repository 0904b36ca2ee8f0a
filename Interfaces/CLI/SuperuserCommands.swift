internal import ArgumentParser
internal import PocketApplication
internal import PocketBootstrap

/// The arguments of every `superuser` subcommand.
struct SuperuserArguments: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Argument(help: "EMAIL [PASS]")
    var values: [String] = []
}

/// `superuser create|upsert|update|delete|otp`, with PocketBase 0.28.4's messages.
enum SuperuserCommands {
    static let subcommands: [(name: String, summary: String, arguments: String)] = [
        ("create", "Creates a new superuser", "EMAIL PASS"),
        ("delete", "Deletes an existing superuser", "EMAIL"),
        ("otp", "Creates a new OTP for the specified superuser", "EMAIL"),
        ("update", "Changes the password of a single superuser", "EMAIL PASS"),
        ("upsert", "Creates, or updates if email exists, a single superuser", "EMAIL PASS"),
    ]

    static func run(_ arguments: [String], wantsHelp: Bool, environment: [String: String]) async -> Int32 {
        guard let (name, rest) = CLI.splitCommand(arguments) else {
            Console.out(HelpText.superuser)
            return 0
        }
        guard let sub = subcommands.first(where: { $0.name == name }) else {
            Console.error("unknown command \"\(name)\" for \"\(HelpText.name) superuser\"")
            return 0
        }
        if wantsHelp {
            Console.out(HelpText.superuserCommand(sub.name, sub.summary, sub.arguments))
            return 0
        }
        return await CLI.parse(SuperuserArguments.self, rest) { parsed in
            try execute(name, parsed.values, app: { try AppOpener.open(parsed.global, environment: environment) })
        }
    }

    static func execute(_ name: String, _ values: [String], app open: () throws -> PocketApp) throws -> Int32 {
        let needsPassword = ["create", "upsert", "update"].contains(name)
        if needsPassword, values.count != 2 {
            Console.error("missing email and password arguments")
            return 0
        }
        let email = values.first ?? ""
        let app = try open()
        defer { app.close() }
        let service = app.superusers
        do {
            switch name {
            case "create":
                try service.create(email: email, password: values[1])
                Console.out("Successfully created new superuser \"\(email)\"!")
            case "upsert":
                try service.upsert(email: email, password: values[1])
                Console.out("Successfully saved superuser \"\(email)\"!")
            case "update":
                try service.updatePassword(email: email, password: values[1])
                Console.out("Successfully changed superuser \"\(email)\" password!")
            case "delete":
                try service.delete(email: email)
                Console.out("Successfully deleted superuser \"\(email)\"!")
            default:
                let otp = try service.createOTP(email: email)
                Console.out("Successfully created OTP for superuser \"\(email)\":")
                Console.out("├─ Id:    \(otp.id)")
                Console.out("├─ Pass:  \(otp.password)")
                Console.out("└─ Valid: \(otp.duration)s")
                Console.out("")
            }
        } catch {
            // Every superuser operation throws `SuperuserError` (typed throws).
            if error.isError { Console.error(error.message) } else { Console.out(error.message) }
        }
        return 0
    }
}
