internal import PocketDomain

extension OAuth2Service {
    /// The `_externalAuths` row linking this provider identity to a record of the collection.
    func existingLink(collection: Collection, provider: String, providerID: String) throws -> Record? {
        guard !providerID.isEmpty, let links = auth.collections.find(SystemCollections.externalAuths) else { return nil }
        let request = RequestInfo(query: ["c": collection.id, "p": provider, "i": providerID])
        let bound = try RuleBinder.bind(
            "collectionRef = @request.query.c && provider = @request.query.p && providerId = @request.query.i",
            collection: links, schema: SchemaSnapshot(auth.collections.all),
            environment: request.environment(now: auth.clock.now()), options: .apiRule)
        return try auth.records.records(matching: RecordQuery(collection: links, rules: [bound])).first
    }

    /// Links the provider identity to the record.
    func storeLink(collection: Collection, record: Record, provider: String, user: OAuth2User) throws {
        guard let links = auth.collections.find(SystemCollections.externalAuths) else {
            throw ApplicationError.badRequest("Failed to authenticate.")
        }
        let now = JSONValue.string(auth.clock.now().description)
        var link = Record(collection: links)
        link.id = auth.random.recordID()
        link["collectionRef"] = .string(collection.id)
        link["recordRef"] = .string(record.id)
        link["provider"] = .string(provider)
        link["providerId"] = .string(user.id)
        link["created"] = now
        link["updated"] = now
        do {
            try auth.records.insert(link, into: links)
        } catch {
            // e.g. the record is linked to another identity of this provider already
            throw ApplicationError.badRequest("Failed to authenticate.")
        }
    }

    /// An existing record signing in through the provider (PocketBase 0.28.4): an unverified
    /// record found by email gets a random password (someone may have registered the address
    /// first), an empty email takes the provider's, and a record whose email the provider vouches
    /// for becomes verified.
    func updateLinked(_ record: Record, in collection: Collection, user: OAuth2User, request: RequestInfo) async throws
        -> Record {
        let original = record
        var record = record
        var changed = false
        let isCaller = request.auth.map { $0.record.id == record.id && $0.collection.id == collection.id } ?? false
        if !isCaller, !record.string("email").isEmpty, !record.bool("verified") {
            try await setRandomPassword(&record, in: collection)
            changed = true
        }
        if record.string("email").isEmpty, !user.email.isEmpty {
            record["email"] = .string(user.email)
            changed = true
        }
        if !record.bool("verified"), record.string("email").isEmpty || record.string("email") == user.email {
            record["verified"] = .bool(true)
            changed = true
        }
        guard changed else { return record }
        try auth.saveAccountChange(&record, previous: original, in: collection)
        return try auth.records.record(in: collection, id: record.id) ?? record
    }

    /// A new record for the provider's user through the collection's create rule and validation,
    /// from `createData` with the email and mapped profile fields filled in where not given.
    func signUp(in collection: Collection, options: AuthOptions, login: OAuth2Login, user: OAuth2User,
                request: RequestInfo) async throws -> Record {
        guard collection.name != SystemCollections.superusers else {
            throw ApplicationError.badRequest("Failed to authenticate.")
        }
        var payload = login.createData
        if (payload["email"]?.stringValue ?? "").isEmpty { payload["email"] = .string(user.email) }
        let mapped = options.oauth2.mappedFields
        func target(_ key: String) -> String? {
            guard let name = mapped[key]?.stringValue, !name.isEmpty, payload[name] == nil else { return nil }
            return name
        }
        if let field = target("id") { payload[field] = .string(user.id) }
        if let field = target("name") { payload[field] = .string(user.name) }
        if let field = target("username"), try canAssignUsername(user.username, to: field, in: collection) {
            payload[field] = .string(user.username)
        }
        var files: [(key: String, file: UploadedFile)] = []
        if let field = target("avatarURL"), !user.avatarURL.isEmpty {
            if case .file? = collection.field(named: field) {
                if let avatar = await download(user.avatarURL) { files.append((field, avatar)) }
            } else {
                payload[field] = .string(user.avatarURL)
            }
        }
        if payload["password"] == nil {
            // PocketBase 0.28.4: a random password, so the record can be created without one.
            let password = JSONValue.string(auth.random.secret(length: 30))
            payload["password"] = password
            payload["passwordConfirm"] = password
        }
        var createRequest = request
        createRequest.method = "POST"
        createRequest.body = payload
        createRequest.context = "oauth2"
        var created = try await records.create(collection.name, body: SubmittedBody(values: payload, files: files),
                                               request: createRequest)
        if created.string("email") == user.email, !created.bool("verified") {
            let original = created
            created["verified"] = .bool(true)
            try auth.saveAccountChange(&created, previous: original, in: collection)
        }
        return created
    }

    /// PocketBase 0.28.4 maps the provider's username only when a unique index would not refuse it
    /// and the mapped field is a text field that accepts it.
    private func canAssignUsername(_ username: String, to field: String, in collection: Collection) throws -> Bool {
        guard case .text(let text)? = collection.field(named: field), text.validatePlain(username) == nil else {
            return false
        }
        let unique = collection.indexes.map { IndexSpec(parsing: $0) }.first { spec in
            spec.unique && spec.columns.count == 1 && spec.columns[0].name.lowercased() == field.lowercased()
        }
        guard let unique else { return true }
        let taken = unique.columns[0].collate.lowercased() == "nocase"
            ? try auth.firstRecordIgnoringCase(in: collection, where: field, equals: username)
            : try auth.records.firstRecord(in: collection, where: field, equals: username)
        return taken == nil
    }

    /// The avatar at the URL as an upload, or nil when it cannot be fetched (15 seconds at most).
    private func download(_ url: String) async -> UploadedFile? {
        guard let response = try? await http.send(OutboundRequest(url: url, timeout: .seconds(15))),
              (200..<300).contains(response.status) else { return nil }
        let path = url.prefix { $0 != "?" && $0 != "#" }
        let name = path.split(separator: "/").last.map(String.init) ?? "avatar"
        return UploadedFile(originalName: name, bytes: response.body)
    }

    private func setRandomPassword(_ record: inout Record, in collection: Collection) async throws {
        guard case .password(let field)? = collection.field(named: "password") else { return }
        let plain = auth.random.secret(length: 30)
        let hasher = auth.hasher
        record["password"] = .string(try await auth.blocking.run { try hasher.hash(plain, cost: field.effectiveCost) })
        record["tokenKey"] = .string(auth.random.secret())
    }
}
