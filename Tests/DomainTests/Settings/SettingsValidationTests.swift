import PocketDomain
import Testing

/// The flattened codes of a failed patch: `["smtp.port": "validation_required"]`.
private func codes(_ patch: String, to base: AppSettings = .defaults) throws -> [String: String] {
    let object = try #require(try JSONParser.parse(Array(patch.utf8)).objectValue)
    do {
        _ = try SettingsPatch.apply(object, to: base)
        return [:]
    } catch {
        guard case .invalid(let errors) = error else { return ["": "load"] }
        var out: [String: String] = [:]
        func walk(_ prefix: String, _ errors: FieldErrors) {
            for (field, error) in errors.entries {
                let path = prefix.isEmpty ? field : prefix + "." + field
                if let nested = error.nested { walk(path, nested) } else { out[path] = error.code }
            }
        }
        walk("", errors)
        return out
    }
}

@Suite("Settings validation (PocketBase 0.28.4 codes)")
struct SettingsValidationTests {
    @Test("each section's rules", arguments: [
        (#"{"meta":{"appURL":"not a url"}}"#, ["meta.appURL": "validation_is_url"]),
        (#"{"meta":{"appName":"","senderAddress":"bad"}}"#,
         ["meta.appName": "validation_required", "meta.senderAddress": "validation_is_email"]),
        (#"{"smtp":{"enabled":true,"port":-1,"host":"bad host"}}"#,
         ["smtp.port": "validation_min_greater_equal_than_required", "smtp.host": "validation_is_host"]),
        (#"{"smtp":{"enabled":true,"port":0}}"#, ["smtp.port": "validation_required"]),
        (#"{"smtp":{"authMethod":"XX","localName":"a b"}}"#,
         ["smtp.authMethod": "validation_in_invalid", "smtp.localName": "validation_is_host"]),
        (#"{"s3":{"enabled":true}}"#,
         ["s3.bucket": "validation_required", "s3.endpoint": "validation_required", "s3.region": "validation_required",
          "s3.accessKey": "validation_required", "s3.secret": "validation_required"]),
        (#"{"s3":{"endpoint":"bad url"}}"#, ["s3.endpoint": "validation_is_url"]),
        (#"{"backups":{"s3":{"enabled":true,"bucket":"b","region":"r","endpoint":"http://x.test","accessKey":"k"}}}"#,
         ["backups.s3.secret": "validation_required"]),
        (#"{"backups":{"cron":"bad cron"}}"#, ["backups.cron": "validation_invalid_cron"]),
        (#"{"backups":{"cron":"0 0 * * *","cronMaxKeep":0}}"#, ["backups.cronMaxKeep": "validation_required"]),
        (#"{"backups":{"cronMaxKeep":-1}}"#, ["backups.cronMaxKeep": "validation_min_greater_equal_than_required"]),
        (#"{"batch":{"enabled":true,"maxRequests":-1,"timeout":0,"maxBodySize":-5}}"#,
         ["batch.maxRequests": "validation_min_greater_equal_than_required", "batch.timeout": "validation_required",
          "batch.maxBodySize": "validation_min_greater_equal_than_required"]),
        (#"{"logs":{"maxDays":-1}}"#, ["logs.maxDays": "validation_min_greater_equal_than_required"]),
        (#"{"rateLimits":{"enabled":true,"rules":[]}}"#, ["rateLimits.rules": "validation_required"]),
        (#"{"rateLimits":{"rules":[{"label":"bad label!","maxRequests":0,"duration":0,"audience":"x"}]}}"#,
         ["rateLimits.rules.0.label": "validation_match_invalid", "rateLimits.rules.0.maxRequests": "validation_required",
          "rateLimits.rules.0.duration": "validation_required", "rateLimits.rules.0.audience": "validation_in_invalid"]),
        (#"{"rateLimits":{"rules":[{"label":"/a/","maxRequests":1,"duration":1},{"label":"/a/","maxRequests":1,"duration":1}]}}"#,
         ["rateLimits.rules.1.label": "validation_conflicting_rate_limit_rule"]),
        // PocketBase compares label@@audience prefixes: "everyone" conflicts with "@guest".
        (#"{"rateLimits":{"rules":[{"label":"/a/","maxRequests":1,"duration":1},{"label":"/a/","audience":"@guest","maxRequests":1,"duration":1}]}}"#,
         ["rateLimits.rules.1.label": "validation_conflicting_rate_limit_rule"]),
        // Element errors win over the conflict check.
        (#"{"rateLimits":{"rules":[{"label":"/a","maxRequests":1,"duration":1},{"label":"/a","maxRequests":1,"duration":1},{"label":"x!","maxRequests":1,"duration":1}]}}"#,
         ["rateLimits.rules.2.label": "validation_match_invalid"]),
        (#"{"rateLimits":{"rules":[{"label":"/a/","audience":"@guest","maxRequests":1,"duration":1},{"label":"/a/","audience":"@auth","maxRequests":1,"duration":1}]}}"#,
         [String: String]()),
        (#"{"smtp":{"enabled":true,"host":"::1","localName":"mail_relay.example."},"backups":{"cron":"@daily"}}"#,
         [String: String]()),
    ])
    func rules(patch: String, expected: [String: String]) throws {
        #expect(try codes(patch) == expected)
    }

    @Test("messages and params match PocketBase")
    func messages() throws {
        let object = try #require(try JSONParser.parse(Array(#"{"logs":{"maxDays":-1},"backups":{"cron":"x * * * *"},"rateLimits":{"rules":[{"label":"/a/","maxRequests":1,"duration":1},{"label":"/a/","maxRequests":1,"duration":1}]}}"#.utf8)).objectValue)
        let problem: SettingsPatch.Problem? = {
            do throws(SettingsPatch.Problem) { _ = try SettingsPatch.apply(object, to: .defaults); return nil } catch { return error }
        }()
        guard case .invalid(let errors)? = problem else { Issue.record("expected errors"); return }
        let json = JSONWriter.string(.object(errors.json))
        #expect(json.contains(#""maxDays":{"code":"validation_min_greater_equal_than_required","message":"Must be no less than 0.","params":{"threshold":0}}"#))
        #expect(json.contains(#""message":"Strconv.Atoi: parsing \"x\": invalid syntax.""#))
        #expect(json.contains(#""message":"Rate limit rule configuration with label /a/ already exists or conflicts with another rule.","params":{"label":"/a/"}"#))
    }

    @Test("loading follows Go: wrong types, fractions and non-string headers are load errors", arguments: [
        #"{"smtp":{"port":"abc"}}"#, #"{"smtp":{"port":5.5}}"#, #"{"smtp":{"password":5}}"#, #"{"smtp":{"tls":1}}"#,
        #"{"trustedProxy":{"headers":"X"}}"#, #"{"trustedProxy":{"headers":[1]}}"#, #"{"rateLimits":{"rules":[5]}}"#,
        #"{"rateLimits":{"rules":[{"label":1}]}}"#, #"{"meta":"x"}"#,
    ])
    func loadErrors(patch: String) throws {
        let object = try #require(try JSONParser.parse(Array(patch.utf8)).objectValue)
        #expect(throws: SettingsPatch.Problem.invalidTypes) { try SettingsPatch.apply(object, to: .defaults) }
    }

    @Test("unknown keys are dropped, nulls keep values, a null array empties it")
    func loading() throws {
        let object = try #require(try JSONParser.parse(Array(
            #"{"nope":1,"meta":{"appName":null,"x":2},"trustedProxy":{"headers":null}}"#.utf8)).objectValue)
        let settings = try SettingsPatch.apply(object, to: .defaults)
        #expect(settings.json["nope"] == nil)
        #expect(settings.value(at: "meta", "x") == .null)
        #expect(settings.appName == "Acme")
        #expect(settings.value(at: "trustedProxy", "headers") == .array([]))
    }

    @Test("rule elements load into the element at their index (PocketBase 0.28.4)")
    func rulesLoadIntoExistingElements() throws {
        let first = try #require(try JSONParser.parse(Array(
            #"{"rateLimits":{"rules":[{"label":"/a/","audience":"@guest","duration":7,"maxRequests":8}]}}"#.utf8)).objectValue)
        let second = try #require(try JSONParser.parse(Array(#"{"rateLimits":{"rules":[{"label":"/b/"},{"label":"/c","duration":1,"maxRequests":1}]}}"#.utf8)).objectValue)
        let settings = try SettingsPatch.apply(second, to: try SettingsPatch.apply(first, to: .defaults))
        #expect(settings.rateLimits.rules == [
            RateLimitRule(label: "/b/", audience: "@guest", duration: 7, maxRequests: 8),
            RateLimitRule(label: "/c", audience: "", duration: 1, maxRequests: 1),
        ])
    }

    @Test("secrets are kept when not submitted and never in the public JSON")
    func secrets() throws {
        let set = try #require(try JSONParser.parse(Array(#"{"s3":{"secret":"keep"},"smtp":{"password":"pw"}}"#.utf8)).objectValue)
        let enable = try #require(try JSONParser.parse(Array(
            #"{"s3":{"enabled":true,"bucket":"b","region":"r","endpoint":"https://s3.example.com","accessKey":"AK"}}"#.utf8)).objectValue)
        let settings = try SettingsPatch.apply(enable, to: try SettingsPatch.apply(set, to: .defaults))
        #expect(settings.s3.secret == "keep")
        #expect(settings.smtp.password == "pw")
        #expect(settings.publicJSON["s3"]?["secret"] == .null)
        #expect(settings.publicJSON["smtp"]?["password"] == .null)
        #expect(AppSettings.defaults.json["s3"]?["secret"] == .null)
    }
}

@Suite("Settings value checks")
struct SettingsValueCheckTests {
    @Test("host names and IP addresses (govalidator IsHost)", arguments: [
        ("smtp.example.com", true), ("localhost", true), ("1.2.3.4", true), ("::1", true), ("fe80::1:2", true),
        ("::ffff:1.2.3.4", true), ("a_b.c.", true), ("bad host", false), ("-a.com", false), ("a..b", false),
        ("1:2", false), ("", false),
    ])
    func hosts(text: String, valid: Bool) {
        #expect(HostName.isValid(text) == valid)
    }

    @Test("rate limit labels", arguments: [
        ("/api/", true), ("/", true), ("POST /api/batch", true), ("users:create", true), ("*:auth", true),
        ("tag_1", true), ("a:*", false), ("bad label!", false), ("GET  /x", false), ("/a b", false), ("", false),
    ])
    func labels(label: String, valid: Bool) {
        #expect(RateLimitRule.isValidLabel(label) == valid)
    }

    @Test("cron expressions and PocketBase's errors", arguments: [
        ("@daily", nil), ("*/5 1-3 * 1,6 0-6", nil), ("* * *", "invalid cron expression - must be a valid macro or to have exactly 5 space separated segments"),
        ("60 * * * *", "invalid segment value - must be between the min and max of the segment"),
        ("*/0 * * * *", "invalid segment step boundary - the step must be between 1 and the 59"),
        ("5/2 * * * *", "invalid segement step - step > 1 could be used only with the wildcard or range format"),
        ("3-1 * * * *", "invalid segment range maximum - must be between 3 and 59"),
    ] as [(String, String?)])
    func cron(expression: String, error: String?) {
        let message: String? = {
            do throws(CronSchedule.SyntaxError) { _ = try CronSchedule(expression); return nil } catch { return error.message }
        }()
        #expect(message == error)
    }

    @Test("a schedule is due on its minutes")
    func due() throws {
        let schedule = try CronSchedule("*/15 2 * * 1")
        #expect(schedule.isDue(minute: 30, hour: 2, day: 5, month: 3, dayOfWeek: 1))
        #expect(!schedule.isDue(minute: 31, hour: 2, day: 5, month: 3, dayOfWeek: 1))
    }

    @Test("rule lookup: exact labels first, then path prefixes, by audience")
    func findRule() {
        let config = RateLimitsConfig(isEnabled: true, rules: [
            RateLimitRule(label: "/api/", duration: 10, maxRequests: 300),
            RateLimitRule(label: "users:create", audience: "@guest", duration: 5, maxRequests: 2),
            RateLimitRule(label: "*:create", duration: 5, maxRequests: 20),
            RateLimitRule(label: "POST /api/batch", duration: 1, maxRequests: 3),
        ])
        #expect(config.findRule(labels: ["users:create", "*:create"], audiences: [.all, .guest])?.maxRequests == 2)
        #expect(config.findRule(labels: ["users:create", "*:create"], audiences: [.all, .auth])?.maxRequests == 20)
        #expect(config.findRule(labels: ["POST /api/batch", "/api/batch"])?.maxRequests == 3)
        #expect(config.findRule(labels: ["GET /api/health", "/api/health"])?.label == "/api/")
        #expect(config.findRule(labels: ["GET /api", "/api"])?.label == "/api/")
        #expect(config.findRule(labels: ["GET /other", "/other"]) == nil)
    }
}
