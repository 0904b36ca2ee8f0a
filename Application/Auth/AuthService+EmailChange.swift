internal import PocketDomain

extension AuthService {
    /// `POST /api/collections/{collection}/request-email-change` by the signed-in record: mails a
    /// confirmation link to the new address (sent before the answer; no resend guard).
    ///
    /// `auth` must be a record of this collection (PocketBase 0.28.4's 401/403 before anything else).
    public func requestEmailChange(collection idOrName: String, auth: AuthContext?, newEmail: String) throws {
        guard let auth else {
            throw ApplicationError.unauthorized("The request requires valid record authorization token.")
        }
        let collection = try requireAuthCollection(idOrName)
        guard collection.id == auth.collection.id else {
            throw ApplicationError.forbidden("The request requires auth record from \(auth.collection.name) collection.")
        }
        guard collection.name != SystemCollections.superusers else {
            throw ApplicationError.badRequest("All superusers can change their emails directly.")
        }
        let record = auth.record
        var errors = Self.emailErrors(newEmail, field: "newEmail")
        if errors.isEmpty {
            if newEmail == record.string("email") {
                errors.add("newEmail", ValidationError(code: "validation_not_in_invalid", message: "Must not be in list."))
            } else if let other = try findAuthRecord(byEmail: newEmail, in: collection), other.id != record.id {
                errors.add("newEmail", ValidationError(code: "validation_invalid_new_email",
                                                       message: "Invalid new email address."))
            }
        }
        guard errors.isEmpty else { throw ApplicationError.validation(errors) }

        let token = tokens.actionToken(.emailChange, for: record, in: collection, newEmail: newEmail)
        mail.send(Self.options(of: collection).confirmEmailChangeTemplate, what: "email change", record: record,
                  collection: collection, placeholders: [RecordMail.token: token], to: newEmail)
    }

    /// `POST /api/collections/{collection}/confirm-email-change`: with the record's password, sets
    /// the token's new email and marks the record verified (its tokenKey renews, so older sessions end).
    public func confirmEmailChange(collection idOrName: String, token: String, password: String) async throws {
        let collection = try requireAuthCollection(idOrName)
        guard collection.name != SystemCollections.superusers else {
            throw ApplicationError.badRequest("All superusers can change their emails directly.")
        }
        var errors = FieldErrors()
        let parsed = try parseEmailChangeToken(token, in: collection)
        if token.isEmpty {
            errors.add("token", .required)
        } else if case .failure(let error) = parsed {
            errors.add("token", error)
        }
        if password.isEmpty {
            errors.add("password", .required)
        } else if password.count > 100 {
            errors.add("password", .outOfRange(min: 1, max: 100))
        } else {
            let hash = (try? parsed.get())?.record.string("password") ?? ""
            let hasher = self.hasher
            let matches = try await blocking.run { !hash.isEmpty && hasher.verify(password, against: hash) }
            if !matches {
                errors.add("password", ValidationError(code: "validation_invalid_password",
                                                       message: "Missing or invalid auth record password."))
            }
        }
        guard errors.isEmpty, case .success(let change) = parsed else { throw ApplicationError.validation(errors) }

        var record = change.record
        record["email"] = .string(change.newEmail)
        record["verified"] = true
        do {
            try saveAccountChange(&record, previous: change.record, in: collection)
        } catch let error as ApplicationError {
            throw error
        } catch {
            throw StoreFailure(cause: error, answer: ApplicationError.badRequest("Failed to confirm email change."))
        }
    }

    /// PocketBase 0.28.4's checks of an email-change token, in its order: a `newEmail` claim, the
    /// address still free, a valid token, this collection.
    private func parseEmailChangeToken(_ token: String, in collection: Collection) throws
        -> Result<(record: Record, newEmail: String), ValidationError> {
        let newEmail = tokens.unverifiedClaims(token)?["newEmail"]?.stringValue ?? ""
        guard !newEmail.isEmpty else {
            return .failure(ValidationError(code: "validation_invalid_token_payload",
                                            message: "Invalid token payload - newEmail must be set."))
        }
        if try findAuthRecord(byEmail: newEmail, in: collection) != nil {
            return .failure(ValidationError(code: "validation_existing_token_email",
                                            message: "The new email address is already registered: \(newEmail)."))
        }
        guard let found = record(forToken: token, kind: .emailChange) else { return .failure(Self.invalidToken) }
        guard found.collection.id == collection.id else { return .failure(Self.collectionMismatch) }
        return .success((found.record, newEmail))
    }
}
