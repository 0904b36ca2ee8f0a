import PocketDomain
import PocketSQL
import PocketSQLite
import Testing

/// API rules with `@request.*` and `@collection.*` on the blog world (areas/test_rules.py LIST_RULES),
/// sorts (areas/test_rules_sort_edge.py) and the datetime macros.
@Suite("Rule list rules, sorts and macros on SQLite")
struct RuleListRuleTests {
    static let all: Set<String> = ["p1", "p2", "p3", "p4", "p5", "p6"]

    struct Case: Sendable, CustomTestStringConvertible {
        var rule: String
        var who: String
        var query: [String: String] = [:]
        var headers: [String: String] = [:]
        var expected: Set<String>
        var testDescription: String { "\(rule) as \(who)" }
    }

    static let cases: [Case] = [
        Case(rule: "author = @request.auth.id", who: "alice", expected: ["p1", "p3"]),
        Case(rule: "author.id = @request.auth.id", who: "bob", expected: ["p2"]),
        Case(rule: "author = @request.auth.id", who: "anon", expected: ["p4"]),
        Case(rule: "@request.auth.id != \"\"", who: "anon", expected: []),
        Case(rule: "@request.auth.id != \"\"", who: "carol", expected: all),
        Case(rule: "@request.auth.id = \"\"", who: "anon", expected: all),
        Case(rule: "@request.auth.id = null", who: "anon", expected: all),
        Case(rule: "@request.auth.role = \"admin\"", who: "alice", expected: all),
        Case(rule: "@request.auth.role = \"admin\"", who: "bob", expected: []),
        Case(rule: "@request.auth.team.name = \"red\"", who: "dave", expected: all),
        Case(rule: "@request.auth.team.name = \"red\"", who: "bob", expected: []),
        Case(rule: "@request.auth.friends.name ?= \"Bob\"", who: "alice", expected: all),
        Case(rule: "@request.auth.friends.name ?= \"Bob\"", who: "carol", expected: []),
        Case(rule: "@request.auth.friends.name = \"Bob\"", who: "alice", expected: []),
        Case(rule: "@request.auth.friends.id ?= author", who: "alice", expected: ["p2", "p5"]),
        Case(rule: "author.friends.id ?= @request.auth.id", who: "alice", expected: ["p2", "p6"]),
        Case(rule: "@request.auth.email = \"bob@example.com\"", who: "bob", expected: all),
        Case(rule: "@request.auth.emailVisibility = false", who: "bob", expected: all),
        Case(rule: "@request.auth.verified = true", who: "alice", expected: all),
        Case(rule: "@request.auth.verified = true", who: "bob", expected: []),
        Case(rule: "@request.auth.secret = \"a-secret\"", who: "alice", expected: all),
        Case(rule: "@request.auth.collectionName = \"members\"", who: "alice", expected: all),
        Case(rule: "@request.auth.score > views", who: "bob", expected: ["p2", "p4"]),
        Case(rule: "views < @request.auth.score", who: "alice", expected: ["p2", "p4", "p5"]),
        Case(rule: "@request.auth.name = author.name", who: "alice", expected: ["p1", "p3"]),
        Case(rule: "@request.auth.unknownfield = null", who: "alice", expected: all),
        Case(rule: "@request.auth.posts_via_author.title ?= \"Hello World\"", who: "alice", expected: all),
        Case(rule: "@request.auth.posts_via_author.title ?= \"Hello World\"", who: "bob", expected: []),
        Case(rule: "@request.auth.id:isset = true", who: "alice", expected: []),
        Case(rule: "@request.auth.id:isset = false", who: "anon", expected: []),
        Case(rule: "@request.headers.x_token = \"abc\"", who: "anon", headers: ["x_token": "abc"], expected: all),
        Case(rule: "@request.headers.x_token = \"abc\"", who: "anon", headers: ["x_token": "ABC"], expected: []),
        Case(rule: "@request.headers.x_token = null", who: "anon", expected: all),
        Case(rule: "@request.headers.x_token = \"\"", who: "anon", expected: all),
        Case(rule: "@request.headers.x_token:isset = true", who: "anon", headers: ["x_token": ""], expected: all),
        Case(rule: "@request.headers.x_token:isset = true", who: "anon", expected: []),
        Case(rule: "@request.headers.x_token:isset = false", who: "anon", expected: all),
        Case(rule: "@request.headers.x_token:lower = \"abc\"", who: "anon", headers: ["x_token": "AbC"], expected: all),
        Case(rule: "@request.query.mode = \"x\"", who: "anon", query: ["mode": "x"], expected: all),
        Case(rule: "@request.query.mode = \"x\"", who: "anon", expected: []),
        Case(rule: "@request.query.mode:isset = true", who: "anon", query: ["mode": ""], expected: all),
        Case(rule: "@request.query.n = \"5\"", who: "anon", query: ["n": "5"], expected: all),
        Case(rule: "@request.query.n = 5", who: "anon", query: ["n": "5"], expected: []),
        Case(rule: "@request.query.n = views", who: "anon", query: ["n": "10"], expected: ["p1"]),
        Case(rule: "views > @request.query.n", who: "anon", query: ["n": "9"], expected: ["p1", "p3", "p6"]),
        Case(rule: "@request.query.filter ~ \"views\"", who: "anon", query: ["filter": "views > 0"], expected: all),
        Case(rule: "@request.method = \"GET\"", who: "anon", expected: all),
        Case(rule: "@request.method = \"get\"", who: "anon", expected: []),
        Case(rule: "@request.context = \"default\"", who: "anon", expected: all),
        Case(rule: "@request.context != \"default\"", who: "anon", expected: []),
        Case(rule: "@request.body.title = null", who: "anon", expected: all),
        Case(rule: "@request.body.title:isset = false", who: "anon", expected: all),
        Case(rule: "@collection.tags.name ?= \"go\"", who: "anon", expected: all),
        Case(rule: "@collection.tags.name = \"go\"", who: "anon", expected: []),
        Case(rule: "@collection.tags.weight > -1", who: "anon", expected: all),
        Case(rule: "@collection.tags.weight > 0", who: "anon", expected: []),
        Case(rule: "@collection.comments.post ?= id", who: "anon", expected: ["p1", "p2", "p4"]),
        Case(rule: "@collection.comments.post = id", who: "anon", expected: []),
        Case(rule: "@collection.comments.author ?= author", who: "anon", expected: ["p1", "p2", "p3", "p5"]),
        Case(rule: "@collection.comments.post ?= id && @collection.comments.likes ?> 2", who: "anon", expected: ["p1", "p2"]),
        Case(rule: "@collection.comments:c.post ?= id && @collection.comments:c.likes ?> 2", who: "anon",
             expected: ["p1", "p2"]),
        Case(rule: "@collection.comments:a.post ?= id && @collection.comments:b.likes ?> 2", who: "anon",
             expected: ["p1", "p2", "p4"]),
        Case(rule: "@collection.comments.author ?= @request.auth.id && @collection.comments.post ?= id", who: "carol",
             expected: ["p1"]),
        Case(rule: "@collection.comments:x.author ?= @request.auth.id && @collection.comments:y.post ?= id",
             who: "carol", expected: ["p1", "p2", "p4"]),
        Case(rule: "@collection.comments.author.name ?= \"Alice\" && @collection.comments.post ?= id", who: "anon",
             expected: ["p2", "p4"]),
        Case(rule: "@collection.members.secret ?= \"a-secret\"", who: "anon", expected: all),
        Case(rule: "comments_via_post.likes ?> 2 && tags.name ?= \"swift\"", who: "anon", expected: ["p2"]),
    ]

