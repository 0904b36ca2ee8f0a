/// Hashes and checks passwords.
///
/// Contract: `hash` returns a bcrypt hash (`$2a$`/`$2b$`, the given cost) that PocketBase verifies;
/// `verify` accepts any bcrypt hash PocketBase writes, compares in constant time and returns false
/// (never throws) for a malformed hash. Both are slow on purpose: call them off the event loop.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String, cost: Int) throws -> String
    func verify(_ password: String, against hash: String) -> Bool
}
