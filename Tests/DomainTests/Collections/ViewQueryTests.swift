import Testing
@testable import PocketDomain

@Suite("View queries: identifiers and inferred fields")
struct ViewQueryTests {
    static func field(_ json: JSONValue) -> Field { Field(json: json.objectValue!)! }

    static let posts = Collection(name: "posts", kind: .base, fields: [
        field(["name": "id", "type": "text", "id": "text3208210256", "primaryKey": true, "system": true]),
        field(["name": "title", "type": "text", "id": "text1", "max": 10]),
        field(["name": "score", "type": "number", "id": "number1"]),
    ])

    @Test("columns with aliases, tables with joins; tails and comments ignored")
    func identifiers() throws {
        let parsed = try ViewQueryIdentifiers.parse(
            "select p.id, p.title as t, (score * 2) dbl -- note\n from posts p left join users u on u.id = p.id where 1;")
        #expect(parsed.columns.map(\.alias) == ["id", "t", "dbl"])
        #expect(parsed.columns.map(\.original) == ["p.id", "p.title", "(score * 2)"])
        #expect(parsed.tables == [.init(original: "posts", alias: "p"), .init(original: "users", alias: "u")])
    }

    @Test("an item of more than three words is an error")
    func badIdentifier() {
        #expect(throws: ViewQueryIdentifiers.ParseError.self) { try ViewQueryIdentifiers.parse("select a + b as c from x") }
    }

    @Test("id is the text primary key, collection fields keep their type, expressions become json")
    func inference() throws {
        let fields = try ViewFieldInference.fields(
            columnNames: ["id", "title", "dbl", "n"],
            query: "select id, title, (score * 2) as dbl, count(*) as n from posts", collections: [Self.posts])
        #expect(fields.map { $0.typeName } == ["text", "text", "json", "number"])
        guard case .text(let id) = fields[0], case .text(let title) = fields[1], case .json(let dbl) = fields[2] else {
            Issue.record("unexpected field types")
            return
        }
        #expect(id.primaryKey && id.autogeneratePattern.isEmpty && id.pattern == "^[a-z0-9]+$")
        #expect(title.max == 10 && title.base.id == Field.defaultID(type: "text", name: "title"))
        #expect(dbl.maxSize == 1 && dbl.base.id == Field.defaultID(type: "json", name: "dbl"))
    }

    @Test("a query without id fails with PocketBase's message and the other fields")
    func missingID() {
        do {
            _ = try ViewFieldInference.fields(columnNames: ["title"], query: "select 'x' as title", collections: [])
            Issue.record("expected a failure")
        } catch {
            #expect(error.message == ViewFieldInference.missingIDMessage)
            #expect(error.fields.map { $0.name } == ["title"])
        }
    }
}
