public import PocketDomain

extension RecordService {
    /// `POST /api/collections/{collection}/records`.
    public func create(_ collectionName: String, body: SubmittedBody, request: RequestInfo) async throws -> Record {
        let collection = try requireCollection(collectionName, message: "Missing or invalid collection context.")
        guard collection.kind != .view else { throw ApplicationError.badRequest("Unsupported collection type.") }
        guard collection.rules.create != nil || request.isSuperuser else { throw Self.onlySuperusers }
        return try await save(body, current: nil, in: collection, request: request, rule: collection.rules.create,
                              failure: "Failed to create record.")
    }

    /// `PATCH /api/collections/{collection}/records/{id}`: the update rule runs against the stored record.
    public func update(_ collectionName: String, id: String, body: SubmittedBody, request: RequestInfo) async throws
        -> Record {
        let collection = try requireCollection(collectionName)
        guard collection.kind != .view else { throw ApplicationError.badRequest("Unsupported collection type.") }
        guard collection.rules.update != nil || request.isSuperuser else { throw Self.onlySuperusers }
        // PocketBase 0.28.4 finds the record first, then checks the rule with the body it read from
        // the request (modifiers applied to the stored record).
        let current = try requireRecord(id, in: collection, rule: nil, request: request)
        return try await save(body, current: current, in: collection, request: request,
                              rule: collection.rules.update, failure: "Failed to update record.")
    }

    /// Applies a body to a new or stored record, validates, hashes passwords, stores the uploads and
    /// writes the row — all or nothing.
    private func save(_ body: SubmittedBody, current: Record?, in collection: Collection, request: RequestInfo,
                      rule: String?, failure: String) async throws -> Record {
        var submitted = body.values
        if !request.isSuperuser {
            // PocketBase 0.28.4: hidden fields are silently left out of non-superusers' writes.
            for field in collection.fields where field.isHidden && field.name != "password" { submitted[field.name] = nil }
        }
        let uploads = try storedUploads(body.files, in: collection)

        let random = self.random
        var changes = RecordValues(collection: collection, current: current, body: submitted) { pattern in
            PatternStringGenerator.generate(pattern, random: random) ?? random.recordID()
        }
        var ruleRequest = request
        ruleRequest.body = Self.ruleBody(submitted, changes: changes, in: collection)
        var updateRules: [BoundRule] = []
        if let current, let rule, !rule.isEmpty, !request.isSuperuser {
            // PocketBase 0.28.4: a rule that fails to build, or that the record misses, is a 404.
            do {
                updateRules = try apiRule(rule, of: collection, request: ruleRequest)
            } catch {
                throw Self.missingRecord
            }
            guard try !records.records(matching: RecordQuery(collection: collection, rules: updateRules, id: current.id))
                .isEmpty else { throw Self.missingRecord }
        }
        var errors = FieldErrors()
        if collection.isAuth {
            let manage = try hasManageAccess(current, candidate: current == nil ? candidate(changes, in: collection) : nil,
                                             in: collection, request: ruleRequest)
            let authErrors = try await authChecks(submitted, changes: changes, current: current, manage: manage,
                                                  request: request)
            // PocketBase 0.28.4: a new auth record without a password reports only the password pair.
            if current == nil, (changes.passwords["password"] ?? "").isEmpty {
                var only = FieldErrors("password", .required)
                only.merge(authErrors)
                throw ApplicationError.badRequest(failure, only)
            }
            errors.merge(authErrors)
        }
        errors.merge(changes.errors)
        for key in uploads.values.keys { errors.remove(key.trimming("+")) }
        errors.merge(mergeUploads(uploads.values, into: &changes, current: current, in: collection))
        errors.merge(try missingRelations(changes.values, in: collection, store: records))
        if collection.isAuth, errors["passwordConfirm"]?.code == "validation_values_mismatch" {
            // PocketBase 0.28.4 reports a password mismatch alone.
            errors = FieldErrors("passwordConfirm", errors["passwordConfirm"]!)
        }
        guard errors.isEmpty else { throw ApplicationError.badRequest(failure, errors) }

        var record = Record(collection: collection, values: changes.values)
        let now = JSONValue.string(clock.now().description)
        for field in collection.fields {
            if case .autodate(let autodate) = field, current == nil ? autodate.onCreate : autodate.onUpdate {
                record[field.name] = now
            }
        }
        for (name, plain) in changes.passwords {
            guard !plain.isEmpty, case .password(let field)? = collection.field(named: name) else { continue }
            let hasher = self.hasher
            record[name] = .string(try await blocking.run { try hasher.hash(plain, cost: field.effectiveCost) })
            // PocketBase 0.28.4: a password change renews the tokenKey unless the same write sets one.
            let setsKey = current.map { record["tokenKey"] != $0["tokenKey"] } ?? (submitted["tokenKey"] != nil)
            if collection.isAuth, name == "password", !setsKey { record["tokenKey"] = .string(random.secret()) }
        }
        // PocketBase 0.28.4: an email change renews the tokenKey too, unless the same write sets one.
        if collection.isAuth, let current, record["tokenKey"] == current["tokenKey"], record["email"] != current["email"] {
            record["tokenKey"] = .string(random.secret())
        }
        if collection.isAuth, (record["tokenKey"].stringValue ?? "").isEmpty {
            record["tokenKey"] = .string(random.secret())
        }
        if record.id.isEmpty { record.id = random.recordID() }

        var check: RecordQuery?
        if current == nil, let rule, !rule.isEmpty, !request.isSuperuser {
            do {
                check = RecordQuery(collection: collection, rules: try apiRule(rule, of: collection, request: ruleRequest))
            } catch {
                throw ApplicationError.badRequest(failure)
            }
        }
        let saved: Bool
        do {
            // One transaction: the relations exist, the update rule holds on the row as read there,
            // and an update writes only the fields it changed over that row, so concurrent updates
            // of different fields both survive.
            let candidate = record
            saved = try records.transaction { store in
                let relationErrors = try missingRelations(candidate.values, in: collection, store: store)
                guard relationErrors.isEmpty else { throw ApplicationError.badRequest(failure, relationErrors) }
                guard let current else {
                    return try store.save(candidate, in: collection, isNew: true, requiring: check)
                }
                guard let stored = try store.record(in: collection, id: current.id) else { throw Self.missingRecord }
                if !updateRules.isEmpty,
                   try store.records(matching: RecordQuery(collection: collection, rules: updateRules, id: current.id))
                       .isEmpty { throw Self.missingRecord }
                try store.update(candidate.rebased(from: current, onto: stored), in: collection)
                return true
            }
        } catch StoreError.uniqueViolation(let columns) {
            var unique = FieldErrors()
            for column in columns where collection.field(named: column) != nil { unique.add(column, .notUnique) }
            if unique.isEmpty { unique.add("id", .notUnique) }
            throw ApplicationError.badRequest(failure, unique)
        } catch let error as ApplicationError {
            throw error
        } catch {
            // PocketBase 0.28.4 answers any failed save (a full disk, a broken file) with its 400.
            throw StoreFailure(cause: error, answer: .badRequest(failure))
        }
        guard saved else { throw ApplicationError.badRequest(failure) }
        if collection.isAuth, let current, record["password"] != current["password"] {
            AuthSystemRows(collections: registry, records: records, clock: clock).forgetSessions(of: record, in: collection)
        }
        for upload in uploads.files {
            try files.put(upload.file.bytes, at: "\(collection.id)/\(record.id)/\(upload.name)",
                          contentType: upload.file.mimeType)
        }
        return try records.record(in: collection, id: record.id) ?? record
    }

