import Testing
@testable import PocketDomain

@Suite("CollectionValidator: PocketBase's error tree")
struct CollectionValidatorTests {
    typealias F = CollectionFixtures

    static func body(_ name: String, type: String = "base", fields: JSONValue = [], extra: JSONValue = [:]) -> JSONValue {
        var o = JSONObject([("name", .string(name)), ("type", .string(type)), ("fields", fields)])
        for (k, v) in extra.objectValue ?? JSONObject() { o[k] = v }
        return .object(o)
    }

    static let other: Collection = try! F.build(["name": "other", "fields": [["name": "code", "type": "text"]],
                                                 "indexes": ["CREATE INDEX idx_other ON other (code)"]])

    @Test("valid bodies have no errors", arguments: [
        body("posts", fields: [["name": "title", "type": "text"]]),
        body("9digits"), body("_under"),
        body("members", type: "auth", fields: [["name": "username", "type": "text"]]),
        body("v", type: "view", extra: ["viewQuery": "select id from posts", "listRule": ""]),
        body("rel", fields: [["name": "r", "type": "relation", "collectionId": "_pb_users_auth_"]]),
        body("ix", fields: [["name": "code", "type": "text"]], extra: ["indexes": ["CREATE UNIQUE INDEX idx_ix_code ON ix (code)"]]),
    ])
    func valid(body: JSONValue) throws {
        #expect(try F.errorCodes(body) == [:])
    }

    @Test("every field type's defaults are valid")
    func everyFieldType() throws {
        let fields: JSONValue = [
            ["name": "f_text", "type": "text"], ["name": "f_number", "type": "number"], ["name": "f_bool", "type": "bool"],
            ["name": "f_email", "type": "email"], ["name": "f_url", "type": "url"], ["name": "f_editor", "type": "editor"],
            ["name": "f_date", "type": "date"], ["name": "f_autodate", "type": "autodate", "onCreate": true],
            ["name": "f_select", "type": "select", "values": ["a", "b"]], ["name": "f_file", "type": "file"],
            ["name": "f_relation", "type": "relation", "collectionId": "_pb_users_auth_"],
            ["name": "f_json", "type": "json"], ["name": "f_password", "type": "password"], ["name": "f_geo", "type": "geoPoint"],
        ]
        #expect(try F.errorCodes(Self.body("ft", fields: fields)) == [:])
    }

    @Test("invalid names", arguments: [
        ("", "validation_required"),
        ("ab-c", "validation_match_invalid"),
        ("a b", "validation_match_invalid"),
        (String(repeating: "a", count: 256), "validation_length_out_of_range"),
        ("_collections", "validation_collection_name_invalid"),
        ("_superusers", "validation_collection_name_exists"),
        ("USERS", "validation_collection_name_exists"),
        ("a_via_b", "validation_found_via"),
        ("_pb_users_auth_", "validation_collection_name_id_duplicate"),
    ])
    func invalidNames(name: String, code: String) throws {
        #expect(try F.errorCodes(Self.body(name)) == ["name": .string(code)])
    }

    @Test("the name-exists message")
    func nameExistsMessage() throws {
        let c = try F.build(Self.body("Users"))
        let errors = CollectionValidator.validate(c, old: nil, existing: F.system(), ruleProblem: F.ruleProblem)
        #expect(errors["name"]?.message == "Collection name must be unique (case insensitive).")
    }

    @Test("unknown type without fields keeps the base scaffold's id field: only the type error")
    func unknownTypeWithoutFields() throws {
        #expect(try F.errorCodes(["name": "x1", "type": "nope"]) == ["type": "validation_in_invalid"])
    }

    @Test("regex messages follow Go's wording")
    func regexMessages() {
        #expect(Rules.regexProblem("[")?.message == "Error parsing regexp: missing closing ]: `[`.")
        #expect(Rules.regexProblem("(?=x)")?.message == "Error parsing regexp: invalid or unsupported Perl syntax: `(?=`.")
        #expect(Rules.regexProblem(#"a\1"#)?.message == "Error parsing regexp: invalid escape sequence: `\\1`.")
        #expect(Rules.regexProblem("^[a-z0-9]+$") == nil)
    }

