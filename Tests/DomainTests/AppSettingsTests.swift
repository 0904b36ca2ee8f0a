import Testing
@testable import PocketDomain

@Suite("AppSettings and SettingsPatch")
struct AppSettingsTests {
    /// The settings a fresh PocketBase 0.28.4 stores in `_params` (conformance reference `data.db`).
    static let reference = #"{"smtp":{"enabled":false,"port":587,"host":"smtp.example.com","username":"","authMethod":"","tls":false,"localName":""},"backups":{"cron":"","cronMaxKeep":3,"s3":{"enabled":false,"bucket":"","region":"","endpoint":"","accessKey":"","forcePathStyle":false}},"s3":{"enabled":false,"bucket":"","region":"","endpoint":"","accessKey":"","forcePathStyle":false},"meta":{"appName":"Acme","appURL":"http://localhost:8090","senderName":"Support","senderAddress":"support@example.com","hideControls":false},"rateLimits":{"rules":[{"label":"*:auth","audience":"","duration":3,"maxRequests":2},{"label":"*:create","audience":"","duration":5,"maxRequests":20},{"label":"/api/batch","audience":"","duration":1,"maxRequests":3},{"label":"/api/","audience":"","duration":10,"maxRequests":300}],"enabled":false},"trustedProxy":{"headers":[],"useLeftmostIP":false},"batch":{"enabled":false,"maxRequests":50,"timeout":3,"maxBodySize":0},"logs":{"maxDays":5,"minLevel":0,"logIP":true,"logAuthId":false}}"#

    private func object(_ text: String) throws -> JSONObject {
        try #require(try JSONParser.parse(text).objectValue)
    }

    @Test("defaults are PocketBase's, key for key and in order")
    func defaults() {
        let defaults = AppSettings.defaults
        #expect(JSONWriter.string(.object(defaults.json)) == Self.reference)
        #expect(defaults.appName == "Acme")
        #expect(defaults.appURL == "http://localhost:8090")
        #expect(defaults.value(at: "batch") == ["enabled": false, "maxRequests": 50, "timeout": 3, "maxBodySize": 0])
        #expect(defaults.value(at: "logs", "maxDays") == 5)
        #expect(defaults.value(at: "nope", "deeper") == .null)
    }