    /// Names the uploads of file fields; the values become the new names (single fields keep the last).
    func storedUploads(_ uploads: [(key: String, file: UploadedFile)], in collection: Collection) throws
        -> (values: [String: [String]], files: [(name: String, file: UploadedFile)]) {
        var values: [String: [String]] = [:]
        var stored: [(name: String, file: UploadedFile)] = []
        for (key, file) in uploads {
            let fieldName = key.hasSuffix("+") ? String(key.dropLast()) : (key.hasPrefix("+") ? String(key.dropFirst()) : key)
            guard case .file? = collection.field(named: fieldName) else { continue }
            let name = StoredFileName.make(original: file.originalName,
                                           guessedExtension: { MIMESniffer.detect(file.bytes).fileExtension },
                                           random: random)
            values[key, default: []].append(name)
            stored.append((name, file))
        }
        return (values, stored)
    }

    /// Adds the names of new uploads to their file fields (replacing a single file, appending or
    /// prepending by modifier) and checks each field's limits.
    private func mergeUploads(_ uploads: [String: [String]], into changes: inout RecordValues, current: Record?,
                              in collection: Collection) -> FieldErrors {
        var errors = FieldErrors()
        for field in collection.fields {
            guard case .file(let fileField) = field else { continue }
            let keys = uploads.keys.filter { $0 == field.name || $0 == field.name + "+" || $0 == "+" + field.name }
            guard !keys.isEmpty else { continue }
            let existing = FileField.names(changes.values[field.name] ?? .null)
            var names = existing
            var added = 0
            for key in keys.sorted() {
                let new = uploads[key] ?? []
                added += new.count
                if key.hasPrefix("+") {
                    names = new + names
                } else if key == field.name && !fileField.isMultiple {
                    names = [new.last].compactMap { $0 }
                } else {
                    names += new
                }
            }
            if !fileField.isMultiple { names = Array(names.suffix(1)) }
            if let error = fileField.validate(names: names.filter { existing.contains($0) },
                                              oldNames: existing, uploadCount: min(added, names.count)) {
                errors.add(field.name, error)
            }
            changes.values[field.name] = fileField.isMultiple ? .array(names.map(JSONValue.string))
                : .string(names.first ?? "")
        }
        return errors
    }

