import Foundation
import Testing

@Suite("help, version and unknown commands")
struct CommandLineTests {
    @Test("--version and -v print the PocketBase version")
    func version() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        for flag in ["--version", "-v"] {
            let result = try cli.run([flag], withDir: false)
            #expect(result.status == 0)
            #expect(result.out == "pocketswift version 0.28.4")
        }
    }

    @Test("--help lists the commands and global flags")
    func help() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let result = try cli.run(["--help"], withDir: false)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Usage:"))
        for line in ["  migrate     ", "  serve       ", "  superuser   ", "--dir string", "--encryptionEnv string",
                     "--dev", "-v, --version"] {
            #expect(result.stdout.contains(line), "missing \(line)")
        }
        let serve = try cli.run(["serve", "--help"], withDir: false)
        #expect(serve.stdout.contains("--http string") && serve.stdout.contains("--origins strings"))
    }

    @Test("an unknown command or flag prints Error: and exits 0")
    func unknown() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let command = try cli.run(["nosuchcmd"], withDir: false)
        #expect(command.status == 0)
        #expect(command.out.hasPrefix("Error: unknown command \"nosuchcmd\""))
        let flag = try cli.run(["serve", "--bogus"])
        #expect(flag.status == 0)
        #expect(flag.out.hasPrefix("Error:") && flag.out.contains("--bogus"))
    }
}
