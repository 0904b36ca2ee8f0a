import PocketDomain
import PocketSQL
import Testing

/// A deliberately odd dialect, to catch syntax hard-coded in the statement builders.
private struct OddDialect: SQLDialect {
    var name: String { "odd" }
    func quoteIdentifier(_ identifier: String) -> String { "[\(identifier)]" }
    func placeholder(at index: Int) -> String { "$\(index)" }
    func columnDefinition(for kind: ColumnKind) -> String { "\(kind)".uppercased() }
    func booleanLiteral(_ value: Bool) -> String { value ? "1" : "0" }
}

@Suite("SchemaDDL and record statements")
struct SchemaDDLTests {
    @Test("one column per field type, sorted by name, as PocketBase 0.28.4 defines them")
    func allTypes() {
        let statements = SchemaDDL(dialect: SQLiteDialect()).createTable(for: allTypesCollection())
        #expect(statements == [
            "CREATE TABLE `things` ("
                + "`avatar` TEXT DEFAULT '' NOT NULL, "
                + "`body` TEXT DEFAULT '' NOT NULL, "
                + "`count` NUMERIC DEFAULT 0 NOT NULL, "
                + "`created` TEXT DEFAULT '' NOT NULL, "
                + "`docs` JSON DEFAULT '[]' NOT NULL, "
                + "`due` TEXT DEFAULT '' NOT NULL, "
                + "`flag` BOOLEAN DEFAULT FALSE NOT NULL, "
                + "`id` TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL, "
                + "`kind` TEXT DEFAULT '' NOT NULL, "
                + "`mail` TEXT DEFAULT '' NOT NULL, "
                + "`meta` JSON DEFAULT NULL, "
                + "`owner` TEXT DEFAULT '' NOT NULL, "
                + "`place` JSON DEFAULT '{\"lon\":0,\"lat\":0}' NOT NULL, "
                + "`refs` JSON DEFAULT '[]' NOT NULL, "
                + "`secret` TEXT DEFAULT '' NOT NULL, "
                + "`site` TEXT DEFAULT '' NOT NULL, "
                + "`tags` JSON DEFAULT '[]' NOT NULL, "
                + "`title` TEXT DEFAULT '' NOT NULL)",
            "CREATE UNIQUE INDEX `idx_title` ON `things` (`title`)",
            "CREATE INDEX `idx_multi` ON `things` (\n  `count` DESC,\n  `flag`\n) WHERE count > 0",
        ])
    }

    @Test("the users table matches the reference's CREATE TABLE")
    func usersTable() {
        let users = SystemCollections.usersCollection(now: DateTime(unixMilliseconds: 0), secrets: { "s" })
        let statements = SchemaDDL(dialect: SQLiteDialect()).createTable(for: users)
        #expect(statements.first == "CREATE TABLE `users` (`avatar` TEXT DEFAULT '' NOT NULL, `created` TEXT DEFAULT '' NOT NULL, `email` TEXT DEFAULT '' NOT NULL, `emailVisibility` BOOLEAN DEFAULT FALSE NOT NULL, `id` TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL, `name` TEXT DEFAULT '' NOT NULL, `password` TEXT DEFAULT '' NOT NULL, `tokenKey` TEXT DEFAULT '' NOT NULL, `updated` TEXT DEFAULT '' NOT NULL, `verified` BOOLEAN DEFAULT FALSE NOT NULL)")
    }

    @Test("a view has no table")
    func view() {
        let view = Collection(name: "v", kind: .view, viewQuery: "select id from users")
        #expect(SchemaDDL(dialect: SQLiteDialect()).createTable(for: view).isEmpty)
    }

    @Test("SQLite quoting doubles backquotes")
    func quoting() {
        #expect(SQLiteDialect().quoteIdentifier("we`ird") == "`we``ird`")
    }

    @Test("builders use only the dialect's hooks")
    func oddDialect() {
        let collection = Collection(name: "t", kind: .base, fields: [SystemCollections.idField()])
        #expect(SchemaDDL(dialect: OddDialect()).createTable(for: collection) == ["CREATE TABLE [t] ([id] PRIMARYKEY)"])
        let statements = RecordStatements(dialect: OddDialect())
        #expect(statements.insert(table: "t", columns: ["a", "b"]) == "INSERT INTO [t] ([a], [b]) VALUES ($1, $2)")
        #expect(statements.update(table: "t", columns: ["a", "b"]) == "UPDATE [t] SET [a] = $1, [b] = $2 WHERE [id] = $3")
        #expect(statements.selectByID(table: "t") == "SELECT * FROM [t] WHERE [id] = $1 LIMIT 1")
        #expect(statements.delete(table: "t") == "DELETE FROM [t] WHERE [id] = $1")
    }
}
