internal import PocketDomain

extension AuthService {
    /// `POST /api/collections/{collection}/impersonate/{id}` (superusers only): a static,
    /// non-refreshable auth token for the record, valid `duration` seconds (0 takes the
    /// collection's auth token duration), read by `readDuration` once the caller, collection and
    /// record passed. No MFA and no login alert (PocketBase 0.28.4).
    public func impersonate(collection idOrName: String, id: String, auth: AuthContext?,
                            duration readDuration: () throws -> Int64) throws -> AuthResult {
        guard let auth else {
            throw ApplicationError.unauthorized("The request requires valid record authorization token.")
        }
        guard auth.isSuperuser else {
            throw ApplicationError.forbidden("The authorized record is not allowed to perform this action.")
        }
        guard let collection = collections.find(idOrName), collection.isAuth else {
            throw ApplicationError.notFound("Missing or invalid auth collection context.")
        }
        guard let record = try records.record(in: collection, id: id) else {
            throw ApplicationError.notFound("The requested resource wasn't found.")
        }
        let duration = try readDuration()
        guard duration >= 0 else {
            throw ApplicationError.validation(FieldErrors("duration", ValidationError(
                code: "validation_min_greater_equal_than_required", message: "Must be no less than 0.",
                params: JSONObject([("threshold", .number(0))]))))
        }
        return AuthResult(record: record, collection: collection,
                          token: tokens.authToken(for: record, in: collection, refreshable: false, duration: duration))
    }
}
