internal import PocketDomain

/// A one-time password made for a superuser from the command line.
public struct IssuedOTP: Sendable, Equatable {
    public let id: String
    public let password: String
    /// Seconds it stays valid.
    public let duration: Int
}

extension SuperuserService {
    /// `superuser otp EMAIL`: stores a new OTP (hashed) and returns it in clear for printing.
    public func createOTP(email: String) throws(SuperuserError) -> IssuedOTP {
        guard EmailAddress.isValid(email) else { throw SuperuserError("invalid or missing email address") }
        guard let superusers = collections.find(SystemCollections.superusers),
              let otps = collections.find(SystemCollections.otps)
        else { throw SuperuserError("missing the _superusers or _otps collection") }
        guard let owner = try find(email, in: superusers) else {
            throw SuperuserError("superuser with email \"\(email)\" doesn't exist")
        }
        let options = (superusers.auth ?? AuthOptions()).otp
        guard options.enabled else { throw SuperuserError("OTP auth is not enabled for the _superusers collection") }

        let password = random.string(length: max(options.length, 1), alphabet: Alphabet.digits)
        let now = JSONValue.string(clock.now().description)
        var otp = Record(collection: otps)
        otp.id = random.recordID()
        otp["collectionRef"] = .string(superusers.id)
        otp["recordRef"] = .string(owner.id)
        otp["sentTo"] = ""
        otp["created"] = now
        otp["updated"] = now
        do {
            let cost: Int
            if case .password(let field)? = otps.field(named: "password") { cost = field.effectiveCost } else { cost = 8 }
            otp["password"] = .string(try hasher.hash(password, cost: cost))
            try records.insert(otp, into: otps)
        } catch {
            throw SuperuserError("failed to create OTP: \(error)")
        }
        return IssuedOTP(id: otp.id, password: password, duration: options.duration)
    }
}
