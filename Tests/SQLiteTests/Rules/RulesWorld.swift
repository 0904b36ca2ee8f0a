import PocketApplication
import PocketDomain
import PocketSQL
import PocketSQLite

/// The conformance suite's blog world (`lib/rules_helpers.build_blog`) in a temp SQLite database,
/// with record ids equal to their names so filters can be checked by name.
final class RulesWorld {
    let directory: SQLiteDataDirectory
    let collections: [String: Collection]
    let schema: SchemaSnapshot
    let now: DateTime

    static func field(_ type: String, _ name: String, _ options: KeyValuePairs<String, JSONValue> = [:]) -> Field {
        Field(json: JSONObject([("type", .string(type)), ("name", .string(name)),
                                ("id", .string(Field.defaultID(type: type, name: name)))]
                               + options.map { ($0.key, $0.value) }))!
    }

    static func collections() -> [Collection] {
        let f = field
        let teams = Collection(id: "pbc_teams", name: "teams", kind: .base,
                               fields: [SystemCollections.idField(), f("text", "name", [:]), f("number", "rank", [:])])
        let members = Collection(id: "pbc_members", name: "members", kind: .auth,
                                 fields: SystemCollections.authFields(system: true) + [
                                     f("text", "name", [:]),
                                     f("select", "role", ["values": ["admin", "editor", "viewer"], "maxSelect": 1]),
                                     f("relation", "team", ["collectionId": "pbc_teams", "maxSelect": 1]),
                                     f("number", "score", [:]),
                                     f("text", "secret", ["hidden": true]),
                                     f("relation", "friends", ["collectionId": "pbc_members", "maxSelect": 5]),
                                 ],
                                 indexes: SystemCollections.authIndexes(table: "members", id: "pbc_members"))
        let tags = Collection(id: "pbc_tags", name: "tags", kind: .base,
                              fields: [SystemCollections.idField(), f("text", "name", [:]), f("number", "weight", [:])])
        let posts = Collection(id: "pbc_posts", name: "posts", kind: .base, fields: [
            SystemCollections.idField(), f("text", "title", [:]),
            f("relation", "author", ["collectionId": "pbc_members", "maxSelect": 1]),
            f("relation", "tags", ["collectionId": "pbc_tags", "maxSelect": 10]),
            f("select", "status", ["values": ["draft", "published", "archived"], "maxSelect": 1]),
            f("select", "labels", ["values": ["a", "b", "c", "d"], "maxSelect": 4]),
            f("number", "views", [:]), f("bool", "published", [:]), f("json", "meta", [:]),
            f("date", "publishedAt", [:]), f("text", "note", [:]),
        ])
        let comments = Collection(id: "pbc_comments", name: "comments", kind: .base, fields: [
            SystemCollections.idField(),
            f("relation", "post", ["collectionId": "pbc_posts", "maxSelect": 1]), f("text", "message", [:]),
            f("relation", "author", ["collectionId": "pbc_members", "maxSelect": 1]), f("number", "likes", [:]),
        ])
        let places = Collection(id: "pbc_places", name: "places", kind: .base, fields: [
            SystemCollections.idField(), f("text", "name", [:]), f("geoPoint", "loc", [:]),
        ])
        let events = Collection(id: "pbc_events", name: "events", kind: .base, fields: [
            SystemCollections.idField(), f("date", "at", [:]),
        ])
        let vals = Collection(id: "pbc_vals", name: "vals", kind: .base, fields: [
            SystemCollections.idField(), f("text", "s", [:]), f("text", "t", [:]), f("number", "n", [:]),
            f("number", "m", [:]), f("json", "j", [:]),
            f("select", "flags", ["values": ["x", "y", "z"], "maxSelect": 3]),
            f("relation", "refs", ["collectionId": "pbc_tags", "maxSelect": 5]),
            f("relation", "one", ["collectionId": "pbc_tags", "maxSelect": 1]),
        ])
        let reviews = Collection(id: "pbc_reviews", name: "reviews", kind: .base, fields: [
            SystemCollections.idField(), f("text", "who", [:]), f("number", "score", [:]),
            f("relation", "primary", ["collectionId": "pbc_posts", "maxSelect": 1]),
            f("relation", "related", ["collectionId": "pbc_posts", "maxSelect": 5]),
        ])
        return [teams, members, tags, posts, comments, places, events, vals, reviews]
    }

