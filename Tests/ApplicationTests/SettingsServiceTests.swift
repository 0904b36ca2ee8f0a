import PocketApplication
import PocketDomain
import PocketTestSupport
import Testing

/// A settings patch from a literal, keys in the order written.
func patch(_ value: JSONValue) -> JSONObject { value.objectValue ?? JSONObject() }

@Suite("SettingsService")
struct SettingsServiceTests {
    static let defaultsBytes = JSONWriter.bytes(.object(AppSettings.defaults.json))

    @Test("a fresh load stores the defaults as a plain JSON blob")
    func freshLoadStoresDefaults() throws {
        let params = InMemoryParamStore()
        let service = SettingsService(params: params, cipher: UnimplementedSecretCipher(), encryptionKey: nil)
        try service.load()
        #expect(service.current == AppSettings.defaults)
        #expect(params.snapshot == [SettingsService.paramID: .blob(Self.defaultsBytes)])
        #expect(service.current.appName == "Acme")
        #expect(service.current.appURL == "http://localhost:8090")
    }

    @Test("an empty encryption key means no encryption")
    func emptyKeyIsNoKey() throws {
        let params = InMemoryParamStore()
        let service = SettingsService(params: params, cipher: UnimplementedSecretCipher(), encryptionKey: "")
        try service.load()
        #expect(params.snapshot[SettingsService.paramID] == .blob(Self.defaultsBytes))
    }

    @Test("with a key the settings are stored encrypted as text and read back")
    func encryptedRoundTrip() throws {
        let params = InMemoryParamStore()
        let cipher = ReversingCipher()
        let first = SettingsService(params: params, cipher: cipher, encryptionKey: testEncryptionKey)
        try first.load()
        _ = try first.update(patch(["meta": ["appName": "Secret app"]]))

        let stored = try #require(params.snapshot[SettingsService.paramID])
        guard case .text(let text) = stored else {
            Issue.record("expected encrypted text, got \(stored)")
            return
        }
        #expect(!text.contains("Secret app"))
        let plain = try cipher.decrypt(text, key: testEncryptionKey)
        #expect(try JSONParser.parse(plain)["meta"]["appName"] == "Secret app")

        let second = SettingsService(params: params, cipher: cipher, encryptionKey: testEncryptionKey)
        try second.load()
        #expect(second.current.appName == "Secret app")
        #expect(second.current == first.current)
    }

