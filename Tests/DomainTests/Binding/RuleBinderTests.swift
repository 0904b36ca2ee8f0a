import PocketDomain
import Testing

/// A small in-code schema: users (auth), tags, posts, comments.
enum BindingSchema {
    static func field(_ type: String, _ name: String, _ options: [(String, JSONValue)] = []) -> Field {
        Field(json: JSONObject([("type", .string(type)), ("name", .string(name))] + options))!
    }

    static let users = Collection(id: "pbc_users", name: "users", kind: .auth,
                                  fields: SystemCollections.authFields(system: true) + [
                                      field("text", "name"), field("text", "secret", [("hidden", true)]),
                                      field("relation", "friends", [("collectionId", "pbc_users"), ("maxSelect", 5)]),
                                  ])
    static let tags = Collection(id: "pbc_tags", name: "tags", kind: .base,
                                 fields: [SystemCollections.idField(), field("text", "name")])
    static let posts = Collection(id: "pbc_posts", name: "posts", kind: .base, fields: [
        SystemCollections.idField(), field("text", "title"), field("number", "views"), field("json", "meta"),
        field("relation", "author", [("collectionId", "pbc_users"), ("maxSelect", 1)]),
        field("relation", "tags", [("collectionId", "pbc_tags"), ("maxSelect", 9)]),
        field("select", "labels", [("values", ["a", "b"]), ("maxSelect", 2)]),
        field("select", "status", [("values", ["x"]), ("maxSelect", 1)]), field("geoPoint", "loc"),
    ])
    static let comments = Collection(id: "pbc_comments", name: "comments", kind: .base, fields: [
        SystemCollections.idField(), field("relation", "post", [("collectionId", "pbc_posts"), ("maxSelect", 1)]),
        field("text", "message"),
    ], indexes: ["CREATE UNIQUE INDEX idx_post ON comments (post)"])
    static let all = [users, tags, posts, comments]
    static let schema = SchemaSnapshot(all)
    /// 2026-05-28 20:26:40.123Z, a Thursday.
    static let now = DateTime(unixMilliseconds: 1_780_000_000_123)

    static func env(auth: Bool = false, body: JSONObject = JSONObject(), query: [String: String] = [:]) -> RuleEnvironment {
        RuleEnvironment(auth: auth ? .init(values: JSONObject([("id", "u1"), ("email", "a@b.c"), ("verified", true)]),
                                           collection: users) : nil,
                        body: body, query: query, headers: ["x_token": "abc"], method: "POST", now: now)
    }

    static func bind(_ rule: String, in collection: Collection = posts, env: RuleEnvironment = env(),
                     options: RuleBindOptions = .apiRule) -> String {
        do {
            return BoundRuleDebugPrinter.print(try RuleBinder.bind(rule, collection: collection, schema: schema,
                                                                   environment: env, options: options))
        } catch {
            return "error: \(error.message)"
        }
    }
}