    @Test("unknown type: type and fields errors")
    func unknownType() throws {
        #expect(try F.errorCodes(Self.body("x", type: "nope")) == ["type": "validation_in_invalid",
                                                                   "fields": "validation_required"])
    }

    @Test("invalid collection ids", arguments: [
        ("a-b", "validation_match_invalid"),
        ("pbc_3142635823", "validation_invalid_or_existing_id"),
        (String(repeating: "i", count: 101), "validation_length_out_of_range"),
    ])
    func invalidIDs(id: String, code: String) throws {
        #expect(try F.errorCodes(Self.body("fresh", extra: ["id": .string(id)])) == ["id": .string(code)])
    }

    @Test("duplicate field names with different ids (case-insensitive), index n+1")
    func duplicateFieldNames() throws {
        let body = Self.body("d", fields: [["id": "f1", "name": "a", "type": "text"], ["id": "f2", "name": "A", "type": "text"]])
        #expect(try F.errorCodes(body) == ["fields": ["2": ["name": "validation_duplicated_field_name"]]])
        let c = try F.build(body)
        let errors = CollectionValidator.validate(c, old: nil, existing: F.system(), ruleProblem: F.ruleProblem)
        #expect(errors.json["fields"]?["2"]["name"]["params"] == ["fieldName": "A"])
    }

    @Test("invalid field names", arguments: [
        ("a b", "validation_match_invalid"),
        ("", "validation_required"),
        ("expand", "validation_not_in_invalid"),
        ("collectionId", "validation_not_in_invalid"),
        ("collectionName", "validation_not_in_invalid"),
        ("null", "validation_not_in_invalid"),
        ("x_via_y", "validation_found_via"),
        (String(repeating: "n", count: 101), "validation_length_out_of_range"),
    ])
    func invalidFieldNames(name: String, code: String) throws {
        let body = Self.body("fn", fields: [["name": .string(name), "type": "text"]])
        #expect(try F.errorCodes(body) == ["fields": ["1": ["name": .string(code)]]])
    }

    @Test("reserved auth field names", arguments: ["passwordConfirm", "oldPassword"])
    func reservedAuthNames(name: String) throws {
        let body = Self.body("ra", type: "auth", fields: [["name": .string(name), "type": "text"]])
        #expect(try F.errorCodes(body) == ["fields": ["1": ["name": "validation_reserved_field_name"]]])
    }

    @Test("invalid field options", arguments: [
        (["name": "s", "type": "select"], ["values": "validation_required"]),
        (["name": "s", "type": "select", "values": ["a"], "maxSelect": 2], ["maxSelect": "validation_max_less_equal_than_required"]),
        (["name": "n", "type": "number", "min": 10, "max": 5], ["max": "validation_min_greater_equal_than_required"]),
        (["name": "n", "type": "number", "min": 1.5, "onlyInt": true], ["min": "validation_only_int_constraint"]),
        (["name": "t", "type": "text", "pattern": "["], ["pattern": "validation_invalid_regex"]),
        (["name": "t", "type": "text", "pattern": "(?=x)"], ["pattern": "validation_invalid_regex"]),
        (["name": "t", "type": "text", "max": -1], ["max": "validation_min_greater_equal_than_required"]),
        (["name": "ad", "type": "autodate"], ["onCreate": "validation_required", "onUpdate": "validation_required"]),
        (["name": "r", "type": "relation", "collectionId": "nope"], ["collectionId": "validation_field_relation_missing_collection"]),
        (["name": "r", "type": "relation"], ["collectionId": "validation_required"]),
        (["name": "r", "type": "relation", "collectionId": "_pb_users_auth_", "minSelect": 2], ["maxSelect": "validation_required"]),
        (["name": "p", "type": "password", "min": 80, "cost": 99], ["min": "validation_max_less_equal_than_required",
                                                                    "cost": "validation_max_less_equal_than_required"]),
        (["name": "e", "type": "email", "onlyDomains": ["bad domain", "ok.com"]], ["onlyDomains": ["0": "validation_is_domain"]]),
        (["name": "e", "type": "url", "onlyDomains": ["a.com"], "exceptDomains": ["b.com"]],
         ["onlyDomains": "validation_empty", "exceptDomains": "validation_empty"]),
        (["name": "f", "type": "file", "thumbs": ["0x0", "abc", "100x50t"]],
         ["thumbs": ["0": "validation_not_in_invalid", "1": "validation_match_invalid"]]),
        (["name": "j", "type": "json", "maxSize": -5], ["maxSize": "validation_min_greater_equal_than_required"]),
        (["name": "t", "type": "text", "autogeneratePattern": "[a-z]{5}", "max": 3],
         ["autogeneratePattern": "validation_invalid_autogenerate_pattern_value"]),
        (["name": "t", "type": "text", "autogeneratePattern": "a\\1"], ["autogeneratePattern": "validation_invalid_regex"]),
        (["name": "t", "type": "text", "autogeneratePattern": "[0-9]{4}", "pattern": "^[a-z]+$"],
         ["autogeneratePattern": "validation_invalid_autogenerate_pattern_value"]),
    ] as [(JSONValue, JSONValue)])
    func invalidFieldOptions(field: JSONValue, codes: JSONValue) throws {
        #expect(try F.errorCodes(Self.body("fo", fields: [field])) == ["fields": ["1": codes]])
    }

    @Test("a second primary key: both reported, plus the pk naming rules")
    func compositePK() throws {
        let codes = try F.errorCodes(Self.body("pk", fields: [["name": "x", "type": "text", "primaryKey": true]]))
        #expect(codes == ["fields": [
            "0": ["primaryKey": "validation_unsupported_composite_pk"],
            "1": ["name": "validation_in_invalid", "primaryKey": "validation_unsupported_composite_pk",
                  "pattern": "validation_required", "required": "validation_required"],
        ]])
    }

    @Test("a relation to a view from a base collection")
    func relationToView() throws {
        let view = try F.build(["name": "vv", "type": "view", "viewQuery": "select id from users"])
        let body = Self.body("rv", fields: [["name": "r", "type": "relation", "collectionId": .string(view.id)]])
        #expect(try F.errorCodes(body, others: [view]) ==
            ["fields": ["1": ["collectionId": "validation_relation_field_non_view_base_collection"]]])
    }

    // MARK: - Rules

    @Test("rule problems land under each rule's key")
    func rules() throws {
        #expect(try F.errorCodes(Self.body("r1", extra: ["listRule": "missing = 1"])) == ["listRule": "validation_invalid_rule"])
        #expect(try F.errorCodes(Self.body("r2", extra: ["viewRule": "nope > 1", "deleteRule": "id ="])) ==
            ["viewRule": "validation_invalid_rule", "deleteRule": "validation_invalid_rule"])
        #expect(try F.errorCodes(Self.body("r3", type: "auth", extra: ["authRule": "missing", "manageRule": ""])) ==
            ["authRule": "validation_invalid_rule", "manageRule": "validation_nil_or_not_empty_required"])
    }

    @Test("views: write rules must be null, a query is required, no indexes")
    func views() throws {
        #expect(try F.errorCodes(Self.body("v1", type: "view", extra: ["viewQuery": "select id from users", "createRule": ""])) ==
            ["createRule": "validation_nil"])
        #expect(try F.errorCodes(Self.body("v2", type: "view")) ==
            ["fields": "validation_required", "viewQuery": "validation_required"])
        #expect(try F.errorCodes(Self.body("v3", type: "view", extra: ["viewQuery": "select id from users",
                                                                        "indexes": ["CREATE INDEX i ON v3 (id)"]])) ==
            ["indexes": "validation_indexes_not_supported"])
    }

    // MARK: - Auth options

    @Test("auth option errors")
    func authOptions() throws {
        let body = Self.body("t3", type: "auth", extra: ["authToken": ["duration": 5], "otp": ["enabled": true, "length": 2, "duration": 0],
                                                         "mfa": ["enabled": true], "verificationTemplate": ["subject": ""]])
        #expect(try F.errorCodes(body) == [
            "authToken": ["duration": "validation_min_greater_equal_than_required"],
            "otp": ["duration": "validation_required", "length": "validation_min_greater_equal_than_required"],
            "verificationTemplate": ["subject": "validation_required"],
        ])
    }

    @Test("identity fields need an existing field with a single-column unique index")
    func identityFields() throws {
        let needsIndex = Self.body("ai", type: "auth", fields: [["name": "username", "type": "text"]],
                                   extra: ["passwordAuth": ["enabled": true, "identityFields": ["email", "username"]]])
        #expect(try F.errorCodes(needsIndex) == ["passwordAuth": ["identityFields": "validation_missing_unique_constraint"]])
        let missing = Self.body("t4", type: "auth", extra: ["indexes": [], "passwordAuth": ["identityFields": ["nope"]]])
        #expect(try F.errorCodes(missing) == ["passwordAuth": ["identityFields": "validation_missing_field"]])
    }

    @Test("MFA needs two auth methods")
    func mfa() throws {
        #expect(try F.errorCodes(Self.body("m", type: "auth", extra: ["mfa": ["enabled": true]])) ==
            ["mfa": ["enabled": "validation_mfa_not_enough_auths"]])
    }

    // MARK: - Indexes

    @Test("index errors")
    func indexes() throws {
        let fields: JSONValue = [["name": "code", "type": "text"]]
        #expect(try F.errorCodes(Self.body("bi", fields: fields, extra: ["indexes": ["not sql"]])) ==
            ["indexes": ["0": "validation_invalid_index_expression"]])
        #expect(try F.errorCodes(Self.body("bi", fields: fields, extra: ["indexes": ["CREATE INDEX idx_bi ON bi (code)",
                                                                                   "CREATE INDEX IDX_BI ON bi (code)"]])) ==
            ["indexes": ["1": "validation_duplicated_index_name"]])
        #expect(try F.errorCodes(Self.body("bi", fields: fields, extra: ["indexes": ["CREATE INDEX a1 ON bi (code)",
                                                                                   "CREATE INDEX a2 ON bi (code)"]])) ==
            ["indexes": ["1": "validation_duplicated_index_definition"]])
    }

    @Test("an index name used by another collection")
    func indexNameClash() throws {
        let body = Self.body("in", fields: [["name": "code", "type": "text"]],
                             extra: ["indexes": ["CREATE INDEX idx_other ON in (code)"]])
        #expect(try F.errorCodes(body, others: [Self.other]) == ["indexes": ["0": "validation_existing_index_name"]])
        let c = try F.build(body)
        let errors = CollectionValidator.validate(c, old: nil, existing: F.system() + [Self.other], ruleProblem: F.ruleProblem)
        #expect(errors.json["indexes"]?["0"]["params"] == ["usedTableName": "other"])
    }

    // MARK: - Updates

    @Test("field type change rejected at the field's index")
    func fieldTypeChange() throws {
        let stored = try F.build(Self.body("tc", fields: [["name": "a", "type": "text"]]))
        var changed = stored.fieldsJSON.arrayValue![1].objectValue!
        changed["type"] = "number"
        let body: JSONValue = ["fields": [stored.fieldsJSON.arrayValue![0], .object(changed)]]
        #expect(try F.errorCodes(body, old: stored) == ["fields": ["1": "validation_field_type_change"]])
    }

    @Test("collection type change rejected")
    func typeChange() throws {
        let stored = try F.build(Self.body("ct"))
        let codes = try F.errorCodes(["type": "view", "viewQuery": "select id from users"], old: stored)
        #expect(codes["type"] == "validation_collection_type_change")
    }

    @Test("renaming to another collection's name or id")
    func renameClash() throws {
        let stored = try F.build(Self.body("aa"))
        #expect(try F.errorCodes(["name": "OTHER"], old: stored, others: [Self.other]) ==
            ["name": "validation_collection_name_exists"])
        #expect(try F.errorCodes(["name": .string(Self.other.id)], old: stored, others: [Self.other]) ==
            ["name": "validation_collection_name_id_duplicate"])
        #expect(try F.errorCodes(["name": "aa"], old: stored) == [:])
    }

    @Test("system collection restrictions")
    func systemRestrictions() throws {
        let all = F.system()
        let superusers = all.first { $0.name == "_superusers" }!
        let mfas = all.first { $0.name == "_mfas" }!
        #expect(try F.errorCodes(["name": "renamed"], old: superusers) == ["name": "validation_collection_system_name_change"])
        #expect(try F.errorCodes(["listRule": ""], old: superusers) == ["listRule": "validation_collection_system_rule_change"])
        #expect(try F.errorCodes(["system": false], old: mfas) == ["system": "validation_collection_system_flag_change"])
        let plain = try F.build(Self.body("plain"))
        #expect(try F.errorCodes(["system": true], old: plain) == ["system": "validation_collection_system_flag_change"])
        #expect(try F.errorCodes(["otp": ["enabled": true]], old: superusers) == [:])
    }

    @Test("renaming a system field is reported on the whole list")
    func systemFieldRename() throws {
        let stored = try F.build(Self.body("sf", type: "auth"))
        var fields = stored.fieldsJSON.arrayValue!
        var email = fields[3].objectValue!
        email["name"] = "mail"
        fields[3] = .object(email)
        #expect(try F.errorCodes(["fields": .array(fields)], old: stored) == ["fields": "validation_system_field_change"])
    }

    @Test("dropping a unique index on system fields")
    func systemUniqueIndex() throws {
        let externalAuths = F.system().first { $0.name == "_externalAuths" }!
        #expect(try F.errorCodes(["indexes": []], old: externalAuths) ==
            ["indexes": "validation_invalid_unique_system_field_index"])
        // auth's own unique indexes are re-added before validation, with any name and WHERE
        let stored = try F.build(Self.body("su", type: "auth"))
        #expect(try F.errorCodes(["indexes": ["CREATE UNIQUE INDEX x ON su (email)"]], old: stored) == [:])
    }

    @Test("the relation target cannot change")
    func relationChange() throws {
        let stored = try F.build(Self.body("rc", fields: [["name": "r", "type": "relation", "collectionId": "_pb_users_auth_"]]))
        var r = stored.fieldsJSON.arrayValue![1].objectValue!
        r["collectionId"] = .string(Self.other.id)
        #expect(try F.errorCodes(["fields": [stored.fieldsJSON.arrayValue![0], .object(r)]], old: stored, others: [Self.other]) ==
            ["fields": ["1": ["collectionId": "validation_field_relation_change"]]])
    }
}