    @Test("list rules select the reference server's records", arguments: cases)
    func listRule(_ item: Case) throws {
        try withRulesWorld { world throws in
            let env = try world.environment(item.who, query: item.query, headers: item.headers)
            #expect(Set(try world.ids("posts", rule: item.rule, environment: env)) == item.expected)
        }
    }

    @Test("the list rule and the client filter are ANDed")
    func combined() throws {
        try withRulesWorld { world throws in
            #expect(Set(try world.ids("posts", filter: "views > 8", rule: "published = true")) == ["p1", "p3"])
            #expect(Set(try world.ids("posts", filter: "published = false", rule: "published = true")) == [])
        }
    }

    @Test("sorts order records as the reference server does", arguments: [
        ("-views", ["p6", "p3", "p1", "p5", "p2", "p4"]), ("views", ["p4", "p2", "p5", "p1", "p3", "p6"]),
        ("-published,views", ["p5", "p1", "p3", "p4", "p2", "p6"]), ("+published,-views", ["p6", "p2", "p4", "p3", "p1", "p5"]),
        ("author.name,@rowid", ["p4", "p6", "p1", "p3", "p2", "p5"]), ("-author.name,-@rowid", ["p5", "p2", "p3", "p1", "p6", "p4"]),
        ("author.team.rank,@rowid", ["p4", "p5", "p1", "p3", "p6", "p2"]),
        ("title:lower,@rowid", ["p4", "p3", "p2", "p1", "p5", "p6"]), ("title,@rowid", ["p4", "p3", "p1", "p5", "p2", "p6"]),
        ("meta.n,title", ["p5", "p6", "p4", "p1", "p3", "p2"]), ("@rowid", ["p1", "p2", "p3", "p4", "p5", "p6"]),
        ("-@rowid", ["p6", "p5", "p4", "p3", "p2", "p1"]), (" -views , title ", ["p6", "p3", "p1", "p5", "p2", "p4"]),
    ] as [(String, [String])])
    func sort(_ sort: String, _ expected: [String]) throws {
        try withRulesWorld { world throws in
            #expect(try world.ids("posts", sort: sort) == expected)
        }
    }

