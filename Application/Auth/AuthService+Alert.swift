internal import PocketDomain

extension AuthService {
    /// PocketBase 0.28.4's login alert, after a sign-in with a method (never on refresh): the
    /// client is fingerprinted as the MD5 of its address and user agent (first 300 bytes); a
    /// fingerprint the record has not signed in from before mails the collection's alert, unless
    /// this is the record's first sign-in ever. Up to 5 origins are kept per record.
    ///
    /// Nothing here fails the sign-in; the mail goes out in the background.
    func recordLoginOrigin(record: Record, collection: Collection, request: RequestInfo) {
        let options = Self.options(of: collection)
        guard options.authAlert.enabled, let origins = collections.find(SystemCollections.authOrigins) else { return }
        let agent = String(decoding: Array((request.headers["user_agent"] ?? "").utf8).prefix(300), as: UTF8.self)
        let fingerprint = MD5.hex(request.remoteIP + agent)
        guard let known = try? systemRows.rows(of: record, in: collection, from: SystemCollections.authOrigins) else {
            return
        }
        if var current = known.first(where: { $0.string("fingerprint") == fingerprint }) {
            current["updated"] = .string(clock.now().description)
            try? records.update(current, in: origins)
            return
        }
        if !known.isEmpty, !record.string("email").isEmpty {
            mail.send(options.authAlert.emailTemplate, what: "login alert", record: record, collection: collection)
        }
        if known.count >= Self.maxAuthOrigins {
            for old in known[(Self.maxAuthOrigins - 1)...] { _ = try? records.delete(id: old.id, from: origins) }
        }
        var origin = newSystemRow(in: origins, for: record, of: collection)
        origin["fingerprint"] = .string(fingerprint)
        try? records.insert(origin, into: origins)
    }

    /// How many login origins PocketBase 0.28.4 keeps per record.
    static let maxAuthOrigins = 5
}
