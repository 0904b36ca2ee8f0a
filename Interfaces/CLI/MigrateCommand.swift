internal import ArgumentParser
internal import PocketApplication
internal import PocketBootstrap

/// `migrate [up | down [n] | create NAME | collections | history-sync]`.
struct MigrateCommand: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Argument(help: "the migrate action and its arguments")
    var values: [String] = []

    func run(environment: [String: String]) async throws -> Int32 {
        let action = values.first ?? "up"
        let app = try AppOpener.open(global, environment: environment)
        defer { app.close() }
        let migrations = app.migrations
        switch action {
        case "up":
            let pending = try migrations.pending()
            if pending.isEmpty {
                Console.out("No new migrations to apply.")
            } else {
                Console.error("cannot apply the JS migration(s) \(pending.joined(separator: ", ")): "
                    + "\(HelpText.name) cannot run JS migrations yet")
            }
        case "down":
            let count = values.count > 1 ? Int(values[1]) ?? 1 : 1
            let targets = try migrations.lastApplied(count)
            guard !targets.isEmpty else {
                Console.out("No migrations to revert.")
                return 0
            }
            for file in targets { Console.out(file) }
            guard Console.confirm("Do you really want to revert the last \(targets.count) applied migration(s)?") else {
                Console.out("The command has been cancelled")
                return 0
            }
            Console.error("cannot revert \(targets.joined(separator: ", ")): \(HelpText.name) cannot run down migrations yet")
        case "create", "collections":
            let name = action == "collections" ? "collections_snapshot" : Self.snakeCase(values.count > 1 ? values[1] : "")
            guard !name.isEmpty else {
                Console.error("missing migration file name")
                return 0
            }
            let target = migrations.newFilePath(named: name)
            guard Console.confirm("Do you really want to create migration \"\(target.path)\"?") else {
                Console.out("The command has been cancelled")
                return 0
            }
            let path = action == "collections"
                ? try migrations.createSnapshot(file: target.file) : try migrations.createBlank(file: target.file)
            Console.out("Successfully created file \"\(path)\"")
        case "history-sync":
            try migrations.syncHistory()
            Console.out("The _migrations table was synced with the available migrations.")
        default:
            Console.error("unsupported command \"\(action)\"")
        }
        return 0
    }

    /// A migration name as a file-safe snake_case word.
    static func snakeCase(_ name: String) -> String {
        var out = ""
        var previous: Character = "_"
        for c in name {
            if c.isUppercase, !out.isEmpty, previous != "_" { out.append("_") }
            let next: Character = c.isLetter || c.isNumber ? Character(c.lowercased()) : "_"
            if next == "_" && previous == "_" { continue }
            out.append(next)
            previous = next
        }
        while out.hasSuffix("_") { out.removeLast() }
        return out
    }
}
