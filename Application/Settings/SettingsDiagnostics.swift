public import PocketDomain

/// `POST /api/settings/test/email` and `POST /api/settings/test/s3`: checks that the configured
/// mail transport and S3 storages work, as PocketBase 0.28.4 does.
public struct SettingsDiagnostics: Sendable {
    /// The test mails PocketBase can send (`template` of the request).
    public enum TestTemplate: String, Sendable, CaseIterable {
        case verification
        case passwordReset = "password-reset"
        case emailChange = "email-change"
        case otp
        case loginAlert = "login-alert"
    }

    private let settings: SettingsService
    private let collections: CollectionRegistry
    private let mailer: any Mailer
    private let openS3: @Sendable (S3Settings) throws -> any FileStorage
    private let blocking: any BlockingRunner
    private let signer: any TokenSigner
    private let clock: any Clock
    private let random: any RandomStringGenerator

    /// `openS3` opens a storage over an S3 configuration (it may fail for a bad endpoint).
    public init(settings: SettingsService, collections: CollectionRegistry, mailer: any Mailer,
                openS3: @escaping @Sendable (S3Settings) throws -> any FileStorage, blocking: any BlockingRunner,
                signer: any TokenSigner, clock: any Clock, random: any RandomStringGenerator) {
        self.settings = settings
        self.collections = collections
        self.mailer = mailer
        self.openS3 = openS3
        self.blocking = blocking
        self.signer = signer
        self.clock = clock
        self.random = random
    }

    // MARK: test email

    /// Validates the request as PocketBase does: `collection` (optional) must name an auth
    /// collection, `email` is required and an address, `template` one of `TestTemplate`.
    public func validateTestEmail(email: String, template: String, collection: String) -> FieldErrors {
        var errors = FieldErrors()
        if !collection.isEmpty {
            if collection.unicodeScalars.count > 255 {
                errors.add("collection", .outOfRange(min: 1, max: 255))
            } else if collections.find(collection)?.kind != .auth {
                errors.add("collection", ValidationError(code: "validation_invalid_auth_collection",
                                                         message: "Must be a valid auth collection id or name."))
            }
        }
        if email.isEmpty {
            errors.add("email", .required)
        } else if email.unicodeScalars.count > 255 {
            errors.add("email", .outOfRange(min: 1, max: 255))
        } else if !EmailAddress.isValid(email) {
            errors.add("email", .invalidEmail)
        }
        if template.isEmpty {
            errors.add("template", .required)
        } else if TestTemplate(rawValue: template) == nil {
            errors.add("template", .notInList)
        }
        return errors
    }

    /// Sends the test mail of `template` to `email`, for a made-up record of `collection`
    /// (`_superusers` when empty) whose visible fields read `__pb_test_<name>__`.
    public func sendTestEmail(email: String, template: String, collection: String) async throws {
        let failed = "Failed to send the test email."
        let errors = validateTestEmail(email: email, template: template, collection: collection)
        guard errors.isEmpty, let kind = TestTemplate(rawValue: template) else {
            throw ApplicationError.badRequest(failed, errors)
        }
        let target = try collection.isEmpty ? collections.requireSuperusers() : collections.find(collection)
        guard let target, let options = target.auth else { throw ApplicationError.badRequest(failed, errors) }
        var record = Record(collection: target)
        for field in target.fields where !field.isHidden {
            record[field.name] = .string("__pb_test_" + field.name + "__")
        }
        record["tokenKey"] = .string(random.string(length: 50, alphabet: Alphabet.lowerAlphanumeric))
        record["email"] = .string(email)

        let current = settings.current
        let message: MailMessage
        switch kind {
        case .verification:
            let token = actionToken("verification", record, options.verificationToken, extra: [])
            message = RecordMail.compose(options.verificationTemplate, record: record, collection: target,
                                         settings: current, placeholders: [RecordMail.token: token])
        case .passwordReset:
            let token = actionToken("passwordReset", record, options.passwordResetToken, extra: [])
            message = RecordMail.compose(options.resetPasswordTemplate, record: record, collection: target,
                                         settings: current, placeholders: [RecordMail.token: token])
        case .emailChange:
            let token = actionToken("emailChange", record, options.emailChangeToken, extra: [("newEmail", .string(email))])
            message = RecordMail.compose(options.confirmEmailChangeTemplate, record: record, collection: target,
                                         settings: current, placeholders: [RecordMail.token: token], to: email)
        case .otp:
            message = RecordMail.compose(options.otp.emailTemplate, record: record, collection: target, settings: current,
                                         placeholders: [RecordMail.otpID: "_PB_TEST_OTP_ID_", RecordMail.otp: "123456"])
        case .loginAlert:
            message = RecordMail.compose(options.authAlert.emailTemplate, record: record, collection: target,
                                         settings: current)
        }
        do {
            try await mailer.send(message)
        } catch {
            throw ApplicationError.badRequest(failed + " Raw error: \n" + Self.sentence(error.message))
        }
    }

    /// A verification, password-reset or email-change token as PocketBase signs it.
    private func actionToken(_ type: String, _ record: Record, _ config: TokenConfig,
                             extra: [(String, JSONValue)]) -> String {
        var claims = JSONObject([
            ("id", .string(record.id)), ("type", .string(type)), ("collectionId", .string(record.collectionID)),
            ("email", .string(record.string("email"))),
        ])
        for (key, value) in extra { claims[key] = value }
        claims["exp"] = .number(Double(clock.now().unixSeconds.saturatingAdding(Int64(config.duration))))
        return signer.sign(claims, secret: record.string("tokenKey") + config.secret)
    }

    // MARK: test S3

    /// Uploads a small file under a random `pb_settings_test_` prefix of the `storage` or
    /// `backups` S3 configuration, then deletes the prefix (which lists the bucket).
    public func testS3(filesystem: String) async throws {
        let failed = "Failed to test the S3 filesystem."
        var errors = FieldErrors()
        if filesystem.isEmpty {
            errors.add("filesystem", .required)
        } else if filesystem != "storage", filesystem != "backups" {
            errors.add("filesystem", .notInList)
        }
        guard errors.isEmpty else { throw ApplicationError.badRequest(failed, errors) }
        let config = filesystem == "backups" ? settings.current.backupsS3 : settings.current.s3
        guard config.isEnabled else {
            throw ApplicationError.badRequest(failed + " Raw error: \n" + "S3 storage filesystem is not enabled.")
        }
        let prefix = "pb_settings_test_" + random.string(length: 5, alphabet: Alphabet.lowerAlphanumeric)
        let openS3 = self.openS3
        do {
            try await blocking.run {
                let storage: any FileStorage
                do {
                    storage = try openS3(config)
                } catch {
                    throw S3CheckFailure("failed to initialize the S3 filesystem: \(error)")
                }
                do {
                    try storage.put(Array("test".utf8), at: prefix + "/test.txt", contentType: "text/plain; charset=utf-8")
                } catch {
                    throw S3CheckFailure("failed to upload a test file: \(error)")
                }
                do {
                    try storage.deletePrefix(prefix)
                } catch {
                    throw S3CheckFailure("failed to delete a test file: \(error)")
                }
            }
        } catch let failure as S3CheckFailure {
            throw ApplicationError.badRequest(failed + " Raw error: \n" + Self.sentence(failure.message))
        }
    }

    /// PocketBase's error message shape: a trailing period added when missing.
    static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }
}

private struct S3CheckFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