    @Test("stored settings merge over the defaults; unknown keys survive")
    func fromStored() throws {
        let stored = try object(#"{"meta":{"appName":"Mine"},"future":{"x":1},"batch":{"enabled":true}}"#)
        let settings = AppSettings(json: stored)
        #expect(settings.appName == "Mine")
        #expect(settings.appURL == "http://localhost:8090")
        #expect(settings.value(at: "batch", "enabled") == true)
        #expect(settings.value(at: "batch", "maxRequests") == 50)
        #expect(settings.value(at: "future", "x") == 1)
        #expect(AppSettings(json: try object(Self.reference)) == AppSettings.defaults)
    }

    @Test("publicJSON leaves out the secrets")
    func publicJSON() throws {
        let settings = AppSettings.defaults.merging(try object(
            #"{"smtp":{"password":"p1","host":"mail.test"},"s3":{"secret":"p2"},"backups":{"s3":{"secret":"p3","bucket":"b"}}}"#))
        #expect(settings.value(at: "smtp", "password") == "p1")
        #expect(settings.value(at: "s3", "secret") == "p2")
        #expect(settings.value(at: "backups", "s3", "secret") == "p3")
        let text = JSONWriter.string(.object(settings.publicJSON))
        #expect(!text.contains("p1") && !text.contains("p2") && !text.contains("p3"))
        #expect(!text.contains("\"password\"") && !text.contains("\"secret\""))
        #expect(settings.publicJSON["smtp"]?["host"] == "mail.test")
        #expect(settings.publicJSON["backups"]?["s3"]["bucket"] == "b")
        #expect(AppSettings.defaults.publicJSON == AppSettings.defaults.json)
    }

    @Test("merging replaces scalars and arrays, merges objects, keeps untouched keys")
    func merging() throws {
        let merged = AppSettings.defaults.merging(try object(
            #"{"meta":{"appName":"New"},"trustedProxy":{"headers":["X-Real-IP"]},"rateLimits":{"rules":[]}}"#))
        #expect(merged.appName == "New")
        #expect(merged.value(at: "meta", "senderName") == "Support")
        #expect(merged.value(at: "trustedProxy", "headers") == ["X-Real-IP"])
        #expect(merged.value(at: "trustedProxy", "useLeftmostIP") == false)
        #expect(merged.value(at: "rateLimits", "rules") == [])
        #expect(merged.value(at: "rateLimits", "enabled") == false)
        #expect(merged.json.keys == AppSettings.defaults.json.keys)
    }

    @Test("a valid patch applies")
    func applyValid() throws {
        let updated = try SettingsPatch.apply(try object(#"{"meta":{"appName":"Blog","senderAddress":"no-reply@blog.test"},"logs":{"maxDays":7}}"#),
                                              to: .defaults)
        #expect(updated.appName == "Blog")
        #expect(updated.value(at: "meta", "senderAddress") == "no-reply@blog.test")
        #expect(updated.value(at: "logs", "maxDays") == 7)
        #expect(updated.value(at: "logs", "logIP") == true)
    }

    @Test("a value of the wrong JSON type rejects the whole body", arguments: [
        #"{"meta":{"appName":5}}"#, #"{"meta":"x"}"#, #"{"batch":{"enabled":"yes"}}"#, #"{"logs":{"maxDays":"7"}}"#,
        #"{"trustedProxy":{"headers":"X-Real-IP"}}"#, #"{"rateLimits":{"rules":{}}}"#,
    ])
    func invalidTypes(text: String) throws {
        let patch = try object(text)
        #expect(throws: SettingsPatch.Problem.invalidTypes) { try SettingsPatch.apply(patch, to: .defaults) }
    }

    @Test("nulls and unknown keys pass the type check", arguments: [
        #"{"meta":{"hideControls":null}}"#, #"{"somethingNew":5}"#, #"{"meta":{"extra":[1]}}"#,
    ])
    func lenientTypes(text: String) throws {
        let patch = try object(text)
        #expect(throws: Never.self) { try SettingsPatch.apply(patch, to: .defaults) }
    }

    @Test("an empty appName is a nested validation_required error")
    func emptyAppName() throws {
        let errors = try invalidErrors(#"{"meta":{"appName":""}}"#)
        #expect(JSONWriter.string(.object(errors.json))
            == #"{"meta":{"appName":{"code":"validation_required","message":"Cannot be blank."}}}"#)
        #expect(errors["meta"]?.nested?["appName"] == .required)
    }

    @Test("meta rules: every required value and a valid sender address", arguments: [
        (#"{"meta":{"appURL":""}}"#, "appURL", "validation_required"),
        (#"{"meta":{"senderName":""}}"#, "senderName", "validation_required"),
        (#"{"meta":{"senderAddress":""}}"#, "senderAddress", "validation_required"),
        (#"{"meta":{"senderAddress":"nope"}}"#, "senderAddress", "validation_is_email"),
    ])
    func metaRules(text: String, field: String, code: String) throws {
        let errors = try invalidErrors(text)
        #expect(errors["meta"]?.nested?[field]?.code == code)
        #expect(errors["meta"]?.nested?.entries.count == 1)
    }

    /// The validation errors of a patch that must be refused as `.invalid`.
    private func invalidErrors(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> FieldErrors {
        let patch = try object(text)
        do {
            _ = try SettingsPatch.apply(patch, to: .defaults)
        } catch .invalid(let errors) {
            return errors
        } catch {
            Issue.record("expected .invalid, got \(error)", sourceLocation: sourceLocation)
            return FieldErrors()
        }
        Issue.record("expected an error", sourceLocation: sourceLocation)
        return FieldErrors()
    }
}