    init(directory: SQLiteDataDirectory, now: DateTime) throws {
        self.directory = directory
        self.now = now
        let all = Self.collections()
        collections = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })
        schema = SchemaSnapshot(all)
        try directory.collections.apply(all.map { .create($0) })
        try seed()
    }

    func insert(_ collection: String, _ id: String, _ values: KeyValuePairs<String, JSONValue>) throws {
        let target = collections[collection]!
        var object = JSONObject([("id", .string(id))])
        for (key, value) in values { object[key] = value }
        try directory.records.insert(Record(collection: target, values: object), into: target)
    }

    func date(_ offsetSeconds: Int64) -> JSONValue { .string(now.adding(seconds: offsetSeconds).description) }

    private func seed() throws {
        for (name, rank) in [("red", 1), ("blue", 2), ("green", 3)] {
            try insert("teams", name, ["name": .string(name), "rank": .number(Double(rank))])
        }
        try insert("members", "alice", ["email": "alice@example.com", "name": "Alice", "role": "admin", "team": "red",
                                        "score": 10, "emailVisibility": true, "verified": true, "secret": "a-secret",
                                        "friends": ["bob", "carol"], "tokenKey": "ka"])
        try insert("members", "bob", ["email": "bob@example.com", "name": "Bob", "role": "editor", "team": "blue",
                                      "score": 5, "emailVisibility": false, "secret": "b-secret", "friends": ["alice"],
                                      "tokenKey": "kb"])
        try insert("members", "carol", ["email": "carol@example.com", "name": "carol", "role": "viewer", "score": 0,
                                        "emailVisibility": true, "friends": [], "tokenKey": "kc"])
        try insert("members", "dave", ["email": "dave@example.com", "name": "", "score": -3, "team": "red",
                                       "emailVisibility": false, "friends": ["alice", "bob", "carol"], "tokenKey": "kd"])
        for (name, weight) in [("go", 1), ("python", 2), ("swift", 3), ("db", 0)] {
            try insert("tags", name, ["name": .string(name), "weight": .number(Double(weight))])
        }
        try insert("posts", "p1", ["title": "Hello World", "author": "alice", "tags": ["go", "python"],
                                   "status": "published", "labels": ["a", "b"], "views": 10, "published": true,
                                   "meta": ["a": ["b": 1], "kind": "news", "n": 5, "list": [1, 2, 3]],
                                   "publishedAt": date(-3 * 86_400), "note": "x"])
        try insert("posts", "p2", ["title": "hello again", "author": "bob", "tags": ["swift"], "status": "draft",
                                   "labels": ["a"], "views": 0, "published": false,
                                   "meta": ["a": ["b": 2], "kind": "blog", "n": "5"], "publishedAt": date(-3600)])
        try insert("posts", "p3", ["title": "100% pure_fun", "author": "alice", "tags": [], "status": "archived",
                                   "labels": [], "views": 25, "published": true, "meta": ["kind": "", "n": 10]])
        try insert("posts", "p4", ["title": "", "tags": ["go", "swift", "db"], "status": "published",
                                   "labels": ["b", "c", "d"], "views": -5, "published": false,
                                   "meta": ["kind": nil, "n": 0], "publishedAt": date(2 * 86_400)])
        try insert("posts", "p5", ["title": "Quote \"it\" isn't", "author": "carol", "tags": ["db"], "labels": ["c"],
                                   "views": 7.5, "published": true, "meta": ["a": ["b": "x"], "kind": "news"]])
        try insert("posts", "p6", ["title": "Ünïcödé Straße", "author": "dave", "tags": ["python"], "status": "draft",
                                   "labels": ["d"], "views": 100, "published": false, "meta": [1, 2], "note": "Ünïcödé"])
        try insert("comments", "c1", ["post": "p1", "message": "great post", "author": "bob", "likes": 3])
        try insert("comments", "c2", ["post": "p1", "message": "meh", "author": "carol", "likes": 0])
        try insert("comments", "c3", ["post": "p2", "message": "great too", "author": "alice", "likes": 5])
        try insert("comments", "c4", ["post": "p4", "message": "", "author": "alice", "likes": 1])

        for (name, loc) in [("sofia", ["lon": 23.3219, "lat": 42.6977] as JSONValue),
                            ("plovdiv", ["lon": 24.7453, "lat": 42.1354]), ("london", ["lon": -0.1276, "lat": 51.5072]),
                            ("origin", nil), ("south", ["lon": 0, "lat": -1])] {
            try insert("places", name, ["name": .string(name), "loc": loc])
        }
        let vals: [(String, KeyValuePairs<String, JSONValue>)] = [
            ("unset", [:]),
            ("jnull", ["j": nil, "s": "", "t": ""]),
            ("jempty", ["j": "", "s": "a", "t": "a"]),
            ("jstr5", ["j": 5, "s": "A", "t": "a", "n": 5, "m": 5]),
            ("jnum5", ["j": 5, "s": "b", "t": "B", "n": 5, "m": 6]),
            ("jtrue", ["j": true, "n": -1, "m": -2, "flags": ["x"], "refs": ["go"], "one": "go"]),
            ("jobjnull", ["j": ["k": nil], "flags": ["x", "y"], "refs": ["go", "python"]]),
            ("jobjempty", ["j": ["k": ""], "flags": ["x", "y", "z"], "refs": ["go", "python", "swift"]]),
            ("jobjv", ["j": ["k": "v", "n": "10"], "flags": ["y"], "refs": ["db"], "one": "db"]),
            ("jarr", ["j": [], "s": "ß", "t": "SS"]),
            ("jstrabc", ["j": "abc", "s": "Ärger", "t": "ärger"]),
            ("jobjnum", ["j": ["k": 10, "n": 9]]),
        ]
        for (name, values) in vals { try insert("vals", name, values) }
        try insert("reviews", "r1", ["who": "ann", "score": 5, "primary": "p1", "related": ["p2", "p3"]])
        try insert("reviews", "r2", ["who": "ben", "score": 2, "primary": "p1", "related": ["p2"]])
        try insert("reviews", "r3", ["who": "ann", "score": 4, "primary": "p2", "related": []])
        try insert("reviews", "r4", ["who": "cid", "score": 1, "primary": "p3", "related": ["p1", "p2", "p3"]])
    }

    /// The environment of a request by `who` (a member name, "anon" or "su").
    func environment(_ who: String, query: [String: String] = [:], headers: [String: String] = [:],
                     method: String = "GET", body: JSONObject = JSONObject()) throws -> RuleEnvironment {
        var auth: RuleEnvironment.Auth?
        if who == "su" {
            let superusers = SystemCollections.superusersCollection(now: now, secrets: { "s" })
            auth = RuleEnvironment.Auth(values: JSONObject([("id", "su1"), ("email", "su@example.com")]),
                                        collection: superusers)
        } else if who != "anon" {
            let members = collections["members"]!
            let record = try directory.records.record(in: members, id: who)!
            auth = RuleEnvironment.Auth(values: record.values, collection: members)
        }
        return RuleEnvironment(auth: auth, body: body, query: query, headers: headers, method: method, now: now)
    }

    /// Ids the list endpoint returns for `filter` (client filter) under `rule` (API rule) and `sort`.
    func ids(_ collection: String, filter: String? = nil, rule: String? = nil, sort: String? = nil,
             who: String = "anon", environment given: RuleEnvironment? = nil,
             dialect: any SQLDialect = SQLiteDialect()) throws -> [String] {
        let target = collections[collection]!
        let env = try given ?? environment(who)
        var rules: [BoundRule] = []
        if let rule, !rule.isEmpty {
            rules.append(try RuleBinder.bind(rule, collection: target, schema: schema, environment: env, options: .apiRule))
        }
        let options = RuleBindOptions.clientFilter(isSuperuser: who == "su")
        if let filter, !filter.isEmpty {
            rules.append(try RuleBinder.bind(filter, limits: .filter, collection: target, schema: schema,
                                             environment: env, options: options))
        }
        var sorted = BoundSort()
        if let sort {
            sorted = try SortBinder.bind(try SortSpec(parsing: sort), collection: target, schema: schema,
                                         environment: env, options: options)
        }
        let statement = RecordSelectBuilder(dialect: dialect).list(target, rules: rules, sort: sorted)
        let count = RecordSelectBuilder(dialect: dialect).count(target, rules: rules)
        let rows = try directory.data.read { try $0.query(statement.sql, statement.binds.map(\.sqlite)) }
        let total = try directory.data.read { try $0.queryFirst(count.sql, count.binds.map(\.sqlite))?[0].integer }
        let ids = rows.map { $0["id"].text ?? "" }
        precondition(Int(total ?? -1) == Set(ids).count, "count \(String(describing: total)) != \(ids.count) for \(filter ?? rule ?? "")")
        return ids
    }

    /// The set of ids matching a client filter.
    func match(_ collection: String, _ filter: String, who: String = "anon") throws -> Set<String> {
        Set(try ids(collection, filter: filter, who: who))
    }
}

extension SQLBind {
    var sqlite: SQLiteValue {
        switch self {
        case .null: .null
        case .integer(let value): .integer(value)
        case .real(let value): .real(value)
        case .text(let value): .text(value)
        }
    }
}

/// Runs `body` with a fresh blog world.
func withRulesWorld<T>(_ body: (RulesWorld) throws -> T) throws -> T {
    try withDataDirectory { directory, clock in
        try body(try RulesWorld(directory: directory, now: DateTime(unixMilliseconds: 1_780_000_000_123)))
    }
}
