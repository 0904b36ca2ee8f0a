import Testing
@testable import PocketDomain

@Suite("Field JSON")
struct FieldJSONTests {
    private func written(_ field: Field) -> String { JSONWriter.string(.object(field.json)) }

    private func field(_ text: String) throws -> Field {
        let object = try #require(try JSONParser.parse(text).objectValue)
        return try #require(Field(json: object))
    }

    @Test("the _superusers id field is stored exactly as PocketBase stores it")
    func idField() {
        #expect(written(SystemCollections.idField()) == #"{"autogeneratePattern":"[a-z0-9]{15}","hidden":false,"id":"text3208210256","max":15,"min":15,"name":"id","pattern":"^[a-z0-9]+$","presentable":false,"primaryKey":true,"required":true,"system":true,"type":"text"}"#)
    }

    @Test("the auth email field keeps null domain lists")
    func emailField() throws {
        let email = try #require(SystemCollections.authFields(system: true).first { $0.name == "email" })
        #expect(written(email) == #"{"exceptDomains":null,"hidden":false,"id":"email3885137012","name":"email","onlyDomains":null,"presentable":false,"required":true,"system":true,"type":"email"}"#)
    }

    @Test("the users avatar file field")
    func avatarField() throws {
        let users = SystemCollections.usersCollection(now: DateTime(unixMilliseconds: 0), secrets: { "s" })
        let avatar = try #require(users.field(named: "avatar"))
        #expect(written(avatar) == #"{"hidden":false,"id":"file376926767","maxSelect":1,"maxSize":0,"mimeTypes":["image/jpeg","image/png","image/svg+xml","image/gif","image/webp"],"name":"avatar","presentable":false,"protected":false,"required":false,"system":false,"thumbs":null,"type":"file"}"#)
    }

