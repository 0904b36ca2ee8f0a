internal import PocketDomain

extension AuthService {
    /// `POST /api/collections/{collection}/request-password-reset`.
    ///
    /// 204 for any valid email (no enumeration); one mail per record every 2 minutes, the guard
    /// armed only once a mail went out and lifted by a successful reset (PocketBase 0.28.4).
    public func requestPasswordReset(collection idOrName: String, email: String) throws {
        let collection = try requireAuthCollection(idOrName)
        guard Self.options(of: collection).passwordAuth.enabled else {
            throw ApplicationError.badRequest("The collection is not configured to allow password authentication.")
        }
        let errors = Self.emailErrors(email)
        guard errors.isEmpty else { throw ApplicationError.validation(errors) }
        guard let record = try findAuthRecord(byEmail: email, in: collection) else { return }
        let key = Self.passwordResetResendKey(record, collection)
        guard !resendGuards.contains(key) else { return }

        let token = tokens.actionToken(.passwordReset, for: record, in: collection)
        let guards = resendGuards
        mail.send(Self.options(of: collection).resetPasswordTemplate, what: "password reset", record: record,
                  collection: collection, placeholders: [RecordMail.token: token]) { failure in
            if failure == nil { guards.insert(key, seconds: Self.resendGuardSeconds) }
        }
    }

    /// `POST /api/collections/{collection}/confirm-password-reset`: sets the new password, which
    /// renews the tokenKey (every earlier token dies, this one included) and verifies the record
    /// when its email is still the one the token was sent to.
    public func confirmPasswordReset(collection idOrName: String, token: String, password: String,
                                     passwordConfirm: String) async throws {
        let collection = try requireAuthCollection(idOrName)
        var errors = FieldErrors()
        var found: (record: Record, collection: Collection)?
        if token.isEmpty {
            errors.add("token", .required)
        } else if let match = record(forToken: token, kind: .passwordReset) {
            if match.collection.id == collection.id { found = match } else { errors.add("token", Self.collectionMismatch) }
        } else {
            errors.add("token", Self.invalidToken)
        }
        var minimum = 1
        if case .password(let field)? = collection.field(named: "password"), field.min > 0 { minimum = field.min }
        if password.isEmpty {
            errors.add("password", .required)
        } else if password.count < minimum || password.count > 255 {
            errors.add("password", .outOfRange(min: minimum, max: 255))
        }
        if passwordConfirm.isEmpty {
            errors.add("passwordConfirm", .required)
        } else if passwordConfirm != password {
            errors.add("passwordConfirm", ValidationError(code: "validation_values_mismatch", message: "Values don't match."))
        }
        guard errors.isEmpty, let found else { throw ApplicationError.validation(errors) }

        var record = found.record
        let cost: Int
        if case .password(let field)? = collection.field(named: "password") { cost = field.effectiveCost } else { cost = 10 }
        let hasher = self.hasher
        record["password"] = .string(try await blocking.run { try hasher.hash(password, cost: cost) })
        if !record.bool("verified"), tokens.unverifiedClaims(token)?["email"]?.stringValue == record.string("email") {
            record["verified"] = true
        }
        do {
            try saveAccountChange(&record, previous: found.record, in: collection)
        } catch let error as ApplicationError {
            throw error
        } catch {
            throw StoreFailure(cause: error, answer: ApplicationError.badRequest("Failed to set new password."))
        }
        resendGuards.remove(Self.passwordResetResendKey(found.record, collection))
    }

    static func passwordResetResendKey(_ record: Record, _ collection: Collection) -> String {
        "@limitPasswordResetEmail_" + collection.id + record.id
    }
}
