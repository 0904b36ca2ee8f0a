internal import CSQLite

extension SQLiteConnection {
    /// Replaces SQLite's `sin` and `cos` on this connection with PocketBase's (see ``GoMath``),
    /// so that rules, filters and view queries compute what PocketBase computes.
    static func registerPocketBaseFunctions(_ db: OpaquePointer) {
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS
        sqlite3_create_function_v2(db, "sin", 1, flags, nil, { context, _, arguments in
            SQLiteConnection.resultOfMath(context, arguments, GoMath.sin)
        }, nil, nil, nil)
        sqlite3_create_function_v2(db, "cos", 1, flags, nil, { context, _, arguments in
            SQLiteConnection.resultOfMath(context, arguments, GoMath.cos)
        }, nil, nil, nil)
    }

    /// SQLite's rule for its math functions: a non-numeric argument gives NULL, as does NaN.
    private static func resultOfMath(_ context: OpaquePointer?, _ arguments: UnsafeMutablePointer<OpaquePointer?>?,
                                     _ function: (Double) -> Double) {
        guard let argument = arguments?[0] else { return sqlite3_result_null(context) }
        let type = sqlite3_value_numeric_type(argument)
        guard type == SQLITE_INTEGER || type == SQLITE_FLOAT else { return sqlite3_result_null(context) }
        sqlite3_result_double(context, function(sqlite3_value_double(argument)))
    }
}