    /// One stored field of each of the 14 types, in Go's sorted key order, with non-default options.
    static let everyType: [(String, String)] = [
        ("text", #"{"autogeneratePattern":"[a-z]{5}","hidden":true,"id":"text1","max":40,"min":3,"name":"title","pattern":"^[a-z]+$","presentable":true,"primaryKey":false,"required":true,"system":false,"type":"text"}"#),
        ("number", #"{"hidden":false,"id":"number1","max":10.5,"min":-1,"name":"score","onlyInt":true,"presentable":false,"required":true,"system":false,"type":"number"}"#),
        ("number", #"{"hidden":false,"id":"number2","max":null,"min":null,"name":"free","onlyInt":false,"presentable":false,"required":false,"system":false,"type":"number"}"#),
        ("bool", #"{"hidden":false,"id":"bool1","name":"done","presentable":false,"required":true,"system":false,"type":"bool"}"#),
        ("email", #"{"exceptDomains":["spam.test"],"hidden":false,"id":"email1","name":"contact","onlyDomains":[],"presentable":false,"required":false,"system":false,"type":"email"}"#),
        ("url", #"{"exceptDomains":null,"hidden":false,"id":"url1","name":"site","onlyDomains":["example.com","example.org"],"presentable":false,"required":false,"system":false,"type":"url"}"#),
        ("editor", #"{"convertURLs":true,"hidden":false,"id":"editor1","maxSize":5242880,"name":"body","presentable":false,"required":false,"system":false,"type":"editor"}"#),
        ("date", #"{"hidden":false,"id":"date1","max":"2030-01-01 00:00:00.000Z","min":"2020-01-01 00:00:00.000Z","name":"due","presentable":false,"required":false,"system":false,"type":"date"}"#),
        ("autodate", #"{"hidden":false,"id":"autodate1","name":"touched","onCreate":false,"onUpdate":true,"presentable":false,"system":false,"type":"autodate"}"#),
        ("select", #"{"hidden":false,"id":"select1","maxSelect":2,"name":"tags","presentable":true,"required":false,"system":false,"type":"select","values":["a","b","c"]}"#),
        ("file", #"{"hidden":false,"id":"file1","maxSelect":99,"maxSize":1048576,"mimeTypes":[],"name":"docs","presentable":false,"protected":true,"required":false,"system":false,"thumbs":["100x100","0x50"],"type":"file"}"#),
        ("relation", #"{"cascadeDelete":true,"collectionId":"pbc_123","hidden":false,"id":"relation1","maxSelect":1,"minSelect":0,"name":"owner","presentable":false,"required":true,"system":false,"type":"relation"}"#),
        ("json", #"{"hidden":false,"id":"json1","maxSize":2000000,"name":"meta","presentable":false,"required":false,"system":false,"type":"json"}"#),
        ("password", #"{"cost":12,"hidden":true,"id":"password1","max":72,"min":8,"name":"secret","pattern":"\\d","presentable":false,"required":true,"system":false,"type":"password"}"#),
        ("geoPoint", #"{"hidden":false,"id":"geoPoint1","name":"place","presentable":false,"required":false,"system":false,"type":"geoPoint"}"#),
    ]

    @Test("every type round-trips through Field(json:) and .json", arguments: everyType)
    func roundTrip(type: String, text: String) throws {
        let parsed = try field(text)
        #expect(parsed.typeName == type)
        #expect(written(parsed) == text)
        #expect(Field(json: parsed.json) == parsed)
    }

    @Test("the table covers all 14 types")
    func coversAllTypes() {
        #expect(Set(Self.everyType.map(\.0)) == Set(Field.typeNames))
        #expect(Field.typeNames.count == 14)
    }

    @Test("decoded options land in the typed structs")
    func typedOptions() throws {
        guard case .number(let number) = try field(Self.everyType[1].1) else { Issue.record("not a number"); return }
        #expect(number.min == -1)
        #expect(number.max == 10.5)
        #expect(number.onlyInt)
        guard case .number(let free) = try field(Self.everyType[2].1) else { Issue.record("not a number"); return }
        #expect(free.min == nil && free.max == nil)
        guard case .relation(let relation) = try field(Self.everyType[11].1) else { Issue.record("not a relation"); return }
        #expect(relation.collectionID == "pbc_123")
        #expect(relation.cascadeDelete)
        guard case .email(let email) = try field(Self.everyType[4].1) else { Issue.record("not an email"); return }
        #expect(email.exceptDomains == ["spam.test"])
        #expect(email.onlyDomains == [])
        guard case .password(let password) = try field(Self.everyType[13].1) else { Issue.record("not a password"); return }
        #expect(password.pattern == "\\d")
        #expect(password.effectiveCost == 12)
        #expect(PasswordField(base: FieldBase(name: "p"), required: false, min: 0, cost: 0).effectiveCost == 10)
    }

    @Test("unknown or missing types are not fields", arguments: [
        #"{"type":"nope","name":"x"}"#, #"{"name":"x"}"#, #"{"type":"Text","name":"x"}"#, #"{"type":5}"#,
    ])
    func unknownType(text: String) throws {
        let object = try #require(try JSONParser.parse(text).objectValue)
        #expect(Field(json: object) == nil)
    }

    @Test("missing options take zero values")
    func missingOptions() throws {
        #expect(written(try field(#"{"type":"text","name":"x"}"#))
            == #"{"autogeneratePattern":"","hidden":false,"id":"","max":0,"min":0,"name":"x","pattern":"","presentable":false,"primaryKey":false,"required":false,"system":false,"type":"text"}"#)
        #expect(written(try field(#"{"type":"file","name":"f"}"#))
            == #"{"hidden":false,"id":"","maxSelect":0,"maxSize":0,"mimeTypes":null,"name":"f","presentable":false,"protected":false,"required":false,"system":false,"thumbs":null,"type":"file"}"#)
        #expect(written(try field(#"{"type":"select","name":"s","maxSelect":"3","values":["a",1]}"#))
            == #"{"hidden":false,"id":"","maxSelect":0,"name":"s","presentable":false,"required":false,"system":false,"type":"select","values":["a"]}"#)
    }

    @Test("storage follows the type and, for select, file and relation, maxSelect", arguments: [
        (#"{"type":"text","name":"a"}"#, FieldStorage.text), (#"{"type":"password","name":"a"}"#, .text),
        (#"{"type":"autodate","name":"a"}"#, .text), (#"{"type":"date","name":"a"}"#, .text),
        (#"{"type":"number","name":"a"}"#, .number), (#"{"type":"bool","name":"a"}"#, .bool),
        (#"{"type":"json","name":"a"}"#, .json), (#"{"type":"geoPoint","name":"a"}"#, .geoPoint),
        (#"{"type":"select","name":"a","maxSelect":1}"#, .multiple(isMulti: false)),
        (#"{"type":"select","name":"a","maxSelect":2}"#, .multiple(isMulti: true)),
        (#"{"type":"file","name":"a"}"#, .multiple(isMulti: false)),
        (#"{"type":"relation","name":"a","maxSelect":5}"#, .multiple(isMulti: true)),
    ])
    func storage(text: String, expected: FieldStorage) throws {
        #expect(try field(text).storage == expected)
    }

    @Test("shared accessors read the base")
    func accessors() throws {
        let parsed = try field(Self.everyType[0].1)
        #expect(parsed.id == "text1")
        #expect(parsed.name == "title")
        #expect(parsed.isHidden)
        #expect(!parsed.isSystem)
        #expect(parsed.base.presentable)
    }
}
