internal import PocketDomain

extension AuthService {
    /// The common end of every sign-in: the collection's auth rule, then MFA, then a token.
    ///
    /// `method` nil (token refresh) skips MFA. When MFA applies, a request without `mfa` stores a
    /// new `_mfas` session and throws `MFARequired`; one naming a live session of this record made
    /// with another method completes it (the session is deleted) and signs in.
    func signIn(record: Record, collection: Collection, method: AuthMethod?,
                mfa: MFASessionID, request: RequestInfo = RequestInfo()) throws -> AuthResult {
        let options = Self.options(of: collection)
        guard try satisfies(options.authRule, record: record, collection: collection, request: request) else {
            throw ApplicationError.forbidden("The request doesn't satisfy the collection requirements to authenticate.")
        }
        if let method, options.mfa.enabled,
           try wantsMFA(options.mfa, record: record, collection: collection, request: request) {
            try checkMFA(record: record, collection: collection, method: method, mfa: mfa,
                         duration: options.mfa.duration)
        }
        if method != nil { recordLoginOrigin(record: record, collection: collection, request: request) }
        return AuthResult(record: record, collection: collection,
                          token: tokens.authToken(for: record, in: collection))
    }

    /// Whether the record passes the collection's auth rule for the request (PocketBase 0.28.4's
    /// `CanAccessRecord`): superusers always, a nil rule never, an empty rule always, otherwise the
    /// rule must match the record; a rule that cannot be bound refuses.
    func satisfies(_ rule: String?, record: Record, collection: Collection, request: RequestInfo) throws -> Bool {
        if request.isSuperuser { return true }
        guard let rule else { return false }
        if rule.isEmpty { return true }
        let bound: BoundRule
        do {
            bound = try RuleBinder.bind(rule, collection: collection, schema: SchemaSnapshot(collections.all),
                                        environment: request.environment(now: clock.now()), options: .apiRule)
        } catch {
            return false
        }
        return !(try records.records(matching: RecordQuery(collection: collection, rules: [bound], id: record.id))).isEmpty
    }

    /// Whether MFA applies to the record: an empty rule means everyone, otherwise the record must
    /// match the rule (no superuser bypass); a rule that cannot run is PocketBase 0.28.4's 400.
    private func wantsMFA(_ config: MFAConfig, record: Record, collection: Collection,
                          request: RequestInfo) throws -> Bool {
        if config.rule.isEmpty { return true }
        do {
            let bound = try RuleBinder.bind(config.rule, collection: collection,
                                            schema: SchemaSnapshot(collections.all),
                                            environment: request.environment(now: clock.now()), options: .apiRule)
            return !(try records.records(matching: RecordQuery(collection: collection, rules: [bound], id: record.id)))
                .isEmpty
        } catch {
            throw ApplicationError.badRequest("Failed to authenticate.")
        }
    }

    private func checkMFA(record: Record, collection: Collection, method: AuthMethod, mfa: MFASessionID,
                          duration: Int) throws {
        guard let mfas = collections.find(SystemCollections.mfas) else {
            throw ApplicationError.internalError("Failed to create MFA record.")
        }
        switch mfa {
        case .unreadable:
            throw ApplicationError.badRequest("Failed to read MFA Id.")
        case .none:
            throw MFARequired(mfaID: try startMFA(record: record, collection: collection, method: method, in: mfas))
        case .id(let id):
            let session = try? records.record(in: mfas, id: id)
            guard let session, !Self.hasExpired(session, seconds: duration, now: clock.now()) else {
                if let session { _ = try? records.delete(id: session.id, from: mfas) }
                throw ApplicationError.badRequest("Invalid or expired MFA session.")
            }
            guard session.string("recordRef") == record.id, session.string("collectionRef") == collection.id else {
                throw ApplicationError.badRequest("Invalid MFA session.")
            }
            guard session.string("method") != method.rawValue else {
                throw ApplicationError.badRequest("A different authentication method is required.")
            }
            // A session completes one sign-in: of two requests racing with it, only the one that
            // deletes it goes on.
            guard (try? records.delete(id: session.id, from: mfas)) == true else {
                throw ApplicationError.badRequest("Invalid or expired MFA session.")
            }
        }
    }

    /// Stores a new `_mfas` session for the first factor and returns its id.
    private func startMFA(record: Record, collection: Collection, method: AuthMethod,
                          in mfas: Collection) throws -> String {
        let now = JSONValue.string(clock.now().description)
        var session = Record(collection: mfas)
        session.id = random.recordID()
        session["collectionRef"] = .string(collection.id)
        session["recordRef"] = .string(record.id)
        session["method"] = .string(method.rawValue)
        session["created"] = now
        session["updated"] = now
        do {
            try records.insert(session, into: mfas)
        } catch {
            throw StoreFailure(cause: error, answer: ApplicationError.internalError("Failed to create MFA record."))
        }
        return session.id
    }

    /// PocketBase 0.28.4: an OTP or MFA row expires once more than `seconds` passed since it was
    /// created; a row without a readable `created` counts as expired.
    static func hasExpired(_ row: Record, seconds: Int, now: DateTime) -> Bool {
        guard let created = DateTime(parsing: row.string("created")) else { return true }
        return now.unixMilliseconds - created.unixMilliseconds > Int64(seconds).saturatingMultiplied(by: 1000)
    }
}
