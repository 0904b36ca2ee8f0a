import Foundation
import Testing

@Suite("superuser commands")
struct SuperuserCommandTests {
    @Test("create, duplicate, bad email, short password and argument count")
    func create() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        #expect(try cli.run(["superuser", "create", "a@example.com", "1234567890"]).out
            == #"Successfully created new superuser "a@example.com"!"#)
        let duplicate = try cli.run(["superuser", "create", "a@example.com", "1234567890"])
        #expect(duplicate.status == 0)
        #expect(duplicate.out == "Error: failed to create new superuser account: email: Value must be unique.")
        #expect(try cli.run(["superuser", "create", "bad@", "1234567890"]).out == "Error: missing or invalid email address")
        #expect(try cli.run(["superuser", "create", "b@example.com", "1234567"]).out
            == "Error: failed to create new superuser account: password: Must be at least 8 character(s).")
        #expect(try cli.run(["superuser", "create", "only@example.com"]).out == "Error: missing email and password arguments")
    }

    @Test("upsert, update and delete with PocketBase's messages")
    func lifecycle() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        #expect(try cli.run(["superuser", "upsert", "a@example.com", "firstpass1"]).out == #"Successfully saved superuser "a@example.com"!"#)
        #expect(try cli.run(["superuser", "upsert", "a@example.com", "secondpass2"]).out == #"Successfully saved superuser "a@example.com"!"#)
        #expect(try cli.run(["superuser", "update", "a@example.com", "thirdpass3"]).out
            == #"Successfully changed superuser "a@example.com" password!"#)
        #expect(try cli.run(["superuser", "update", "nobody@example.com", "thirdpass3"]).out
            == #"Error: superuser with email "nobody@example.com" doesn't exist"#)
        #expect(try cli.run(["superuser", "delete", "a@example.com"]).out
            == #"Error: failed to delete superuser "a@example.com": You can't delete the only existing superuser."#)
        #expect(try cli.run(["superuser", "delete", "nobody@example.com"]).out
            == #"superuser "nobody@example.com" is missing or already deleted"#)
        try cli.run(["superuser", "create", "b@example.com", "1234567890"])
        #expect(try cli.run(["superuser", "delete", "b@example.com"]).out == #"Successfully deleted superuser "b@example.com"!"#)
        #expect(try cli.run(["superuser", "otp", "a@example.com"]).out
            == "Error: OTP auth is not enabled for the _superusers collection")
    }

    @Test("encrypted settings without the key stop the command with status 1")
    func encryptionKey() throws {
        let cli = try CLIRunner()
        defer { cli.remove() }
        let key = ["PB_KEY": String(repeating: "k", count: 32)]
        #expect(try cli.run(["superuser", "upsert", "a@example.com", "1234567890", "--encryptionEnv", "PB_KEY"],
                            environment: key).status == 0)
        let locked = try cli.run(["superuser", "upsert", "b@example.com", "1234567890"])
        #expect(locked.status == 1)
        #expect(locked.stderr.contains("invalid settings db data or missing encryption key"))
    }
}
