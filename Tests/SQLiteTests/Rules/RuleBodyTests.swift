import PocketDomain
import PocketSQL
import PocketSQLite
import Testing

/// Update-style rules reading `@request.body` against the stored record p1 (areas/test_rules.py
/// CREATE_RULES / UPDATE_RULES shapes): `record(_:id:rules:)` finds p1 only when the rule holds.
@Suite("Rule @request.body on SQLite")
struct RuleBodyTests {
    @Test("body values, :each/:length, relations and json paths", arguments: [
        ("@request.body.title != title", ["title": "new"], true),
        ("@request.body.title != title", ["title": "Hello World"], false),
        ("@request.body.views > views", ["views": 11], true),
        ("@request.body.views > views", ["views": 9], false),
        ("@request.body.title:isset = false", ["views": 1], true),
        ("@request.body.title:isset = true", ["title": nil], true),
        ("@request.body.title = null", ["title": nil], true),
        ("@request.body.labels:length = 2", ["labels": ["a", "b"]], true),
        ("@request.body.labels:length = 1", ["labels": "a"], true),
        ("@request.body.labels:length = 0", [:], true),
        ("@request.body.labels:each ?= \"a\"", ["labels": ["b"]], false),
        ("@request.body.labels:each ?= \"a\"", ["labels": ["a", "b"]], true),
        ("@request.body.labels:each = \"a\"", ["labels": ["a", "b"]], false),
        ("@request.body.labels:each = \"a\"", ["labels": ["a"]], true),
        ("@request.body.labels:each = \"a\"", ["labels": []], false),
        ("@request.body.labels:each != \"c\"", ["labels": ["a", "b"]], true),
        ("@request.body.labels:each != \"c\"", ["labels": ["a", "c"]], false),
        ("@request.body.tags.name ?= \"db\"", ["tags": ["go"]], false),
        ("@request.body.tags.name ?= \"db\"", ["tags": ["go", "db"]], true),
        ("@request.body.tags.weight > 0", ["tags": ["go", "python"]], true),
        ("@request.body.tags.weight > 0", ["tags": ["go", "db"]], false),
        ("@request.body.tags:length = 2", ["tags": ["go", "swift"]], true),
        ("@request.body.author.role = \"admin\"", ["author": "alice"], true),
        ("@request.body.author.role = \"admin\"", ["author": "bob"], false),
        ("@request.body.author.team.name = \"red\"", ["author": "dave"], true),
        ("@request.body.meta.a.b = 1", ["meta": ["a": ["b": 1]]], true),
        ("@request.body.meta.a.b = \"1\"", ["meta": ["a": ["b": 1]]], false),
        ("@request.body.meta.list.1 = \"y\"", ["meta": ["list": ["x", "y"]]], true),
        ("@request.body.title:lower = \"hello\"", ["title": "HeLLo"], true),
        ("@request.body.extra = 6", ["extra": "6"], false),
        ("@request.method = \"PATCH\" && views = 10", [:], true),
    ] as [(String, JSONValue, Bool)])
    func body(_ rule: String, _ body: JSONValue, _ matches: Bool) throws {
        try withRulesWorld { world throws in
            let posts = world.collections["posts"]!
            let env = try world.environment("anon", method: "PATCH", body: body.objectValue ?? JSONObject())
            let bound = try RuleBinder.bind(rule, collection: posts, schema: world.schema, environment: env,
                                            options: .apiRule)
            let statement = RecordSelectBuilder(dialect: SQLiteDialect()).record(posts, id: "p1", rules: [bound])
            let rows = try world.directory.data.read { try $0.query(statement.sql, statement.binds.map(\.sqlite)) }
            #expect(rows.count == (matches ? 1 : 0))
        }
    }
}

@Suite("Rule create candidates on SQLite")
struct RuleCandidateTests {
    @Test("the create rule runs against the candidate's values", arguments: [
        ("title = \"x\" && @request.body.title = title", "x", true),
        ("title = \"x\"", "y", false),
        ("author.role = \"admin\" && views = 0", "x", true),
        ("@collection.comments.post ?= \"p1\" && id != \"\"", "x", true),
    ] as [(String, String, Bool)])
    func candidate(_ rule: String, _ title: String, _ matches: Bool) throws {
        try withRulesWorld { world throws in
            var dummy = world.collections["posts"]!
            dummy.name += "abc123"
            dummy.id += "abc123"
            let env = try world.environment("anon", method: "POST", body: JSONObject([("title", .string(title))]))
            let bound = try RuleBinder.bind(rule, collection: dummy, schema: world.schema, environment: env,
                                            options: .apiRule)
            let statement = RecordSelectBuilder(dialect: SQLiteDialect()).candidate(
                dummy, values: [("id", .text("__temp_id__abc123")), ("title", .text(title)), ("author", .text("alice")),
                                ("views", .integer(0))], rules: [bound])
            let rows = try world.directory.data.read { try $0.query(statement.sql, statement.binds.map(\.sqlite)) }
            #expect(rows.count == (matches ? 1 : 0))
        }
    }
}