@Suite("RuleBinder")
struct RuleBinderTests {
    @Test("fields, literals, relations, back-relations, json, modifiers", arguments: [
        ("title = 'x'", #"(= posts.title "x")"#),
        ("views > 1.5 || null = true", "(or (> posts.views 1.5) (= NULL 1))"),
        ("TRUE != False", "(!= 1 0)"),
        ("author.name ~ 'a'", #"(~ posts_author.name "a") | posts_author=users on id=posts.author"#),
        ("author.id = 'u1'", #"(= posts.author "u1")"#),
        ("tags.name ?= 'go'",
         #"(?= posts_tags.name{all:__mm_posts_tags.name} "go") | posts_tags_je=items(posts.tags); posts_tags=tags on id=posts_tags_je.value"#),
        ("comments_via_post.message = ''",
         #"(= posts_comments_via_post.message "") | posts_comments_via_post=comments on post=posts.id"#),
        ("meta.a.0 = 1", "(= json(posts.meta$.a[0]) 1)"),
        ("meta = 1", "(= json(posts.meta$) 1)"),
        ("loc.lon < 0", "(< json(posts.loc$.lon) 0)"),
        ("labels:length = 2 && status:each = 'x'",
         #"(and (= length(posts.labels) 2) (= posts_status_je.value "x")) | posts_status_je=items(posts.status)"#),
        ("labels:each = 'a'",
         #"(= posts_labels_je.value{all:__mm_posts_labels_je.value} "a") | posts_labels_je=items(posts.labels)"#),
        ("title:lower = 'x' && title:isset = 1", #"(and (= lower(posts.title) "x") (= posts.title 1))"#),
        ("meta.k:lower = 1", "(= json(posts.meta$.klower) 1)"),
        ("author.email = ''", #"(= posts_author.email "") | posts_author=users on id=posts.author"#),
        ("@now = @todayStart && @weekday = 4 && @monthEnd = ''",
         #"(and (= "2026-05-28 20:26:40.123Z" "2026-05-28 00:00:00.000Z") (= 4i 4) (= "2026-05-31 23:59:59.999Z" ""))"#),
        ("@yearEnd = @yesterday", #"(= "2026-12-31 23:59:59.999Z" "2026-05-27 20:26:40.123Z")"#),
        ("geoDistance(loc.lon, loc.lat, 1, null) < 5",
         "(< geoDistance(json(posts.loc$.lon), json(posts.loc$.lat), 1, NULL) 5)"),
        ("@collection.tags.name ?= title && @collection.tags:t.name = ''",
         #"(and (?= __collection_tags.name{all:__mm__collection_tags.name} posts.title) (= __collection_alias_t.name{all:__mm__collection_alias_t.name} "")) | __collection_tags=tags; __collection_alias_t=tags"#),
        ("@collection.users.secret = 'x'",
         #"(= __collection_users.secret{all:__mm__collection_users.secret} "x") | __collection_users=users"#),
    ] as [(String, String)])
    func fields(_ rule: String, _ expected: String) {
        #expect(BindingSchema.bind(rule) == expected)
    }

    @Test("@request values", arguments: [
        ("@request.auth.id = author", false, "(= NULL posts.author)"),
        ("@request.auth.id = author", true, #"(= "u1" posts.author)"#),
        ("@request.auth.verified = true", true, "(= true 1)"),
        ("@request.auth.id:isset = true", true,
         "(= __auth_users.id 1) | __auth_users=users on id='u1'"),
        ("@request.auth.friends.name ?= 'x'", true,
         #"(?= __auth_users_friends.name{all:__mm___auth_users_friends.name} "x") | __auth_users=users on id='u1'; __auth_users_friends_je=items(__auth_users.friends); __auth_users_friends=users on id=__auth_users_friends_je.value"#),
        ("@request.auth.nope = 1", true, "(= NULL 1) | __auth_users=users on id='u1'"),
        ("@request.headers.x_token = 'abc' && @request.method = 'POST'", false,
         #"(and (= "abc" "abc") (= "POST" "POST"))"#),
        ("@request.headers.x_token:lower = 'abc' && @request.headers.nope:isset = false", false,
         #"(and (= lower("abc") "abc") (= FALSE 0))"#),
        ("@request.query.views = 5 && @request.query.q = 5", false, #"(and (= 5 5) (= "5" 5))"#),
        ("@request.body.title = 'x' && @request.body.title:isset = true", false, #"(and (= "x" "x") (= TRUE 1))"#),
        ("@request.body.labels:length = 2 && @request.body.labels:each ?= 'a'", false,
         #"(and (= 2 2) (?= __dataEach_labels_je.value{all:__mm__dataEach_labels_je.value} "a")) | __dataEach_labels_je=items(["a","b"])"#),
        ("@request.body.title:lower = 'x'", false, #"(= lower("x") "x")"#),
        ("@request.body.meta.a = 1 && @request.body.meta = ''", false, #"(and (= 1 1) (= "{"a":1}" ""))"#),
        ("@request.body.tags.name = 'go'", false,
         #"(= __data_tags_tags.name{all:__data_mm_tags_tags.name} "go") | __data_tags_tags=tags on id in (t1,t2)"#),
        ("@request.body.author.name = 'go'", false, #"(= NULL "go")"#),
    ] as [(String, Bool, String)])
    func request(_ rule: String, _ auth: Bool, _ expected: String) {
        let body = JSONObject([("title", "x"), ("labels", ["a", "b"]), ("meta", ["a": 1]), ("tags", ["t1", "t2", "t1"])])
        let env = BindingSchema.env(auth: auth, body: body, query: ["views": "5", "q": "5"])
        #expect(BindingSchema.bind(rule, env: env) == expected)
    }

    @Test("errors use PocketBase's wording", arguments: [
        ("missing = 1", #"invalid left operand "missing" - unknown field "missing""#),
        ("title.x = 1", #"invalid left operand "title.x" - field "title" is not a valid relation"#),
        ("title:foo = 1", #"invalid left operand "title:foo" - unknown modifier in "title:foo""#),
        ("title = @nope", #"invalid right operand "@nope" - failed to resolve field "@nope""#),
        ("@collection.nope.x = 1",
         #"invalid left operand "@collection.nope.x" - failed to load collection "nope" from field path "@collection.nope.x""#),
        ("geoDistance(1,2,3) < 1", #"invalid left operand "geoDistance" - [geoDistance] expected 4 arguments, got 3"#),
        ("geoDistance(1,2,3,'a') < 1",
         #"invalid left operand "geoDistance" - [geoDistance] argument 3 must be an identifier or number"#),
        ("nope(1) = 1", #"invalid left operand "nope" - unknown function "nope""#),
        ("author.a.b.c.d.e.f.g = 1", #"invalid left operand "author.a.b.c.d.e.f.g" - failed to resolve field "a""#),
        ("author.friends.friends.friends.friends.friends.friends.name = 1",
         #"invalid left operand "author.friends.friends.friends.friends.friends.friends.name" - max nested relations reached for field "friends""#),
        ("comments_via_nope.id = 1", #"invalid left operand "comments_via_nope.id" - missing back relation field "nope""#),
        ("comments_via_message.id = 1",
         #"invalid left operand "comments_via_message.id" - invalid back relation field "message""#),
        ("@request.body.title:each = 1",
         #"invalid left operand "@request.body.title:each" - field "title" doesn't support multivalue operations"#),
        ("@request.body.title:changed = 1",
         #"invalid left operand "@request.body.title:changed" - unknown modifier in "title:changed""#),
    ] as [(String, String)])
    func errors(_ rule: String, _ message: String) {
        #expect(BindingSchema.bind(rule) == "error: " + message)
    }

    @Test("client filters refuse hidden fields and guard email")
    func clientFilters() {
        let filter = RuleBindOptions.clientFilter(isSuperuser: false)
        #expect(BindingSchema.bind("secret = 1", in: BindingSchema.users, options: filter)
            == #"error: invalid left operand "secret" - non-filterable field "secret""#)
        #expect(BindingSchema.bind("email = 'x'", in: BindingSchema.users, options: filter)
            == #"(= users.email{visible:users.emailVisibility} "x")"#)
        #expect(BindingSchema.bind("email = 'x'", in: BindingSchema.users, options: .clientFilter(isSuperuser: true))
            == #"(= users.email "x")"#)
    }

    @Test("sorts resolve to columns only")
    func sorts() throws {
        func sort(_ text: String, auth: Bool = false) -> String {
            do {
                return BoundRuleDebugPrinter.print(try SortBinder.bind(
                    try SortSpec(parsing: text), collection: BindingSchema.posts, schema: BindingSchema.schema,
                    environment: BindingSchema.env(auth: auth), options: .clientFilter(isSuperuser: false)))
            } catch let error as RuleBindError {
                return "error: \(error.message)"
            } catch {
                return "error: \(error)"
            }
        }
        #expect(sort("-views,@random,@rowid,author.name")
            == "posts.views DESC, @random ASC, @rowid ASC, posts_author.name ASC | posts_author=users on id=posts.author")
        #expect(sort("@request.method") == #"error: invalid sort field "@request.method""#)
        #expect(sort("@request.auth.name") == #"error: invalid sort field "@request.auth.name""#)
        #expect(sort("@request.auth.name", auth: true) == "__auth_users.name ASC | __auth_users=users on id='u1'")
        #expect(sort("null") == #"error: invalid sort field "null""#)
    }

    @Test("rule validation on save: @request values are NULL, shapes and fields are checked", arguments: [
        ("", nil), ("title = 'x'", nil), ("@request.auth.x.y = 1", nil), ("@request.body.title:each = 1", nil),
        ("1 = title:each", nil), ("null = title", nil),
        ("nofield = 1", #"Invalid rule. Raw error: invalid left operand "nofield" - unknown field "nofield""#),
        ("bad =", "Invalid rule. Raw error: invalid or incomplete filter expression"),
        ("@request.method:lower = 'get'",
         #"Invalid rule. Raw error: invalid left operand "@request.method:lower" - failed to resolve field "@request.method:lower""#),
        ("@request.context:isset = true",
         #"Invalid rule. Raw error: invalid left operand "@request.context:isset" - failed to resolve field "@request.context:isset""#),
        ("@request.unknown = null",
         #"Invalid rule. Raw error: invalid left operand "@request.unknown" - failed to resolve field "@request.unknown""#),
        ("@request.body:isset = false",
         #"Invalid rule. Raw error: invalid left operand "@request.body:isset" - failed to resolve field "@request.body:isset""#),
        ("created = ''", #"Invalid rule. Raw error: invalid left operand "created" - unknown field "created""#),
    ] as [(String, String?)])
    func validation(_ rule: String, _ message: String?) {
        let problem = RuleValidation.problem(rule, collection: BindingSchema.posts, all: BindingSchema.all)
        #expect(problem?.message == message)
        if problem != nil { #expect(problem?.code == "validation_invalid_rule") }
    }

    @Test("macros at month and year ends")
    func macros() {
        let leap = DateTime(parsing: "2024-02-29 23:59:59.999Z")!
        #expect(RuleMacros.value(of: "@monthEnd", now: leap) == .text("2024-02-29 23:59:59.999Z"))
        #expect(RuleMacros.value(of: "@tomorrow", now: leap) == .text("2024-03-01 23:59:59.999Z"))
        #expect(RuleMacros.value(of: "@weekday", now: leap) == .integer(4))
        #expect(RuleMacros.value(of: "@yearStart", now: leap) == .text("2024-01-01 00:00:00.000Z"))
        #expect(RuleMacros.value(of: "@hour", now: leap) == .integer(23))
        #expect(RuleMacros.value(of: "@NOW", now: leap) == nil)
    }
}
