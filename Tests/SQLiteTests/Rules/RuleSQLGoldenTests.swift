import PocketDomain
import PocketSQL
import Testing

/// A deliberately odd dialect, so the compiler and builder cannot hard-code SQLite syntax.
struct RulesOddDialect: SQLDialect {
    var name: String { "odd" }
    func quoteIdentifier(_ identifier: String) -> String { "[\(identifier)]" }
    func placeholder(at index: Int) -> String { "$\(index)" }
    func columnDefinition(for kind: ColumnKind) -> String { "\(kind)".uppercased() }
    func booleanLiteral(_ value: Bool) -> String { value ? "YES" : "NO" }
    func singleToMultipleExpression(_ column: String) -> String { "TO_MANY(\(column))" }
    func multipleToSingleExpression(_ column: String) -> String { "TO_ONE(\(column))" }
    func nullSafeComparison(_ left: String, _ right: String, equal: Bool) -> String {
        "\(left) \(equal ? "SAME AS" : "DIFFERENT FROM") \(right)"
    }
    func equalsIgnoringCase(_ left: String, _ right: String) -> String { "FOLDED(\(left)) = FOLDED(\(right))" }
    func like(_ value: String, _ pattern: String, negated: Bool) -> String {
        "\(negated ? "NOT " : "")MATCHES(\(value), \(pattern))"
    }
    func jsonExtract(_ column: String, path: [BoundJSONPathItem]) -> String {
        "JX(\(column), '" + path.map { item in
            switch item {
            case .key(let key): "/\(key)"
            case .index(let index): "#\(index)"
            }
        }.joined() + "')"
    }
    func jsonArrayLength(_ column: String) -> String { "JLEN(\(column))" }
    func jsonArrayItems(ofColumn column: String) -> String { "ITEMS(\(column))" }
    func jsonArrayItems(ofParameter parameter: String) -> String { "ITEMS_OF(\(parameter))" }
    func jsonArrayItemValue(_ alias: String) -> String { "\(alias).[item]" }
    func orderTerm(_ expression: String, _ direction: SortDirection) -> String {
        "\(expression) \(direction == .ascending ? "UP" : "DOWN")"
    }
    var randomOrder: String { "SHUFFLE()" }
    func rowID(of alias: String) -> String { "ROWNUM(\(alias))" }
}

@Suite("RuleSQLCompiler golden SQL")
struct RuleSQLGoldenTests {
    static let collections = RulesWorld.collections()
    static let schema = SchemaSnapshot(collections)
    static let posts = collections.first { $0.name == "posts" }!
    static let env = RuleEnvironment(now: DateTime(unixMilliseconds: 0))

    static func statement(_ filter: String, sort: String = "", dialect: any SQLDialect) throws -> SQLStatement {
        let rule = try RuleBinder.bind(filter, collection: posts, schema: schema, environment: env, options: .apiRule)
        let bound = try SortBinder.bind(try SortSpec(parsing: sort), collection: posts, schema: schema,
                                        environment: env, options: .apiRule)
        return RecordSelectBuilder(dialect: dialect).list(posts, rules: [rule], sort: bound, limit: 30, offset: 30)
    }

