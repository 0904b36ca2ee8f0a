/// The collections PocketBase 0.28.4 creates in a fresh data directory, field for field.
public enum SystemCollections {
    public static let superusers = "_superusers"
    public static let users = "users"
    public static let mfas = "_mfas"
    public static let otps = "_otps"
    public static let externalAuths = "_externalAuths"
    public static let authOrigins = "_authOrigins"
    /// The fixed id of the default `users` collection.
    public static let usersID = "_pb_users_auth_"

    /// The rule the system helper collections share: the owner only.
    public static let ownerRule =
        "@request.auth.id != '' && recordRef = @request.auth.id && collectionRef = @request.auth.collectionId"

    /// All six, in the order PocketBase's init migration creates them.
    public static func all(now: DateTime, secrets: () -> String) -> [Collection] {
        [
            helper(mfas, extra: [text("method", required: true)],
                   indexes: ["CREATE INDEX `idx_mfas_collectionRef_recordRef` ON `_mfas` (collectionRef,recordRef)"],
                   deletable: false, now: now),
            helper(otps, extra: [
                .password(PasswordField(base: FieldBase(id: Field.defaultID(type: "password", name: "password"),
                                                        name: "password", system: true, hidden: true),
                                        required: true, min: 0, cost: 8)),
                text("sentTo", hidden: true),
            ], indexes: ["CREATE INDEX `idx_otps_collectionRef_recordRef` ON `_otps` (collectionRef, recordRef)"],
                   deletable: false, now: now),
            helper(externalAuths, extra: [text("provider", required: true), text("providerId", required: true)],
                   indexes: [
                       "CREATE UNIQUE INDEX `idx_externalAuths_record_provider` ON `_externalAuths` (collectionRef, recordRef, provider)",
                       "CREATE UNIQUE INDEX `idx_externalAuths_collection_provider` ON `_externalAuths` (collectionRef, provider, providerId)",
                   ], deletable: true, now: now),
            helper(authOrigins, extra: [text("fingerprint", required: true)],
                   indexes: ["CREATE UNIQUE INDEX `idx_authOrigins_unique_pairs` ON `_authOrigins` (collectionRef, recordRef, fingerprint)"],
                   deletable: true, now: now),
            superusersCollection(now: now, secrets: secrets),
            usersCollection(now: now, secrets: secrets),
        ]
    }

    /// `_superusers`: a system auth collection with only superusers' rules (all null).
    public static func superusersCollection(now: DateTime, secrets: () -> String) -> Collection {
        var options = AuthOptions(secrets: secrets)
        options.authToken.duration = 86_400
        var collection = Collection(name: superusers, kind: .auth, system: true,
                                    fields: authFields(system: true), auth: options, created: now, updated: now)
        collection.indexes = authIndexes(table: superusers, id: collection.id)
        return collection
    }

    /// `users`: the default auth collection with `name`, `avatar` and owner-only rules.
    public static func usersCollection(now: DateTime, secrets: () -> String) -> Collection {
        var options = AuthOptions(secrets: secrets)
        options.oauth2.mappedFields["name"] = "name"
        options.oauth2.mappedFields["avatarURL"] = "avatar"
        var fields = Array(authFields(system: false).dropLast(2))
        fields.append(.text(TextField(base: FieldBase(id: Field.defaultID(type: "text", name: "name"), name: "name"),
                                      max: 255)))
        fields.append(.file(FileField(base: FieldBase(id: Field.defaultID(type: "file", name: "avatar"), name: "avatar"),
                                      maxSelect: 1,
                                      mimeTypes: ["image/jpeg", "image/png", "image/svg+xml", "image/gif", "image/webp"])))
        fields += autodates(system: false)
        let ownerOnly = "id = @request.auth.id"
        return Collection(id: usersID, name: users, kind: .auth, fields: fields,
                          indexes: authIndexes(table: users, id: usersID),
                          rules: CollectionRules(list: ownerOnly, view: ownerOnly, create: "", update: ownerOnly,
                                                 delete: ownerOnly),
                          auth: options, created: now, updated: now)
    }

    /// The primary key every collection starts with.
    public static func idField() -> Field {
        .text(TextField(base: FieldBase(id: Field.defaultID(type: "text", name: "id"), name: "id", system: true),
                        required: true, primaryKey: true, min: 15, max: 15, pattern: "^[a-z0-9]+$",
                        autogeneratePattern: "[a-z0-9]{15}"))
    }

    /// The system fields of an auth collection, `created` and `updated` last.
    public static func authFields(system autodatesAreSystem: Bool) -> [Field] {
        [
            idField(),
            .password(PasswordField(base: FieldBase(id: Field.defaultID(type: "password", name: "password"),
                                                    name: "password", system: true, hidden: true),
                                    required: true, min: 8, cost: 0)),
            .text(TextField(base: FieldBase(id: Field.defaultID(type: "text", name: "tokenKey"), name: "tokenKey",
                                            system: true, hidden: true),
                            required: true, min: 30, max: 60, autogeneratePattern: "[a-zA-Z0-9]{50}")),
            .email(EmailField(base: FieldBase(id: Field.defaultID(type: "email", name: "email"), name: "email",
                                              system: true), required: true)),
            .bool(BoolField(base: FieldBase(id: Field.defaultID(type: "bool", name: "emailVisibility"),
                                            name: "emailVisibility", system: true))),
            .bool(BoolField(base: FieldBase(id: Field.defaultID(type: "bool", name: "verified"), name: "verified",
                                            system: true))),
        ] + autodates(system: autodatesAreSystem)
    }

    /// The unique token-key and email indexes of an auth collection.
    public static func authIndexes(table: String, id: String) -> [String] {
        [
            "CREATE UNIQUE INDEX `idx_tokenKey_\(id)` ON `\(table)` (`tokenKey`)",
            "CREATE UNIQUE INDEX `idx_email_\(id)` ON `\(table)` (`email`) WHERE `email` != ''",
        ]
    }

    static func autodates(system: Bool) -> [Field] {
        [
            .autodate(AutodateField(base: FieldBase(id: Field.defaultID(type: "autodate", name: "created"),
                                                    name: "created", system: system),
                                    onCreate: true, onUpdate: false)),
            .autodate(AutodateField(base: FieldBase(id: Field.defaultID(type: "autodate", name: "updated"),
                                                    name: "updated", system: system),
                                    onCreate: true, onUpdate: true)),
        ]
    }

    private static func text(_ name: String, required: Bool = false, hidden: Bool = false) -> Field {
        .text(TextField(base: FieldBase(id: Field.defaultID(type: "text", name: name), name: name, system: true,
                                        hidden: hidden),
                        required: required))
    }

    private static func helper(_ name: String, extra: [Field], indexes: [String], deletable: Bool,
                               now: DateTime) -> Collection {
        let fields = [idField(), text("collectionRef", required: true), text("recordRef", required: true)]
            + extra + autodates(system: true)
        return Collection(name: name, kind: .base, system: true, fields: fields, indexes: indexes,
                          rules: CollectionRules(list: ownerRule, view: ownerRule,
                                                 delete: deletable ? ownerRule : nil),
                          created: now, updated: now)
    }
}