    /// PocketBase's 404 for a record the caller cannot reach (or that is gone).
    static let missingRecord = ApplicationError.notFound("The requested resource wasn't found.")

    /// `validation_missing_rel_records` for relation ids that do not exist in their collections,
    /// read through `store` (inside the write's transaction when it is bound to one).
    private func missingRelations(_ values: JSONObject, in collection: Collection, store: any RecordStore) throws
        -> FieldErrors {
        var errors = FieldErrors()
        for field in collection.fields {
            guard case .relation(let relation) = field, let target = registry.find(relation.collectionID) else { continue }
            let ids: [String]
            switch values[field.name] {
            case .string(let id)?: ids = id.isEmpty ? [] : [id]
            case .array(let items)?: ids = items.compactMap(\.stringValue)
            default: ids = []
            }
            for id in ids where try store.record(in: target, id: id) == nil {
                errors.add(field.name, ValidationError(code: "validation_missing_rel_records",
                                                       message: "Failed to find all relation records with the provided ids."))
                break
            }
        }
        return errors
    }

    /// The rules of auth records (PocketBase 0.28.4's record upsert form): who may change `email`
    /// and `verified`, when `password`, `passwordConfirm` and `oldPassword` are required.
    private func authChecks(_ body: JSONObject, changes: RecordValues, current: Record?, manage: Bool,
                            request: RequestInfo) async throws -> FieldErrors {
        var errors = FieldErrors()
        let isNew = current == nil
        let password = changes.passwords["password"] ?? ""
        let confirm = body["passwordConfirm"].flatMap { $0.isNull ? nil : GoCast.string($0) } ?? ""
        let old = body["oldPassword"].flatMap { $0.isNull ? nil : GoCast.string($0) } ?? ""
        let mismatch = ValidationError(code: "validation_values_mismatch", message: "Values don't match.")
        if let current, !manage, changes.values["email"] != current["email"] { errors.add("email", mismatch) }
        if !manage, (changes.values["verified"] ?? .bool(false)) != (current?["verified"] ?? .bool(false)) {
            errors.add("verified", mismatch)
        }
        if (isNew || !confirm.isEmpty || !old.isEmpty), password.isEmpty { errors.add("password", .required) }
        if (isNew || !password.isEmpty || !old.isEmpty), confirm.isEmpty {
            errors.add("passwordConfirm", .required)
        } else if confirm != password {
            errors.add("passwordConfirm", mismatch)
        }
        if let current, !manage, !password.isEmpty || !confirm.isEmpty {
            let hash = current.string("password")
            let hasher = self.hasher
            let matches = !old.isEmpty && !hash.isEmpty ? try await blocking.run { hasher.verify(old, against: hash) } : false
            if old.isEmpty {
                errors.add("oldPassword", .required)
            } else if !matches {
                errors.add("oldPassword", ValidationError(code: "validation_invalid_old_password",
                                                          message: "Missing or invalid old password."))
            }
        }
        return errors
    }

    /// PocketBase 0.28.4's `@request.body` of a write: only the submitted keys; those of fields
    /// (with or without a modifier) become the field's value after the change, under the field's
    /// name, and other keys keep their submitted value.
    static func ruleBody(_ submitted: JSONObject, changes: RecordValues, in collection: Collection) -> JSONObject {
        var body = JSONObject()
        for (key, value) in submitted {
            if let (field, _) = FieldModifier.resolve(key: key, in: collection.fields) {
                body[field.name] = changes.values[field.name] ?? value
            } else if body[key] == nil {
                body[key] = value
            }
        }
        return body
    }

    /// The new record a create's manage rule is checked against (PocketBase's dummy record: not verified).
    private func candidate(_ changes: RecordValues, in collection: Collection) -> Record {
        var record = Record(collection: collection, values: changes.values)
        if record.id.isEmpty { record.id = random.recordID() }
        if collection.isAuth { record["verified"] = .bool(false) }
        return record
    }

    /// Superusers, and callers that pass the auth collection's manage rule for the stored record
    /// (or, on create, for the new record).
    func hasManageAccess(_ current: Record?, candidate: Record? = nil, in collection: Collection,
                         request: RequestInfo) throws -> Bool {
        if request.isSuperuser { return true }
        guard request.auth != nil, let rule = collection.auth?.manageRule, !rule.isEmpty else { return false }
        // PocketBase 0.28.4 logs a manage rule that fails to build and denies access.
        guard let rules = try? apiRule(rule, of: collection, request: request) else { return false }
        if let current {
            return try !records.records(matching: RecordQuery(collection: collection, rules: rules, id: current.id))
                .isEmpty
        }
        guard let candidate else { return false }
        return (try? records.wouldMatch(candidate, in: collection, rules: rules)) ?? false
    }
}