    @Test("SQLite: null/empty normalisation, LIKE wrapping, json strictness")
    func sqlitePlain() throws {
        let s = try Self.statement(#"title = "" && note != "x" && title ~ "a_b" && meta.a = null && views = 1"#,
                                   sort: "-views,@rowid", dialect: SQLiteDialect())
        #expect(s.sql == "SELECT `posts`.* FROM `posts` WHERE (((`posts`.`title` = '' OR `posts`.`title` IS NULL) AND "
            + "`posts`.`note` IS NOT ? AND `posts`.`title` LIKE ? ESCAPE '\\' AND "
            + "(CASE WHEN json_valid(`posts`.`meta`) THEN JSON_EXTRACT(`posts`.`meta`, '$.a') ELSE "
            + "JSON_EXTRACT(json_object('pb', `posts`.`meta`), '$.pb.a') END) IS NULL AND `posts`.`views` = ?)) "
            + "ORDER BY `posts`.`views` DESC, `posts`.`_rowid_` ASC LIMIT 30 OFFSET 30")
        #expect(s.binds == [.text("x"), .text("%a\\_b%"), .real(1)])
    }

    @Test("SQLite: a multi relation joins with DISTINCT and adds the all-match subquery")
    func sqliteMulti() throws {
        let s = try Self.statement(#"tags.name = "go""#, dialect: SQLiteDialect())
        #expect(s.sql == "SELECT DISTINCT `posts`.* FROM `posts` "
            + "LEFT JOIN json_each(CASE WHEN iif(json_valid(`posts`.`tags`), json_type(`posts`.`tags`)='array', FALSE) "
            + "THEN `posts`.`tags` ELSE json_array(`posts`.`tags`) END) `posts_tags_je` ON TRUE "
            + "LEFT JOIN `tags` `posts_tags` ON `posts_tags`.`id` = `posts_tags_je`.`value` "
            + "WHERE (((`posts_tags`.`name` = ?) AND NOT EXISTS (SELECT 1 FROM (SELECT `__mm_posts_tags`.`name` AS "
            + "`multiMatchValue` FROM `posts` `__mm_posts` LEFT JOIN json_each(CASE WHEN iif(json_valid("
            + "`__mm_posts`.`tags`), json_type(`__mm_posts`.`tags`)='array', FALSE) THEN `__mm_posts`.`tags` ELSE "
            + "json_array(`__mm_posts`.`tags`) END) `__mm_posts_tags_je` ON TRUE LEFT JOIN `tags` `__mm_posts_tags` "
            + "ON `__mm_posts_tags`.`id` = `__mm_posts_tags_je`.`value` WHERE `__mm_posts`.`id` = `posts`.`id`) "
            + "`__sm1` WHERE NOT (`__sm1`.`multiMatchValue` = ?)))) LIMIT 30 OFFSET 30")
        #expect(s.binds == [.text("go"), .text("go")])
    }

    @Test("odd dialect: every dialect-specific piece goes through the hooks")
    func odd() throws {
        let s = try Self.statement(#"tags:length > 1 && labels:each ?= "a" && meta.list.0 != 1 && title !~ note"#
            + #" && @request.body.x:isset = true"#, sort: "@random,-@rowid,title", dialect: RulesOddDialect())
        #expect(s.sql == "SELECT DISTINCT [posts].* FROM [posts] LEFT JOIN ITEMS([posts].[labels]) [posts_labels_je] ON YES "
            + "WHERE ((JLEN([posts].[tags]) > $1 AND [posts_labels_je].[item] = $2 AND "
            + "JX([posts].[meta], '/list#0') DIFFERENT FROM $3 AND NOT MATCHES([posts].[title], ('%' || [posts].[note] || '%')) "
            + "AND NO = 1)) ORDER BY SHUFFLE(), ROWNUM([posts]) DOWN, [posts].[title] UP LIMIT 30 OFFSET 30")
        #expect(s.binds == [.real(1), .text("a"), .real(1)])
    }

    @Test("count and single-record statements share the joins and binds order")
    func countAndRecord() throws {
        let env = RuleEnvironment(auth: RuleEnvironment.Auth(values: JSONObject([("id", "u1")]), collection: Self.collections[1]),
                                  now: DateTime(unixMilliseconds: 0))
        let rule = try RuleBinder.bind("@request.auth.role = 'admin' && views > 1", collection: Self.posts,
                                       schema: Self.schema, environment: env, options: .apiRule)
        let builder = RecordSelectBuilder(dialect: RulesOddDialect())
        let count = builder.count(Self.posts, rules: [rule])
        #expect(count.sql == "SELECT COUNT(DISTINCT [posts].[id]) FROM [posts] LEFT JOIN [members] [__auth_members] "
            + "ON [__auth_members].[id] = $1 WHERE (([__auth_members].[role] = $2 AND [posts].[views] > $3))")
        #expect(count.binds == [.text("u1"), .text("admin"), .real(1)])
        let one = builder.record(Self.posts, id: "p1", rules: [rule])
        #expect(one.sql == "SELECT DISTINCT [posts].* FROM [posts] LEFT JOIN [members] [__auth_members] "
            + "ON [__auth_members].[id] = $1 WHERE ([posts].[id] = $2) AND (([__auth_members].[role] = $3 AND "
            + "[posts].[views] > $4)) LIMIT 1")
        #expect(one.binds == [.text("u1"), .text("p1"), .text("admin"), .real(1)])
    }
}
