internal import PocketDomain

extension AuthService {
    /// `POST /api/collections/{collection}/request-verification`.
    ///
    /// PocketBase 0.28.4 answers 204 whatever happens after validation (no enumeration): an unknown
    /// or already verified email gets no mail, nor does a second request within 2 minutes.
    public func requestVerification(collection idOrName: String, email: String) throws {
        let collection = try requireAuthCollection(idOrName)
        guard collection.name != SystemCollections.superusers else {
            throw ApplicationError.badRequest("All superusers are verified by default.")
        }
        let errors = Self.emailErrors(email)
        guard errors.isEmpty else { throw ApplicationError.validation(errors) }
        guard let record = try findAuthRecord(byEmail: email, in: collection), !record.bool("verified") else { return }
        let key = Self.verificationResendKey(record, collection)
        guard !resendGuards.contains(key) else { return }

        let token = tokens.actionToken(.verification, for: record, in: collection)
        let guards = resendGuards
        // PocketBase 0.28.4 arms the guard once the attempt is over, whether or not it succeeded.
        mail.send(Self.options(of: collection).verificationTemplate, what: "verification", record: record,
                  collection: collection, placeholders: [RecordMail.token: token]) { _ in
            guards.insert(key, seconds: Self.resendGuardSeconds)
        }
    }

    /// `POST /api/collections/{collection}/confirm-verification`: marks the token's record verified.
    /// The token stays usable until it expires (verifying does not renew the tokenKey).
    public func confirmVerification(collection idOrName: String, token: String) throws {
        let collection = try requireAuthCollection(idOrName)
        guard collection.name != SystemCollections.superusers else {
            throw ApplicationError.badRequest("All superusers are verified by default.")
        }
        guard !token.isEmpty else { throw ApplicationError.validation(FieldErrors("token", .required)) }
        let email = tokens.unverifiedClaims(token)?["email"]?.stringValue ?? ""
        guard !email.isEmpty else {
            throw ApplicationError.validation(FieldErrors("token", ValidationError(
                code: "validation_invalid_token_claims", message: "Missing email token claim.")))
        }
        guard let found = record(forToken: token, kind: .verification) else {
            throw ApplicationError.validation(FieldErrors("token", Self.invalidToken))
        }
        guard found.collection.id == collection.id else {
            throw ApplicationError.validation(FieldErrors("token", Self.collectionMismatch))
        }
        guard found.record.string("email") == email else {
            throw ApplicationError.validation(FieldErrors("token", ValidationError(
                code: "validation_token_email_mismatch",
                message: "The record email doesn't match with the requested token claims.")))
        }
        if !found.record.bool("verified") {
            var record = found.record
            record["verified"] = true
            do {
                try saveAccountChange(&record, previous: found.record, in: collection)
            } catch let error as ApplicationError {
                throw error
            } catch {
                throw StoreFailure(cause: error, answer: ApplicationError.badRequest("An error occurred while saving the verified state."))
            }
        }
        resendGuards.remove(Self.verificationResendKey(found.record, collection))
    }

    static func verificationResendKey(_ record: Record, _ collection: Collection) -> String {
        "@limitVerificationEmail_" + collection.id + record.id
    }

    /// How long PocketBase 0.28.4 refuses a second verification or password-reset mail.
    static let resendGuardSeconds: Int64 = 120

    static let invalidToken = ValidationError(code: "validation_invalid_token", message: "Invalid or expired token.")
    static let collectionMismatch = ValidationError(code: "validation_token_collection_mismatch",
                                                    message: "The provided token is for different auth collection.")

    /// Saves a change the auth flows made to a record as PocketBase's `Save` would: `updated` set
    /// to now, a new tokenKey when the password or email changed, and — after a password change —
    /// the record's MFA sessions and login origins forgotten.
    func saveAccountChange(_ record: inout Record, previous: Record, in collection: Collection) throws {
        if record["tokenKey"] == previous["tokenKey"],
           record["password"] != previous["password"] || record["email"] != previous["email"] {
            record["tokenKey"] = .string(random.secret())
        }
        let now = JSONValue.string(clock.now().description)
        for field in collection.fields {
            if case .autodate(let autodate) = field, autodate.onUpdate { record[field.name] = now }
        }
        // Written over the row as it is inside the transaction, and only while its tokenKey is still
        // the one the caller's token was checked against: of two requests racing with one token
        // (a password reset, an email change), the second finds the key renewed and is refused.
        let change = record
        record = try records.transaction { store in
            guard let stored = try store.record(in: collection, id: change.id), stored["tokenKey"] == previous["tokenKey"]
            else { throw ApplicationError.validation(FieldErrors("token", Self.invalidToken)) }
            let merged = change.rebased(from: previous, onto: stored)
            try store.update(merged, in: collection)
            return merged
        }
        if record["password"] != previous["password"] {
            systemRows.forgetSessions(of: record, in: collection)
        }
    }
}
