import Testing
@testable import PocketDomain

@Suite("CollectionInput: loading a submitted collection")
struct CollectionInputTests {
    typealias F = CollectionFixtures

    @Test("a new base collection: default id, the system id field, then the submitted fields")
    func baseDefaults() throws {
        let c = try F.build(["name": "posts", "type": "base", "fields": [["name": "title", "type": "text"]]])
        #expect(c.id == Collection.defaultID(kind: .base, name: "posts"))
        #expect(c.kind == .base && !c.system && c.indexes.isEmpty)
        #expect(c.rules == CollectionRules())
        #expect(c.created == F.now && c.updated == F.now)
        let title: JSONValue = [
            "autogeneratePattern": "", "hidden": false, "id": .string(Field.defaultID(type: "text", name: "title")),
            "max": 0, "min": 0, "name": "title", "pattern": "", "presentable": false, "primaryKey": false,
            "required": false, "system": false, "type": "text",
        ]
        #expect(c.fieldsJSON == .array([ReferenceFields.id, title]))
    }

    @Test("explicit id kept; null and empty rules stay distinct")
    func explicitIDAndRules() throws {
        let c = try F.build(["id": "myid123", "name": "e", "listRule": "", "viewRule": "id != ''", "createRule": nil,
                             "updateRule": "@request.auth.id != ''", "deleteRule": nil])
        #expect(c.id == "myid123")
        #expect(c.rules == CollectionRules(list: "", view: "id != ''", create: nil, update: "@request.auth.id != ''",
                                           delete: nil))
        #expect(c.fieldsJSON == .array([ReferenceFields.id]))
    }

    @Test("a new auth collection: system fields without autodates, unique indexes, default options, fresh secrets")
    func authDefaults() throws {
        let c = try F.build(["name": "members", "type": "auth"])
        let cid = Collection.defaultID(kind: .auth, name: "members")
        #expect(c.id == cid)
        #expect(c.fieldsJSON == .array(ReferenceFields.auth))
        #expect(c.indexes == [
            "CREATE UNIQUE INDEX `idx_tokenKey_\(cid)` ON `members` (`tokenKey`)",
            "CREATE UNIQUE INDEX `idx_email_\(cid)` ON `members` (`email`) WHERE `email` != ''",
        ])
        let auth = try #require(c.auth)
        #expect(auth.authRule == "" && auth.manageRule == nil)
        #expect(auth.passwordAuth.identityFields == ["email"] && auth.passwordAuth.enabled)
        #expect(auth.authToken.duration == 604_800 && auth.fileToken.duration == 180)
        let secrets = [auth.authToken, auth.passwordResetToken, auth.emailChangeToken, auth.verificationToken,
                       auth.fileToken].map(\.secret)
        #expect(Set(secrets).count == 5 && secrets.allSatisfy { $0.hasPrefix("newsecret") })
        let exported = c.exportJSON(includeTimestamps: true)
        #expect(exported["oauth2"]?["providers"] == .array([]))
        #expect(exported["authToken"] == ["duration": 604_800])
    }

    @Test("auth: submitted fields go right after id; custom options apply")
    func authCustom() throws {
        let c = try F.build(["name": "ao", "type": "auth", "authToken": ["duration": 100],
                             "passwordAuth": ["enabled": false, "identityFields": ["email"]],
                             "fields": [["name": "username", "type": "text"]],
                             "authRule": "verified = true", "manageRule": "id = @request.auth.id"])
        #expect(F.names(c) == ["id", "username", "password", "tokenKey", "email", "emailVisibility", "verified"])
        #expect(c.auth?.authToken.duration == 100 && c.auth?.authToken.secret.isEmpty == false)
        #expect(c.auth?.passwordAuth.enabled == false)
        #expect(c.auth?.authRule == "verified = true" && c.auth?.manageRule == "id = @request.auth.id")
    }

    @Test("two fields with one name and no ids: the later replaces the earlier and keeps its id")
    func sameNameKeepsLast() throws {
        let c = try F.build(["name": "ls", "fields": [["name": "a", "type": "text"], ["name": "a", "type": "number"]]])
        #expect(c.fields.map { "\($0.name):\($0.typeName)" } == ["id:text", "a:number"])
        #expect(c.fields[1].id == Field.defaultID(type: "text", name: "a"))
    }

    @Test("invalid formatting", arguments: [
        ["name": "x", "fields": [["name": "a", "type": "nope"]]],
        ["name": "x", "fields": [["name": "a"]]],
        ["name": "x", "fields": "title"],
        ["name": "x", "fields": [["name": "a", "type": "text", "max": 1.5]]],
        ["name": "x", "fields": [["name": "a", "type": "text", "required": "yes"]]],
        ["name": "x", "fields": [["name": "s", "type": "select", "values": "a"]]],
        ["name": "x", "listRule": 5],
        ["name": "x", "indexes": "CREATE INDEX"],
        ["name": "x", "type": "auth", "authToken": ["duration": "long"]],
        ["name": "x", "type": "auth", "otp": true],
    ] as [JSONValue])
    func invalidFormat(body: JSONValue) {
        #expect {
            _ = try F.build(body)
        } throws: { error in
            if case .invalidFormat = error as? CollectionInputError { true } else { false }
        }
    }

    @Test("a non-string name or type on create is a type-data format error")
    func invalidTypeData() {
        #expect(throws: CollectionInputError.invalidTypeData(detail: "name: expected string")) {
            _ = try F.build(["name": 123])
        }
    }

    @Test("two fields with the same explicit id: the later replaces the earlier in place")
    func sameIDReplaces() throws {
        let c = try F.build(["name": "x3", "fields": [["id": "f1", "name": "a", "type": "text"],
                                                      ["id": "f1", "name": "b", "type": "bool"]]])
        #expect(F.names(c) == ["id", "b"])
    }

    @Test("an unknown collection type is kept for validation, without default fields")
    func unknownType() {
        let (c, rawType) = F.load(["name": "x", "type": "nope", "fields": []], old: nil, existing: F.system())
        #expect(rawType == "nope")
        #expect(c.fields.isEmpty)
    }

    @Test("keys match case-insensitively and the later one wins (Go's encoding/json)")
    func caseInsensitiveKeys() throws {
        let c = try F.build(["name": "t6", "Name": "T7", "LISTRULE": ""])
        #expect(c.name == "T7" && c.rules.list == "")
    }

    @Test("a view keeps its query and the submitted fields (inferred later from the SQL)")
    func view() throws {
        let c = try F.build(["name": "v", "type": "view", "viewQuery": "select id from posts", "listRule": ""])
        #expect(c.kind == .view && c.viewQuery == "select id from posts" && c.fields.isEmpty && c.auth == nil)
        #expect(c.id == Collection.defaultID(kind: .view, name: "v"))
    }

    @Test("a taken default id gets a numeric suffix and the index names follow")
    func takenID() throws {
        let cid = Collection.defaultID(kind: .auth, name: "members")
        let c = try CollectionInput.build(from: F.object(["name": "members", "type": "auth"]), existing: nil, now: F.now,
                                          secrets: F.secrets(), takenIDs: [cid])
        #expect(c.id == cid + "2")
        #expect(c.indexes.first == "CREATE UNIQUE INDEX `idx_tokenKey_\(cid)2` ON `members` (`tokenKey`)")
    }

    // MARK: - Updates

    @Test("PATCH otp.enabled on _superusers changes only that; secrets and other options stay")
    func patchMergesNestedOptions() throws {
        let superusers = try #require(F.system().first { $0.name == "_superusers" })
        let c = try F.build(["otp": ["enabled": true]], existing: superusers)
        var expected = try #require(superusers.auth)
        expected.otp.enabled = true
        #expect(c.auth == expected)
        #expect(c.fields == superusers.fields && c.indexes == superusers.indexes && c.rules == superusers.rules)
        #expect(c.created == superusers.created && c.updated == F.now)
    }

    @Test("PATCH of a template subject keeps its body; a token duration keeps its secret")
    func patchMergesTemplatesAndTokens() throws {
        let users = try #require(F.system().first { $0.name == "users" })
        let c = try F.build(["verificationTemplate": ["subject": "Hi"], "authToken": ["duration": 60],
                             "oauth2": ["mappedFields": ["username": "name"]]], existing: users)
        #expect(c.auth?.verificationTemplate.subject == "Hi")
        #expect(c.auth?.verificationTemplate.body == users.auth?.verificationTemplate.body)
        #expect(c.auth?.authToken == TokenConfig(secret: users.auth!.authToken.secret, duration: 60))
        #expect(c.auth?.oauth2.mappedFields == JSONObject([("id", ""), ("name", "name"), ("username", "name"),
                                                           ("avatarURL", "avatar")]))
    }

    @Test("PATCH providers: a provider's client secret survives an update that omits it")
    func patchKeepsProviderSecret() throws {
        let users = try #require(F.system().first { $0.name == "users" })
        let first = try F.build(["oauth2": ["providers": [["name": "google", "clientId": "id1", "clientSecret": "s1"]]]],
                                existing: users)
        let second = try F.build(["oauth2": ["providers": [["name": "google", "clientId": "id2"]]]], existing: first)
        let provider = try #require(second.auth?.oauth2.providers?.first)
        #expect(provider["clientId"] == "id2" && provider["clientSecret"] == "s1")
        let exported = second.exportJSON(includeTimestamps: false)["oauth2"]?["providers"].arrayValue?.first
        #expect(exported?.objectValue?.contains("clientSecret") == false)
    }

    @Test("PATCH omitting system fields: id first, the others appended at the end")
    func patchRestoresSystemFields() throws {
        let stored = try F.build(["name": "nicks", "type": "auth", "fields": [["name": "nick", "type": "text"]]])
        let withoutEmail = stored.fieldsJSON.arrayValue!.filter { !["email", "id"].contains($0["name"].stringValue) }
        let c = try F.build(["fields": .array(withoutEmail)], existing: stored)
        #expect(F.names(c) == ["id", "nick", "password", "tokenKey", "emailVisibility", "verified", "email"])
        #expect(c.fields.first { $0.name == "email" }?.id == "email3885137012")
    }

    @Test("PATCH fields: renames keep ids, new fields get default ids")
    func patchFields() throws {
        let stored = try F.build(["name": "abc", "fields": [["name": "a", "type": "text"], ["name": "b", "type": "number"],
                                                            ["name": "gone", "type": "text"]]])
        let json = stored.fieldsJSON.arrayValue!
        var renamed = json[1].objectValue!
        renamed["name"] = "renamed"
        let c = try F.build(["fields": [json[0], .object(renamed), json[2], ["name": "added", "type": "bool"]]],
                            existing: stored)
        #expect(F.names(c) == ["id", "renamed", "b", "added"])
        #expect(c.fields[1].id == stored.fields[1].id)
        #expect(c.fields[3].id == Field.defaultID(type: "bool", name: "added"))
    }

    @Test("PATCH without fields leaves them; rules set to null become nil")
    func patchOnlySubmittedKeys() throws {
        let stored = try F.build(["name": "r", "listRule": "", "fields": [["name": "t", "type": "text"]]])
        let c = try F.build(["listRule": nil, "viewRule": ""], existing: stored)
        #expect(c.rules.list == nil && c.rules.view == "")
        #expect(c.fields == stored.fields && c.id == stored.id && c.name == "r")
    }

    // MARK: - Import

    @Test("import over an existing collection keeps the missing fields after the imported ones")
    func importMerges() throws {
        let stored = try F.build(["name": "imp", "fields": [["name": "t", "type": "text"]]])
        let c = try CollectionInput.buildImported(
            from: F.object(["name": "imp", "type": "base", "fields": [["name": "t2", "type": "text"]], "listRule": "id != ''"]),
            existing: stored, deleteMissing: false, now: F.now, secrets: F.secrets())
        #expect(F.names(c) == ["t2", "id", "t"])
        #expect(c.id == stored.id && c.rules.list == "id != ''")
    }

    @Test("import with deleteMissing drops the missing non-system fields")
    func importDeleteMissing() throws {
        let stored = try F.build(["name": "kp", "fields": [["name": "a", "type": "text"], ["name": "b", "type": "text"]]])
        let json = stored.fieldsJSON.arrayValue!
        let c = try CollectionInput.buildImported(
            from: F.object(["id": .string(stored.id), "name": "kp", "type": "base", "fields": [json[0], json[1]]]),
            existing: stored, deleteMissing: true, now: F.now, secrets: F.secrets())
        #expect(F.names(c) == ["id", "a"])
    }

    @Test("a new import item with an explicit id and no type is a base collection")
    func importNew() throws {
        let c = try CollectionInput.buildImported(from: F.object(["id": "abc123", "name": "ii"]), existing: nil,
                                                  deleteMissing: false, now: F.now, secrets: F.secrets())
        #expect(c.id == "abc123" && c.kind == .base && c.fieldsJSON == .array([ReferenceFields.id]))
    }
}
