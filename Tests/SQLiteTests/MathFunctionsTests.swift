import Foundation
import PocketApplication
import PocketSQLite
import Testing

@Suite("SQLite math as PocketBase computes it")
struct MathFunctionsTests {
    private func value(_ sql: String) throws -> SQLiteValue {
        try TemporaryDirectory.with { directory in
            let connection = try SQLiteConnection(path: directory.path + "/math.db")
            defer { connection.close() }
            return try #require(try connection.queryFirst(sql))[0]
        }
    }

    @Test("a point's distance to itself is NULL where PocketBase's Go math rounds above 1")
    func selfDistance() throws {
        let cosine = "cos(radians(42.6977)) * cos(radians(42.6977)) * cos(radians(23.3219) - radians(23.3219))"
            + " + sin(radians(42.6977)) * sin(radians(42.6977))"
        #expect(try value("SELECT " + cosine) == .real(1.0000000000000002))
        #expect(try value("SELECT 6371 * acos(" + cosine + ")") == .null)
        #expect(try value("SELECT 6371 * acos(cos(radians(0)) * cos(radians(0)) * cos(radians(0) - radians(0))"
            + " + sin(radians(0)) * sin(radians(0)))") == .real(0))
    }

    @Test("sin and cos stay within an ulp of the C library's and keep SQLite's NULL rules")
    func closeToLibm() throws {
        try TemporaryDirectory.with { directory in
            let connection = try SQLiteConnection(path: directory.path + "/math.db")
            defer { connection.close() }
            for step in -400...400 {
                let x = Double(step) * 0.0173
                let row = try #require(try connection.queryFirst("SELECT sin(?), cos(?)", [.real(x), .real(x)]))
                let (goSin, goCos) = (row[0].real ?? .nan, row[1].real ?? .nan)
                #expect(abs(goSin - sin(x)) <= 2 * sin(x).ulp + .ulpOfOne, "sin(\(x))")
                #expect(abs(goCos - cos(x)) <= 2 * cos(x).ulp + .ulpOfOne, "cos(\(x))")
            }
        }
        #expect(try value("SELECT sin('abc')") == .null)
        #expect(try value("SELECT cos(NULL)") == .null)
        #expect(try value("SELECT cos('0')") == .real(1))
        #expect(try value("SELECT sin(0)") == .real(0))
    }
}
