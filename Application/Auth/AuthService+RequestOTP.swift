internal import PocketDomain

extension AuthService {
    /// `POST /api/collections/{collection}/request-otp`: stores a new OTP for the record with this
    /// email, mails its password in the background and answers its id.
    ///
    /// PocketBase 0.28.4: an unknown email answers a random id (no enumeration); with 10 unexpired
    /// OTPs the newest is answered again and nothing is mailed (except in dev mode). The `sentTo`
    /// of the OTP is set once the mail went out; a failed mail deletes the OTP.
    public func requestOTP(collection idOrName: String, email: String, devMode: Bool = false) async throws -> String {
        let collection = try requireOTPCollection(idOrName)
        let errors = Self.emailErrors(email)
        guard errors.isEmpty else { throw ApplicationError.validation(errors) }
        guard let record = try findAuthRecord(byEmail: email, in: collection) else { return random.recordID() }
        guard let otps = collections.find(SystemCollections.otps) else {
            throw ApplicationError.internalError("Failed to fetch previous record OTPs.")
        }
        let options = Self.options(of: collection)
        if !devMode, let reused = try reusableOTP(of: record, in: collection, duration: options.otp.duration) {
            return reused
        }

        let password = random.string(length: max(options.otp.length, 1), alphabet: Alphabet.digits)
        let hasher = self.hasher
        let cost = Self.otpHashCost(otps)
        var otp = newSystemRow(in: otps, for: record, of: collection)
        otp["password"] = .string(try await blocking.run { try hasher.hash(password, cost: cost) })
        otp["sentTo"] = ""
        try records.insert(otp, into: otps)

        let id = otp.id
        mail.send(options.otp.emailTemplate, what: "OTP", record: record, collection: collection,
                  placeholders: [RecordMail.otpID: id, RecordMail.otp: password],
                  then: Self.afterOTPMail(id: id, sentTo: record.string("email"), otps: otps, store: records, clock: clock))
        return id
    }

    /// The newest OTP of the record when it already has the most unexpired ones allowed.
    private func reusableOTP(of record: Record, in collection: Collection, duration: Int) throws -> String? {
        let previous = try systemRows.rows(of: record, in: collection, from: SystemCollections.otps)
        let now = clock.now()
        var recent = 0
        for otp in previous where !Self.hasExpired(otp, seconds: duration, now: now) { recent += 1 }
        return recent >= Self.maxRecentOTPs ? previous.first?.id : nil
    }

    /// Once the OTP mail went out, its address becomes the OTP's `sentTo`; a failed mail deletes it.
    private static func afterOTPMail(id: String, sentTo: String, otps: Collection, store: any RecordStore,
                                     clock: any Clock) -> @Sendable (MailerError?) -> Void {
        { failure in
            guard var stored = try? store.record(in: otps, id: id) else { return }
            if failure != nil {
                _ = try? store.delete(id: id, from: otps)
            } else if stored.string("sentTo").isEmpty {
                stored["sentTo"] = .string(sentTo)
                stored["updated"] = .string(clock.now().description)
                try? store.update(stored, in: otps)
            }
        }
    }

    /// PocketBase 0.28.4 reuses the newest OTP once a record has this many unexpired ones.
    static let maxRecentOTPs = 10

    static func otpHashCost(_ otps: Collection) -> Int {
        if case .password(let field)? = otps.field(named: "password") { return field.effectiveCost }
        return 8
    }
}