    @Test("encrypted settings without the key fail to load with PocketBase's message")
    func encryptedWithoutKey() throws {
        let params = InMemoryParamStore()
        try SettingsService(params: params, cipher: ReversingCipher(), encryptionKey: testEncryptionKey).load()

        let service = SettingsService(params: params, cipher: UnimplementedSecretCipher(), encryptionKey: nil,
                                      encryptionEnvName: "PB_ENCRYPTION_KEY")
        #expect(throws: ApplicationError.internalError(
            "invalid settings db data or missing encryption key \"PB_ENCRYPTION_KEY\"")) {
            try service.load()
        }
        #expect(service.current == AppSettings.defaults)
    }

    @Test("encrypted settings with a different key fail to load")
    func encryptedWithWrongKey() throws {
        let params = InMemoryParamStore()
        try SettingsService(params: params, cipher: ReversingCipher(), encryptionKey: testEncryptionKey).load()

        let service = SettingsService(params: params, cipher: ReversingCipher(),
                                      encryptionKey: "ffffffffffffffffffffffffffffffff", encryptionEnvName: "KEY")
        #expect(throws: ApplicationError.internalError("invalid settings db data or missing encryption key \"KEY\"")) {
            try service.load()
        }
    }

    @Test("plain stored settings still load when a key is configured")
    func plainWithKey() throws {
        var json = AppSettings.defaults.json
        json["meta"] = JSONValue.object(patch(["appName": "Plain"]))
        let params = InMemoryParamStore([SettingsService.paramID: .blob(JSONWriter.bytes(.object(json)))])
        let service = SettingsService(params: params, cipher: ReversingCipher(), encryptionKey: testEncryptionKey)
        try service.load()
        #expect(service.current.appName == "Plain")
        // Missing members of a section keep their defaults.
        #expect(service.current.appURL == "http://localhost:8090")
    }

    @Test("stored text that is neither JSON nor decryptable fails to load")
    func garbageFails() throws {
        let params = InMemoryParamStore([SettingsService.paramID: .text("not json")])
        let service = SettingsService(params: params, cipher: UnimplementedSecretCipher(), encryptionKey: nil,
                                      encryptionEnvName: "X")
        #expect(throws: ApplicationError.internalError("invalid settings db data or missing encryption key \"X\"")) {
            try service.load()
        }
    }

    @Test("update merges into the current settings and persists them")
    func updateMergesAndPersists() throws {
        let params = InMemoryParamStore()
        let service = SettingsService(params: params, cipher: UnimplementedSecretCipher(), encryptionKey: nil)
        try service.load()
        let updated = try service.update(patch(["meta": ["appName": "Renamed"], "logs": ["maxDays": 9]]))

        #expect(updated.appName == "Renamed")
        #expect(updated.appURL == "http://localhost:8090")
        #expect(updated.value(at: "meta", "senderAddress") == "support@example.com")
        #expect(updated.value(at: "logs", "maxDays") == 9)
        #expect(updated.value(at: "logs", "logIP") == true)
        #expect(service.current == updated)

        let stored = try #require(params.snapshot[SettingsService.paramID])
        #expect(stored == .blob(JSONWriter.bytes(.object(updated.json))))

        let reloaded = SettingsService(params: params, cipher: UnimplementedSecretCipher(), encryptionKey: nil)
        try reloaded.load()
        #expect(reloaded.current == updated)
    }

    @Test("a value of the wrong type is a load failure and changes nothing")
    func wrongTypeIsLoadFailure() throws {
        let params = InMemoryParamStore()
        let service = SettingsService(params: params, cipher: UnimplementedSecretCipher(), encryptionKey: nil)
        try service.load()
        #expect(throws: ApplicationError.badRequest("An error occurred while loading the submitted data.")) {
            _ = try service.update(patch(["meta": ["appName": 5]]))
        }
        #expect(throws: ApplicationError.loadFailed) {
            _ = try service.update(patch(["smtp": "on"]))
        }
        #expect(service.current == AppSettings.defaults)
        #expect(params.snapshot[SettingsService.paramID] == .blob(Self.defaultsBytes))
    }

    @Test("invalid merged settings are refused with the nested field errors")
    func invalidIsBadRequest() throws {
        let params = InMemoryParamStore()
        let service = SettingsService(params: params, cipher: UnimplementedSecretCipher(), encryptionKey: nil)
        try service.load()

        var meta = FieldErrors("appName", .required)
        meta.add("senderAddress", .invalidEmail)
        let expected = FieldErrors("meta", ValidationError(code: "validation_invalid", message: "", nested: meta))
        #expect(throws: ApplicationError.badRequest("An error occurred while saving the new settings.", expected)) {
            _ = try service.update(patch(["meta": ["appName": "", "senderAddress": "nope"]]))
        }
        #expect(JSONWriter.string(.object(expected.json))
            == #"{"meta":{"appName":{"code":"validation_required","message":"Cannot be blank."},"senderAddress":{"code":"validation_is_email","message":"Must be a valid email address."}}}"#)
        #expect(service.current == AppSettings.defaults)
        #expect(params.snapshot[SettingsService.paramID] == .blob(Self.defaultsBytes))
    }

    @Test("publicJSON leaves out every secret the stored settings keep")
    func publicJSONHidesSecrets() throws {
        let params = InMemoryParamStore()
        let service = SettingsService(params: params, cipher: UnimplementedSecretCipher(), encryptionKey: nil)
        try service.load()
        let updated = try service.update(patch([
            "smtp": ["password": "smtp-pass", "username": "mailer"],
            "s3": ["secret": "s3-secret"],
            "backups": ["s3": ["secret": "backup-secret"]],
        ]))

        #expect(updated.value(at: "smtp", "password") == "smtp-pass")
        #expect(updated.value(at: "s3", "secret") == "s3-secret")
        #expect(updated.value(at: "backups", "s3", "secret") == "backup-secret")
        let stored = String(decoding: try #require(params.snapshot[SettingsService.paramID]).bytes, as: UTF8.self)
        #expect(stored.contains("smtp-pass"))

        let visible = JSONWriter.string(.object(updated.publicJSON))
        #expect(!visible.contains("smtp-pass"))
        #expect(!visible.contains("s3-secret"))
        #expect(!visible.contains("backup-secret"))
        #expect(updated.publicJSON["smtp"]?.objectValue?.contains("password") == false)
        #expect(updated.publicJSON["smtp"]?["username"] == "mailer")
        #expect(updated.publicJSON["s3"]?.objectValue?.contains("secret") == false)
        #expect(updated.publicJSON["backups"]?["s3"]["bucket"] == "")
    }
}
