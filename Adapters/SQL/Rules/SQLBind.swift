/// A bind parameter value, independent of the database driver.
public enum SQLBind: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}
