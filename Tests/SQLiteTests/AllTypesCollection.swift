import PocketDomain

/// A base collection with one field of every type (and single and multiple select/file/relation).
func allTypesCollection(name: String = "things") -> Collection {
    func field(_ type: String, _ name: String, _ options: [(String, JSONValue)] = []) -> Field {
        Field(json: JSONObject([("type", .string(type)), ("name", .string(name))] + options))!
    }
    return Collection(name: name, kind: .base, fields: [
        SystemCollections.idField(),
        field("text", "title"),
        field("number", "count"),
        field("bool", "flag"),
        field("email", "mail"),
        field("url", "site"),
        field("editor", "body"),
        field("date", "due"),
        field("autodate", "created", [("onCreate", true)]),
        field("password", "secret"),
        field("select", "tags", [("maxSelect", 3), ("values", ["a", "b", "c"])]),
        field("select", "kind", [("maxSelect", 1), ("values", ["x", "y"])]),
        field("file", "docs", [("maxSelect", 5)]),
        field("file", "avatar", [("maxSelect", 1)]),
        field("relation", "refs", [("maxSelect", 9), ("collectionId", "pbc_1")]),
        field("relation", "owner", [("maxSelect", 1), ("collectionId", "pbc_1")]),
        field("json", "meta"),
        field("geoPoint", "place"),
    ], indexes: ["CREATE UNIQUE INDEX idx_title ON anything (title)",
                 "create index `idx_multi` on things (count desc, `flag`) where count > 0"])
}
