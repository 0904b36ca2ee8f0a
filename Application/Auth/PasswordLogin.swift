public import PocketDomain

/// The body of `auth-with-password`.
public struct PasswordLogin: Sendable, Equatable {
    public var identity: String
    public var password: String
    public var identityField: String

    public init(identity: String, password: String, identityField: String = "") {
        self.identity = identity
        self.password = password
        self.identityField = identityField
    }

    /// PocketBase's form rules: both values required and at most 255 characters; an explicit
    /// identity field must be one of the collection's identity fields.
    public func validate(allowedFields: [String]) -> FieldErrors {
        var errors = FieldErrors()
        for (name, value) in [("identity", identity), ("password", password)] {
            if value.isEmpty {
                errors.add(name, .required)
            } else if value.count > 255 {
                errors.add(name, .outOfRange(min: 1, max: 255))
            }
        }
        if !identityField.isEmpty {
            if identityField.count > 255 {
                errors.add("identityField", .outOfRange(min: 1, max: 255))
            } else if !allowedFields.contains(identityField) {
                errors.add("identityField", .notInList)
            }
        }
        return errors
    }
}
