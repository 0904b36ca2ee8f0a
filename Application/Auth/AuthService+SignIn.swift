internal import PocketDomain

extension AuthService {
    /// The common end of every sign-in: the collection's auth rule, then MFA, then a token.
    ///
    /// `method` nil (token refresh) skips MFA. When MFA applies, a request without `mfa` stores a
    /// new `_mfas` session and throws `MFARequired`; one naming a live session of this record made
    /// with another method completes it (the session is deleted) and signs in.
    func signIn(record: Record, collection: Collection, method: AuthMethod?,
                mfa: MFASessionID) throws -> AuthResult {
        let options = Self.options(of: collection)
        guard let rule = options.authRule else {
            throw ApplicationError.forbidden("The request doesn't satisfy the collection requirements to authenticate.")
        }
        // TODO(#5): evaluate non-empty auth rules with the rules engine; until then they refuse sign-in.
        guard rule.isEmpty else {
            throw ApplicationError.forbidden("The request doesn't satisfy the collection requirements to authenticate.")
        }
        if let method, options.mfa.enabled, wantsMFA(options.mfa) {
            try checkMFA(record: record, collection: collection, method: method, mfa: mfa,
                         duration: options.mfa.duration)
        }
        return AuthResult(record: record, collection: collection,
                          token: tokens.authToken(for: record, in: collection))
    }

    /// Whether MFA applies to the record: an empty rule means everyone.
    private func wantsMFA(_ config: MFAConfig) -> Bool {
        if config.rule.isEmpty { return true }
        // TODO(#5): evaluate a non-empty mfa.rule against the record; until then it applies to
        // everyone (PocketBase 0.28.4 also errs on the side of MFA when the rule cannot run).
        return true
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
            _ = try? records.delete(id: session.id, from: mfas)
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
            throw ApplicationError.internalError("Failed to create MFA record.")
        }
        return session.id
    }

    /// PocketBase 0.28.4: an OTP or MFA row expires once more than `seconds` passed since it was
    /// created; a row without a readable `created` counts as expired.
    static func hasExpired(_ row: Record, seconds: Int, now: DateTime) -> Bool {
        guard let created = DateTime(parsing: row.string("created")) else { return true }
        return now.unixMilliseconds - created.unixMilliseconds > Int64(seconds) * 1000
    }
}