    @Test("superusers may sort by hidden fields")
    func hiddenSort() throws {
        try withRulesWorld { world throws in
            #expect(try world.ids("members", sort: "-secret,@rowid", who: "su") == ["bob", "alice", "carol", "dave"])
            #expect(try world.ids("posts", sort: "-author.secret,@rowid", who: "su") == ["p2", "p1", "p3", "p5", "p6", "p4"])
        }
    }

    @Test("@random returns every record")
    func random() throws {
        try withRulesWorld { world throws in
            #expect(Set(try world.ids("posts", sort: "@random")) == Self.all)
        }
    }

    @Test("invalid sorts are refused", arguments: ["unknown", "secret", "author.secret", "author.nope", "title:nope",
                                                   "comments_via_nope.id", "@request.method", "@now", "null"])
    func invalidSort(_ sort: String) throws {
        _ = try withRulesWorld { world throws in
            #expect(throws: RuleBindError.self) { _ = try world.ids("posts", sort: sort, who: "alice") }
        }
    }

    @Test("datetime macros compare with stored dates")
    func macros() throws {
        try withRulesWorld { world throws in
            let day: Int64 = 86_400
            let stamps: [(String, Int64)] = [("d3ago", -3 * day), ("h25ago", -25 * 3600), ("h23ago", -23 * 3600),
                                             ("m10ago", -600), ("m10ahead", 600), ("h25ahead", 25 * 3600)]
            for (name, offset) in stamps { try world.insert("events", name, ["at": world.date(offset)]) }
            try world.insert("events", "empty", ["at": ""])
            #expect(try world.match("events", "at > @now") == ["m10ahead", "h25ahead"])
            #expect(try world.match("events", "at < @now && at != ''") == ["d3ago", "h25ago", "h23ago", "m10ago"])
            #expect(try world.match("events", "at >= @yesterday") == ["h23ago", "m10ago", "m10ahead", "h25ahead"])
            #expect(try world.match("events", "at > @tomorrow") == ["h25ahead"])
            #expect(try world.match("events", "at = ''") == ["empty"])
            #expect(try world.match("events", "at = null") == ["empty"])
            #expect(try world.match("events", "@now = @now && at = ''") == ["empty"])
            #expect(try world.match("events", "@second >= 0 && @second < 60 && at = ''") == ["empty"])
            #expect(try world.match("events", "@now ~ 'Z' && at = ''") == ["empty"])
        }
    }
}
