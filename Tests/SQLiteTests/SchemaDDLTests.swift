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
    func singleToMultipleExpression(_ column: String) -> String { "TO_MANY(\(column))" }
    func multipleToSingleExpression(_ column: String) -> String { "TO_ONE(\(column))" }
    func nullSafeComparison(_ left: String, _ right: String, equal: Bool) -> String { "SAME(\(left), \(right), \(equal))" }
    func equalsIgnoringCase(_ left: String, _ right: String) -> String { "FOLDED(\(left), \(right))" }
    func like(_ value: String, _ pattern: String, negated: Bool) -> String { "MATCHES(\(value), \(pattern), \(negated))" }
    func jsonExtract(_ column: String, path: [BoundJSONPathItem]) -> String { "JX(\(column), \(path.count))" }
    func jsonArrayLength(_ column: String) -> String { "JLEN(\(column))" }
    func jsonArrayItems(ofColumn column: String) -> String { "ITEMS(\(column))" }
    func jsonArrayItems(ofParameter parameter: String) -> String { "ITEMS_OF(\(parameter))" }
    func jsonArrayItemValue(_ alias: String) -> String { "\(alias).[item]" }
    func orderTerm(_ expression: String, _ direction: SortDirection) -> String { "\(expression) \(direction)" }
    var randomOrder: String { "SHUFFLE()" }
    func rowID(of alias: String) -> String { "ROWNUM(\(alias))" }
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

@Suite("SchemaDDL table changes")
struct SchemaDDLAlterTests {
    private func collection(_ name: String, _ fields: [Field], indexes: [String] = []) -> Collection {
        Collection(name: name, kind: .base, fields: [SystemCollections.idField()] + fields, indexes: indexes)
    }

    private func text(_ name: String, id: String) -> Field {
        .text(TextField(base: FieldBase(id: id, name: name)))
    }

    private func select(_ name: String, id: String, max: Int) -> Field {
        var options = JSONObject()
        options["maxSelect"] = .number(Double(max))
        return .select(SelectField(base: FieldBase(id: id, name: name), options: options))
    }

    @Test("renames, drops, adds and converts columns in a stable order, written in the dialect")
    func alter() {
        let old = collection("a", [text("t", id: "t1"), text("gone", id: "g1"), select("s", id: "s1", max: 1)],
                             indexes: ["CREATE INDEX idx_t ON a (t)"])
        let new = collection("b", [text("t2", id: "t1"), select("s", id: "s1", max: 2), text("n", id: "n1")],
                             indexes: ["CREATE INDEX idx_t ON b (t2)"])
        let steps = SchemaDDL(dialect: OddDialect()).alterSteps(from: old, to: new)
        #expect(steps == [
            .statement("DROP INDEX IF EXISTS [idx_t]"),
            .statement("ALTER TABLE [a] RENAME TO [b]"),
            .statement("ALTER TABLE [b] DROP COLUMN [gone]"),
            .statement("ALTER TABLE [b] RENAME COLUMN [t] TO [_pb_tmp_t1]"),
            .statement("ALTER TABLE [b] RENAME COLUMN [_pb_tmp_t1] TO [t2]"),
            .statement("ALTER TABLE [b] ADD COLUMN [_pb_tmp_s1] JSONARRAY"),
            .statement("UPDATE [b] SET [_pb_tmp_s1] = TO_MANY([s])"),
            .statement("ALTER TABLE [b] DROP COLUMN [s]"),
            .statement("ALTER TABLE [b] RENAME COLUMN [_pb_tmp_s1] TO [s]"),
            .statement("ALTER TABLE [b] ADD COLUMN [n] TEXT"),
            .index(position: 0, name: "idx_t", sql: "CREATE INDEX `idx_t` ON `b` (`t2`)"),
        ])
    }

    @Test("a view is dropped and created again")
    func view() {
        let old = Collection(name: "v", kind: .view, viewQuery: "SELECT id FROM a")
        var new = old
        new.viewQuery = "SELECT id FROM b"
        #expect(SchemaDDL(dialect: OddDialect()).alterSteps(from: old, to: new) == [
            .statement("DROP VIEW IF EXISTS [v]"), .statement("CREATE VIEW [v] AS SELECT id FROM b"),
        ])
    }
}
