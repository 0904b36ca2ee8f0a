import Testing
@testable import PocketDomain

/// Parses a sort text into `name:ASC|DESC` entries, or `error <message>`.
func renderSort(_ text: String) -> String {
    do {
        return try SortSpec(parsing: text).fields.map { "\($0.name):\($0.direction.rawValue)" }.joined(separator: ",")
    } catch {
        return "error \(error.message)"
    }
}

// PocketBase 0.28.4 (GET /api/collections/t/records?sort=…): `n,`, `,n`, `-`, `+`, 9 fields and
// a 256-byte name were 400; `@RANDOM`, `--n`, `+-n`, `- n`, `(n)`, `n desc` were 400 too, from
// the field resolver (the binder's job); ` -n , title `, `n\t`, `-@random`, `-@rowid`, `+n`,
// `title:lower` and 8 fields were 200.
@Suite("SortSpec")
struct SortSpecTests {
    @Test("parses entries", arguments: [
        ("", ""),
        ("title", "title:ASC"),
        ("-created", "created:DESC"),
        ("+title", "title:ASC"),
        ("-created,+title,id", "created:DESC,title:ASC,id:ASC"),
        (" -n , title ", "n:DESC,title:ASC"),
        ("n\t", "n:ASC"),
        ("@random", "@random:ASC"),
        ("-@random", "@random:DESC"),
        ("-@rowid", "@rowid:DESC"),
        ("@RANDOM", "@RANDOM:ASC"),
        ("--n", "-n:DESC"),
        ("+-n", "-n:ASC"),
        ("- n", " n:DESC"),
        ("title:lower,author.name", "title:lower:ASC,author.name:ASC"),
        ("n,n,n,n,n,n,n,n", "n:ASC,n:ASC,n:ASC,n:ASC,n:ASC,n:ASC,n:ASC,n:ASC"),
        ("n,", #"error invalid sort field """#),
        (",n", #"error invalid sort field """#),
        ("-", #"error invalid sort field """#),
        ("+", #"error invalid sort field """#),
        (" ", #"error invalid sort field """#),
        ("n,n,n,n,n,n,n,n,n", "error max sort expressions limit reached"),
        (",,,,,,,,", "error max sort expressions limit reached"),
        (String(repeating: "x", count: 255), String(repeating: "x", count: 255) + ":ASC"),
        (String(repeating: "x", count: 256), "error max sort field length limit reached"),
        ("-" + String(repeating: "x", count: 255), String(repeating: "x", count: 255) + ":DESC"),
    ])
    func parses(text: String, expected: String) {
        #expect(renderSort(text) == expected)
    }

    @Test("special keys")
    func keys() throws {
        let spec = try SortSpec(parsing: "@random,-@rowid,title")
        #expect(spec.fields == [SortField(.random), SortField(.rowID, .descending), SortField(.field("title"))])
    }
}
