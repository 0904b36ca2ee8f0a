import Foundation
import Testing

@Suite("migrate command")
struct MigrateCommandTests {
    private func migrations(_ cli: CLIRunner) -> [String] {
        let dir = cli.root.appendingPathComponent("pb_migrations").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }

    @Test("up with nothing new, history-sync")
    func upAndSync() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        #expect(try cli.run(["migrate", "up"]).out == "No new migrations to apply.")
        #expect(try cli.run(["migrate", "history-sync"]).out
            == "The _migrations table was synced with the available migrations.")
    }

    @Test("create asks first and writes a blank migration")
    func create() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        #expect(try cli.run(["migrate", "create", "add_things"], input: "n\n").out == "The command has been cancelled")
        #expect(migrations(cli).isEmpty)
        let created = try cli.run(["migrate", "create", "add_things"], input: "y\n")
        let files = migrations(cli)
        #expect(files.count == 1)
        let file = try #require(files.first)
        #expect(file.hasSuffix("_add_things.js") && file.count == "1234567890_add_things.js".count)
        #expect(created.out.hasPrefix("Successfully created file \"") && created.out.hasSuffix(file + "\""))
        #expect(try cli.run(["migrate", "create"]).out == "Error: missing migration file name")
    }

    @Test("collections writes a snapshot of every collection without secrets")
    func snapshot() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        try cli.run(["migrate", "collections"], input: "y\n")
        let file = try #require(migrations(cli).first)
        #expect(file.hasSuffix("_collections_snapshot.js"))
        let text = try String(contentsOf: cli.root.appendingPathComponent("pb_migrations/" + file), encoding: .utf8)
        #expect(text.hasPrefix("/// <reference path=\"../pb_data/types.d.ts\" />\nmigrate((app) => {\n  const snapshot = [\n    {"))
        for name in ["_superusers", "users", "_mfas", "_otps", "_externalAuths", "_authOrigins"] {
            #expect(text.contains("\"name\": \"\(name)\""))
        }
        #expect(!text.contains("\"secret\""))
        #expect(try cli.run(["migrate", "up"]).out.hasPrefix("Error: cannot apply the JS migration(s) \(file)"))
    }
}
