import Testing
@testable import PocketDomain

@Suite("IndexSpec")
struct IndexSpecTests {
    @Test("build() gives PocketBase's canonical text", arguments: [
        ("CREATE INDEX `idx_mfas_collectionRef_recordRef` ON `_mfas` (collectionRef,recordRef)",
         "CREATE INDEX `idx_mfas_collectionRef_recordRef` ON `_mfas` (\n  `collectionRef`,\n  `recordRef`\n)"),
        ("CREATE UNIQUE INDEX `idx_email_pbc_3142635823` ON `_superusers` (`email`) WHERE `email` != ''",
         "CREATE UNIQUE INDEX `idx_email_pbc_3142635823` ON `_superusers` (`email`) WHERE `email` != ''"),
        ("CREATE UNIQUE INDEX `idx_tokenKey__pb_users_auth_` ON `users` (`tokenKey`)",
         "CREATE UNIQUE INDEX `idx_tokenKey__pb_users_auth_` ON `users` (`tokenKey`)"),
        ("create unique index idx_a on posts (title)", "CREATE UNIQUE INDEX `idx_a` ON `posts` (`title`)"),
        ("CREATE INDEX IF NOT EXISTS idx_b ON posts (a, b)",
         "CREATE INDEX IF NOT EXISTS `idx_b` ON `posts` (\n  `a`,\n  `b`\n)"),
        ("create index if not exists idx_b on posts (a)", "CREATE INDEX IF NOT EXISTS `idx_b` ON `posts` (`a`)"),
        ("CREATE INDEX idx_c ON posts (title COLLATE NOCASE)", "CREATE INDEX `idx_c` ON `posts` (`title` COLLATE NOCASE)"),
        ("CREATE INDEX idx_d ON posts (created DESC, title asc)",
         "CREATE INDEX `idx_d` ON `posts` (\n  `created` DESC,\n  `title` ASC\n)"),
        ("CREATE INDEX idx_e ON posts (lower(title))", "CREATE INDEX `idx_e` ON `posts` (lower(title))"),
        ("CREATE INDEX idx_e ON posts (lower(title) collate nocase desc, substr(a, 1, 2))",
         "CREATE INDEX `idx_e` ON `posts` (\n  lower(title) COLLATE nocase DESC,\n  substr(a, 1, 2)\n)"),
        ("CREATE INDEX idx_f ON posts(title)", "CREATE INDEX `idx_f` ON `posts` (`title`)"),
        ("CREATE INDEX main.idx_g ON posts (title)", "CREATE INDEX `main`.`idx_g` ON `posts` (`title`)"),
        (#"CREATE INDEX "idx_h" ON [posts] ('title')"#, "CREATE INDEX `idx_h` ON `posts` (`title`)"),
        ("  CREATE\n INDEX\tidx_i\nON posts\n(\n  a,\n  b\n)\n",
         "CREATE INDEX `idx_i` ON `posts` (\n  `a`,\n  `b`\n)"),
        ("create index `idx_multi` on things (count desc, `flag`) where count > 0",
         "CREATE INDEX `idx_multi` ON `things` (\n  `count` DESC,\n  `flag`\n) WHERE count > 0"),
        ("CREATE INDEX iffy ON posts (a)", "CREATE INDEX `iffy` ON `posts` (`a`)"),
        ("CREATE INDEX if_title ON posts (title)", "CREATE INDEX `if_title` ON `posts` (`title`)"),
        ("CREATE INDEX idx ON posts (a) junk", "CREATE INDEX `idx` ON `posts` (`a`)"),
        ("CREATE INDEX idx ON posts (a) WHERE b = 1", "CREATE INDEX `idx` ON `posts` (`a`) WHERE b = 1"),
    ])
    func build(sql: String, expected: String) {
        let spec = IndexSpec(parsing: sql)
        #expect(spec.isValid)
        #expect(spec.build() == expected)
    }

    @Test("building is idempotent", arguments: [
        "CREATE INDEX `idx_mfas_collectionRef_recordRef` ON `_mfas` (collectionRef,recordRef)",
        "CREATE UNIQUE INDEX IF NOT EXISTS idx ON t (a COLLATE NOCASE DESC, lower(b)) WHERE a != ''",
    ])
    func idempotent(sql: String) {
        let once = IndexSpec(parsing: sql).build()
        #expect(IndexSpec(parsing: once).build() == once)
        #expect(IndexSpec(parsing: once) == IndexSpec(parsing: sql))
    }

    @Test("parsed parts")
    func parts() {
        let spec = IndexSpec(parsing: "CREATE UNIQUE INDEX IF NOT EXISTS `idx_x` ON `posts` (`a` COLLATE NOCASE DESC, b) WHERE a > 1")
        #expect(spec.unique)
        #expect(spec.optional)
        #expect(spec.schemaName == "")
        #expect(spec.indexName == "idx_x")
        #expect(spec.tableName == "posts")
        #expect(spec.columns == [IndexSpec.Column(name: "a", collate: "NOCASE", sort: "DESC"),
                                 IndexSpec.Column(name: "b", collate: "", sort: "")])
        #expect(spec.whereClause == "a > 1")
    }

    @Test("an unparsable text is invalid and builds to an empty string", arguments: [
        "", "not an index", "CREATE TABLE t (a)", "CREATE INDEX idx ON posts", "CREATE INDEX idx ON posts ()",
        "CREATE INDEX ON posts (a)", "CREATE INDEX idx posts (a)", "CREATE INDEX IF EXISTS idx ON posts (a)",
        "CREATE INDEX idx ON posts (a", "CREATE INDEX idx ON (a)",
    ])
    func invalid(sql: String) {
        let spec = IndexSpec(parsing: sql)
        #expect(!spec.isValid)
        #expect(spec.build() == "")
    }
}
