public import PocketDomain

extension AuthService {
    /// The auth collection named by a route when it allows OTP sign-in, or PocketBase's 404s/403.
    public func requireOTPCollection(_ idOrName: String) throws -> Collection {
        let collection = try requireAuthCollection(idOrName)
        guard Self.options(of: collection).otp.enabled else {
            throw ApplicationError.forbidden("The collection is not configured to allow OTP authentication.")
        }
        return collection
    }

    /// `POST /api/collections/{collection}/auth-with-otp`.
    ///
    /// PocketBase 0.28.4: every refusal of the OTP itself is the same 400 (no enumeration); the
    /// record's attempts are limited per client address (`client`); a right password deletes the
    /// OTP and verifies the record when the OTP went to its current email, before MFA is checked.
    /// Throws `MFARequired` when MFA applies and `mfa` names no session yet.
    public func authWithOTP(collection idOrName: String, _ login: OTPLogin, mfa: MFASessionID = .none,
                            client: String, request: RequestInfo = RequestInfo()) async throws -> AuthResult {
        let collection = try requireOTPCollection(idOrName)
        let errors = login.validate()
        guard errors.isEmpty else { throw ApplicationError.validation(errors) }

        let invalid = ApplicationError.badRequest("Invalid or expired OTP.")
        let options = Self.options(of: collection)
        guard let otps = collections.find(SystemCollections.otps),
              let otp = try? records.record(in: otps, id: login.otpID),
              otp.string("collectionRef") == collection.id,
              !Self.hasExpired(otp, seconds: options.otp.duration, now: clock.now()),
              var record = try? records.record(in: collection, id: otp.string("recordRef"))
        else { throw invalid }

        // OTPs are short digit strings: PocketBase limits the attempts on a record, whatever the OTP.
        guard otpAttempts.consume(key: "otp:" + record.id, client: client) else {
            throw ApplicationError.tooManyRequests("Too many attempts, please try again later with a new OTP.")
        }
        let hash = otp.string("password")
        let password = login.password
        let hasher = self.hasher
        let matches = try await blocking.run { !hash.isEmpty && hasher.verify(password, against: hash) }
        guard matches else { throw invalid }

        let sentTo = otp.string("sentTo")
        if !record.bool("verified"), !sentTo.isEmpty, record.string("email") == sentTo {
            record["verified"] = true
            record["updated"] = .string(clock.now().description)
            // PocketBase 0.28.4 only logs a failure here; the sign-in goes on.
            if (try? records.update(record, in: collection)) == nil, let stored = try? records.record(in: collection, id: record.id) {
                record = stored
            }
        }
        // An OTP signs in once: of two requests racing with it, only the one that deletes it goes on.
        guard (try? records.delete(id: otp.id, from: otps)) == true else { throw invalid }
        return try signIn(record: record, collection: collection, method: .otp, mfa: mfa, request: request)
    }
}
