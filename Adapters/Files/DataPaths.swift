/// Where a data directory's companions live, with paths cleaned as Go's `filepath.Join` does.
public enum DataPaths {
    /// `<dataDir>/../pb_migrations`, cleaned (`./pb_data` gives `pb_migrations`).
    public static func migrationsDirectory(forDataDir dataDir: String) -> String {
        clean(dataDir + "/../pb_migrations")
    }

    /// Lexical cleaning: drops `.` parts and resolves `..` against earlier parts.
    public static func clean(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
