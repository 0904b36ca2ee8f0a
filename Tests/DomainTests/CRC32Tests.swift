import Testing
@testable import PocketDomain

@Suite("CRC32 and default ids")
struct CRC32Tests {
    @Test("checksum matches the IEEE CRC-32", arguments: [
        ("", 0 as UInt32), ("a", 0xE8B7_BE43), ("123456789", 0xCBF4_3926),
        ("The quick brown fox jumps over the lazy dog", 0x414F_A339),
    ])
    func checksum(text: String, expected: UInt32) {
        #expect(CRC32.checksum(text) == expected)
    }

    @Test("collection ids are pbc_ and the CRC-32 of kind and name", arguments: [
        (CollectionKind.auth, "_superusers", "pbc_3142635823"),
        (.base, "_mfas", "pbc_2279338944"),
    ])
    func collectionIDs(kind: CollectionKind, name: String, expected: String) {
        #expect(Collection.defaultID(kind: kind, name: name) == expected)
    }

    @Test("field ids are the type and the CRC-32 of the name", arguments: [
        ("text", "id", "text3208210256"),
        ("password", "password", "password901924565"),
        ("text", "tokenKey", "text2504183744"),
        ("email", "email", "email3885137012"),
        ("autodate", "created", "autodate2990389176"),
        ("autodate", "updated", "autodate3332085495"),
        ("bool", "emailVisibility", "bool1547992806"),
        ("bool", "verified", "bool256245529"),
        ("text", "name", "text1579384326"),
        ("file", "avatar", "file376926767"),
    ])
    func fieldIDs(type: String, name: String, expected: String) {
        #expect(Field.defaultID(type: type, name: name) == expected)
    }

    @Test("a collection made without an id gets its default id")
    func collectionInitDefaultsID() {
        #expect(Collection(name: "_superusers", kind: .auth).id == "pbc_3142635823")
        #expect(Collection(id: "custom", name: "x", kind: .base).id == "custom")
    }
}
