internal import PocketDomain

extension AuthService {
    /// The record of an auth collection with this email (PocketBase 0.28.4's `FindAuthRecordByEmail`):
    /// case-insensitive when the email's unique index is `COLLATE NOCASE`, exact otherwise.
    func findAuthRecord(byEmail email: String, in collection: Collection) throws -> Record? {
        if Self.hasNocaseUniqueIndex(collection, column: "email") {
            return try firstRecordIgnoringCase(in: collection, where: "email", equals: email)
        }
        return try records.firstRecord(in: collection, where: "email", equals: email)
    }

    /// The record a verification, password-reset or email-change token was made for, when the
    /// token is valid for it (PocketBase 0.28.4's `FindAuthRecordByToken`): the claims name the
    /// record and its auth collection, the type matches and the signature and expiry hold.
    func record(forToken token: String, kind: AuthTokens.Kind) -> (record: Record, collection: Collection)? {
        guard let claims = tokens.unverifiedClaims(token),
              let id = claims["id"]?.stringValue, !id.isEmpty,
              let collectionID = claims["collectionId"]?.stringValue, !collectionID.isEmpty,
              claims["type"]?.stringValue == kind.rawValue,
              let collection = collections.find(collectionID), collection.isAuth,
              let record = try? records.record(in: collection, id: id),
              tokens.verifies(token, kind: kind, record: record, collection: collection)
        else { return nil }
        return (record, collection)
    }

    /// The rows of `_mfas`, `_otps` and `_authOrigins` that belong to auth records.
    var systemRows: AuthSystemRows { AuthSystemRows(collections: collections, records: records, clock: clock) }

    /// A new row of a system collection for the record, with `created`/`updated` set to now.
    func newSystemRow(in system: Collection, for record: Record, of collection: Collection) -> Record {
        let now = JSONValue.string(clock.now().description)
        var row = Record(collection: system)
        row.id = random.recordID()
        row["collectionRef"] = .string(collection.id)
        row["recordRef"] = .string(record.id)
        row["created"] = now
        row["updated"] = now
        return row
    }

    /// PocketBase 0.28.4's email form rule: required, at most 255 characters, an email address.
    static func emailErrors(_ email: String, field: String = "email") -> FieldErrors {
        if email.isEmpty { return FieldErrors(field, .required) }
        if email.count > 255 { return FieldErrors(field, .outOfRange(min: 1, max: 255)) }
        if !EmailAddress.isValid(email) { return FieldErrors(field, .invalidEmail) }
        return FieldErrors()
    }
}
