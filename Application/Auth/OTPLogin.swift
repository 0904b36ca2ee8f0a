public import PocketDomain

/// The body of `auth-with-otp`.
public struct OTPLogin: Sendable, Equatable {
    public var otpID: String
    public var password: String

    public init(otpID: String, password: String) {
        self.otpID = otpID
        self.password = password
    }

    /// PocketBase 0.28.4's form rules: both required; the id at most 255 characters and the
    /// password at most 71 (bcrypt's limit).
    public func validate() -> FieldErrors {
        var errors = FieldErrors()
        for (name, value, max) in [("otpId", otpID, 255), ("password", password, 71)] {
            if value.isEmpty {
                errors.add(name, .required)
            } else if value.count > max {
                errors.add(name, .outOfRange(min: 1, max: max))
            }
        }
        return errors
    }
}
