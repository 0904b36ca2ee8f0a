import Testing
@testable import PocketDomain

@Suite("Collection JSON")
struct CollectionJSONTests {
    static let now = DateTime(unixMilliseconds: 1_704_164_645_678)

    static func users() -> Collection {
        SystemCollections.usersCollection(now: now, secrets: { "topsecret" })
    }

    /// Every key anywhere in a JSON value.
    private func allKeys(_ value: JSONValue) -> [String] {
        switch value {
        case .object(let object): object.keys + object.flatMap { allKeys($0.value) }
        case .array(let items): items.flatMap(allKeys)
        default: []
        }
    }

    @Test("exported auth collections flatten their options and carry no secret")
    func exportAuth() throws {
        let exported = Self.users().exportJSON(includeTimestamps: false)
        #expect(Array(exported.keys.prefix(11))
            == ["id", "listRule", "viewRule", "createRule", "updateRule", "deleteRule", "name", "type", "fields", "indexes",
                "system"])
        #expect(exported.keys.dropFirst(11).sorted()
            == ["authAlert", "authRule", "authToken", "confirmEmailChangeTemplate", "emailChangeToken", "fileToken",
                "manageRule", "mfa", "oauth2", "otp", "passwordAuth", "passwordResetToken", "resetPasswordTemplate",
                "verificationTemplate", "verificationToken"])
        #expect(!exported.contains("options"))
        #expect(!exported.contains("created"))
        #expect(!allKeys(.object(exported)).contains("secret"))
        #expect(!JSONWriter.string(.object(exported)).contains("topsecret"))
        #expect(exported["authToken"] == ["duration": 604_800])
        #expect(exported["createRule"] == "")
        #expect(exported["manageRule"] == .null)
        #expect(exported["type"] == "auth")
        #expect(exported["system"] == false)
    }

    @Test("exported timestamps use PocketBase's datetime text")
    func exportTimestamps() {
        let exported = Self.users().exportJSON(includeTimestamps: true)
        #expect(exported["created"] == "2024-01-02 03:04:05.678Z")
        #expect(exported["updated"] == "2024-01-02 03:04:05.678Z")
    }

    @Test("the stored options keep every token secret")
    func storedOptionsKeepSecrets() {
        let options = Self.users().optionsJSON
        for kind in ["authToken", "passwordResetToken", "emailChangeToken", "verificationToken", "fileToken"] {
            #expect(options[kind]["secret"] == "topsecret")
        }
        #expect(options["authToken"]["duration"] == 604_800)
    }

    @Test("base and view collections")
    func baseAndView() {
        let base = Collection(name: "posts", kind: .base, rules: CollectionRules(list: ""))
        #expect(base.optionsJSON == .object(JSONObject()))
        #expect(base.auth == nil)
        let exported = base.exportJSON(includeTimestamps: false)
        #expect(exported.keys == ["id", "listRule", "viewRule", "createRule", "updateRule", "deleteRule", "name", "type",
                                  "fields", "indexes", "system"])
        #expect(exported["id"] == .string(Collection.defaultID(kind: .base, name: "posts")))
        #expect(exported["listRule"] == "")
        #expect(exported["viewRule"] == .null)
        let view = Collection(name: "stats", kind: .view, viewQuery: "SELECT id FROM posts")
        #expect(view.optionsJSON == ["viewQuery": "SELECT id FROM posts"])
        #expect(view.exportJSON(includeTimestamps: false)["viewQuery"] == "SELECT id FROM posts")
        #expect(Collection(name: "a", kind: .auth).auth == AuthOptions())
    }

    private func decode(_ collection: Collection, viaText: Bool) throws -> Collection {
        func column(_ value: JSONValue) throws -> JSONValue {
            viaText ? try JSONParser.parse(JSONWriter.string(value)) : value
        }
        return try Collection(id: collection.id, name: collection.name, type: collection.kind.rawValue,
                              system: collection.system, fields: column(collection.fieldsJSON),
                              indexes: column(collection.indexesJSON), rules: collection.rules,
                              options: column(collection.optionsJSON), created: collection.created,
                              updated: collection.updated)
    }

    @Test("stored columns decode back to the same collection", arguments: ReferenceCollections.rows.map(\.name))
    func decodeRoundTrip(name: String) throws {
        let original = try #require(SystemCollections.all(now: Self.now, secrets: { "s" }).first { $0.name == name })
        #expect(try decode(original, viaText: false) == original)
        #expect(try decode(original, viaText: true) == original)
    }

    @Test("a view collection round-trips its query")
    func viewRoundTrip() throws {
        let view = Collection(name: "stats", kind: .view, fields: [SystemCollections.idField()], viewQuery: "SELECT 1")
        #expect(try decode(view, viaText: true) == view)
    }

    @Test("reference rows decode and write back the same columns", arguments: ReferenceCollections.rows.map(\.name))
    func decodeReference(name: String) throws {
        let row = try #require(ReferenceCollections.rows.first { $0.name == name })
        let decoded = try Collection(id: row.id, name: row.name, type: row.type, system: row.system,
                                     fields: try JSONParser.parse(row.fields), indexes: try JSONParser.parse(row.indexes),
                                     rules: CollectionRules(), options: try JSONParser.parse(row.options),
                                     created: Self.now, updated: Self.now)
        #expect(JSONWriter.string(decoded.fieldsJSON) == row.fields)
        #expect(JSONWriter.string(decoded.indexesJSON) == row.indexes)
        if let auth = decoded.auth {
            #expect(JSONWriter.string(.object(auth.json(includeSecrets: false))) == row.options)
        }
    }

    @Test("an unknown type or an unreadable field is a decoding error")
    func decodingErrors() {
        #expect(throws: Collection.DecodingError(message: "collection x: unknown type weird")) {
            try Collection(id: "1", name: "x", type: "weird", system: false, fields: [], indexes: [],
                           rules: CollectionRules(), options: nil, created: Self.now, updated: Self.now)
        }
        #expect(throws: Collection.DecodingError(message: #"collection x: unreadable field {"type":"nope"}"#)) {
            try Collection(id: "1", name: "x", type: "base", system: false, fields: [["type": "nope"]], indexes: [],
                           rules: CollectionRules(), options: nil, created: Self.now, updated: Self.now)
        }
    }

    @Test("missing auth options fall back to PocketBase's defaults")
    func authDefaults() throws {
        let decoded = try Collection(id: "1", name: "members", type: "auth", system: false, fields: [], indexes: nil,
                                     rules: CollectionRules(), options: ["authToken": ["secret": "k"]],
                                     created: Self.now, updated: Self.now)
        let auth = try #require(decoded.auth)
        #expect(auth.authToken == TokenConfig(secret: "k", duration: 604_800))
        #expect(auth.authRule == "")
        #expect(auth.manageRule == nil)
        #expect(auth.passwordAuth.identityFields == ["email"])
        #expect(auth.otp.length == 8)
        #expect(auth.mfa.duration == 1800)
        #expect(auth.verificationTemplate == .verification)
        #expect(decoded.indexes == [])
        #expect(try Collection(id: "1", name: "m", type: "auth", system: false, fields: [], indexes: [],
                               rules: CollectionRules(), options: ["authRule": nil], created: Self.now,
                               updated: Self.now).auth?.authRule == nil)
    }

    @Test("field lookup and hidden names")
    func lookup() {
        let users = Self.users()
        #expect(users.isAuth)
        #expect(users.field(named: "email")?.typeName == "email")
        #expect(users.field(named: "Email") == nil)
        #expect(users.hiddenFieldNames == ["password", "tokenKey"])
    }
}
