public import PocketDomain

/// The `superuser` commands: create, upsert, update, delete and one-time passwords.
public struct SuperuserService: Sendable {
    let collections: CollectionRegistry
    let records: any RecordStore
    let hasher: any PasswordHasher
    let random: any RandomStringGenerator
    let clock: any Clock

    public init(collections: CollectionRegistry, records: any RecordStore, hasher: any PasswordHasher,
                random: any RandomStringGenerator, clock: any Clock) {
        self.collections = collections
        self.records = records
        self.hasher = hasher
        self.random = random
        self.clock = clock
    }

    /// Creates a superuser; the email must be free.
    public func create(email: String, password: String) throws(SuperuserError) {
        guard EmailAddress.isValid(email) else { throw SuperuserError("missing or invalid email address") }
        let superusers = try collection()
        let failure = "failed to create new superuser account"
        var errors = passwordErrors(password, in: superusers)
        if (try? records.firstRecord(in: superusers, where: "email", equals: email)) ?? nil != nil {
            errors.add("email", .notUnique)
        }
        guard errors.isEmpty else { throw SuperuserError("\(failure): \(errors.summary)") }
        try insert(email: email, password: password, into: superusers, failure: failure)
    }

    /// Creates the superuser, or sets the password of the existing one with that email.
    public func upsert(email: String, password: String) throws(SuperuserError) {
        guard EmailAddress.isValid(email) else { throw SuperuserError("missing or invalid email address") }
        let superusers = try collection()
        let failure = "failed to upsert superuser account"
        let errors = passwordErrors(password, in: superusers)
        guard errors.isEmpty else { throw SuperuserError("\(failure): \(errors.summary)") }
        if let existing = try find(email, in: superusers) {
            try setPassword(password, of: existing, in: superusers, failure: failure)
        } else {
            try insert(email: email, password: password, into: superusers, failure: failure)
        }
    }

    /// Changes the password of an existing superuser.
    public func updatePassword(email: String, password: String) throws(SuperuserError) {
        guard EmailAddress.isValid(email) else { throw SuperuserError("invalid or missing email address") }
        let superusers = try collection()
        guard let existing = try find(email, in: superusers) else {
            throw SuperuserError("superuser with email \"\(email)\" doesn't exist")
        }
        let failure = "failed to change superuser \"\(email)\" password"
        let errors = passwordErrors(password, in: superusers)
        guard errors.isEmpty else { throw SuperuserError("\(failure): \(errors.summary)") }
        try setPassword(password, of: existing, in: superusers, failure: failure)
    }

    /// Deletes a superuser, never the last one.
    public func delete(email: String) throws(SuperuserError) {
        guard EmailAddress.isValid(email) else { throw SuperuserError("invalid or missing email address") }
        let superusers = try collection()
        guard let existing = try find(email, in: superusers) else {
            throw SuperuserError("superuser \"\(email)\" is missing or already deleted", isError: false)
        }
        do {
            guard try records.countRecords(in: superusers) > 1 else {
                throw SuperuserError("failed to delete superuser \"\(email)\": You can't delete the only existing superuser.")
            }
            try records.delete(id: existing.id, from: superusers)
        } catch let error as SuperuserError {
            throw error
        } catch {
            throw SuperuserError("failed to delete superuser \"\(email)\": \(error)")
        }
    }

    private func collection() throws(SuperuserError) -> Collection {
        guard let superusers = collections.find(SystemCollections.superusers) else {
            throw SuperuserError("missing the _superusers collection")
        }
        return superusers
    }

    func find(_ email: String, in superusers: Collection) throws(SuperuserError) -> Record? {
        do {
            return try records.firstRecord(in: superusers, where: "email", equals: email)
        } catch {
            throw SuperuserError("failed to look up superuser \"\(email)\": \(error)")
        }
    }

    private func passwordErrors(_ password: String, in superusers: Collection) -> FieldErrors {
        guard case .password(let field)? = superusers.field(named: "password") else { return FieldErrors() }
        var errors = FieldErrors()
        let length = password.count
        let max = field.max > 0 ? field.max : 71
        if password.isEmpty {
            errors.add("password", .required)
        } else if length < field.min {
            errors.add("password", .tooShort(min: field.min))
        } else if length > max {
            errors.add("password", .tooLong(max: max))
        }
        return errors
    }

    private func insert(email: String, password: String, into superusers: Collection, failure: String) throws(SuperuserError) {
        let now = JSONValue.string(clock.now().description)
        var record = Record(collection: superusers)
        record.id = random.recordID()
        record["email"] = .string(email)
        record["emailVisibility"] = false
        // PocketBase 0.28.4: superusers made from the command line are stored verified.
        record["verified"] = true
        record["tokenKey"] = .string(random.secret())
        record["created"] = now
        record["updated"] = now
        do {
            record["password"] = .string(try hasher.hash(password, cost: cost(in: superusers)))
            try records.insert(record, into: superusers)
        } catch StoreError.uniqueViolation {
            throw SuperuserError("\(failure): \(FieldErrors("email", .notUnique).summary)")
        } catch {
            throw SuperuserError("\(failure): \(error)")
        }
    }

    private func setPassword(_ password: String, of record: Record, in superusers: Collection,
                             failure: String) throws(SuperuserError) {
        var updated = record
        // A new password rotates the token key, so every issued token dies.
        updated["tokenKey"] = .string(random.secret())
        updated["updated"] = .string(clock.now().description)
        do {
            updated["password"] = .string(try hasher.hash(password, cost: cost(in: superusers)))
            try records.update(updated, in: superusers)
        } catch {
            throw SuperuserError("\(failure): \(error)")
        }
    }

    private func cost(in superusers: Collection) -> Int {
        if case .password(let field)? = superusers.field(named: "password") { return field.effectiveCost }
        return 10
    }
}
