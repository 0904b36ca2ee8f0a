import Testing
@testable import PocketDomain

@Suite("DateTime")
struct DateTimeTests {
    @Test("description is PocketBase's UTC datetime text", arguments: [
        (Int64(0), "1970-01-01 00:00:00.000Z"),
        (1_795_479_284_460, "2026-11-24 00:14:44.460Z"),
        (1_704_164_645_678, "2024-01-02 03:04:05.678Z"),
        (951_868_799_999, "2000-02-29 23:59:59.999Z"),
        (253_402_300_799_000, "9999-12-31 23:59:59.000Z"),
        (-1, "1969-12-31 23:59:59.999Z"),
        (-86_400_000, "1969-12-31 00:00:00.000Z"),
        (-2_208_988_800_000, "1900-01-01 00:00:00.000Z"),
    ])
    func description(millis: Int64, expected: String) {
        #expect(DateTime(unixMilliseconds: millis).description == expected)
    }

    @Test("compact stamp for file names", arguments: [
        (Int64(0), "19700101000000"), (1_795_479_284_460, "20261124001444"), (-1, "19691231235959"),
    ])
    func compactStamp(millis: Int64, expected: String) {
        #expect(DateTime(unixMilliseconds: millis).compactStamp == expected)
    }

    @Test("whole seconds round down, also before the epoch", arguments: [
        (Int64(0), Int64(0)), (999, 0), (1000, 1), (1999, 1), (-1, -1), (-999, -1), (-1000, -1), (-1001, -2),
    ])
    func unixSeconds(millis: Int64, seconds: Int64) {
        #expect(DateTime(unixMilliseconds: millis).unixSeconds == seconds)
    }

    @Test("accepted texts", arguments: [
        ("2024-01-02 03:04:05.678Z", Int64(1_704_164_645_678)),
        ("2024-01-02T03:04:05Z", 1_704_164_645_000),
        ("2024-01-02 03:04:05", 1_704_164_645_000),
        ("2024-01-02", 1_704_153_600_000),
        ("2024-01-02 03:04:05.678+02:00", 1_704_157_445_678),
        ("2024-01-02T03:04:05-05:30", 1_704_184_445_000),
        ("2024-01-02 03:04:05.1Z", 1_704_164_645_100),
        ("2024-01-02 03:04:05.123456789Z", 1_704_164_645_123),
        ("2000-02-29 23:59:59.999Z", 951_868_799_999),
        ("1970-01-01 00:00:00.000Z", 0),
        ("1969-12-31 23:59:59.999Z", -1),
        ("1900-01-01", -2_208_988_800_000),
    ])
    func parsing(text: String, millis: Int64) throws {
        let date = try #require(DateTime(parsing: text))
        #expect(date.unixMilliseconds == millis)
    }

    @Test("rejected texts", arguments: [
        "", "not a date", "2024", "2024-13-01", "2024-00-10", "2024-01-32", "2024-01-00", "2023-02-29", "2024-02-30",
        "2024-04-31", "2024-1-02", "2024/01/02", "2024-01-02 24:00:00", "2024-01-02 03:60:00", "2024-01-02 03:04:60",
        "2024-01-02X03:04:05", "2024-01-02 03:04", "2024-01-02 03:04:05.", "2024-01-02 03:04:05Zjunk",
        "2024-01-02 03:04:05+0200", "2024-01-02 03:04:05 UTC", "2024-01-02 ", "x2024-01-02",
    ])
    func rejected(text: String) {
        #expect(DateTime(parsing: text) == nil)
    }

    @Test("parsing the description gives the same instant", arguments: [
        Int64(0), 1_795_479_284_460, -1, 951_868_799_999, -2_208_988_800_001,
    ])
    func roundTrip(millis: Int64) {
        let date = DateTime(unixMilliseconds: millis)
        #expect(DateTime(parsing: date.description) == date)
    }

    @Test("arithmetic and ordering")
    func arithmetic() {
        let start = DateTime(unixSeconds: 100)
        #expect(start.unixMilliseconds == 100_000)
        #expect(start.adding(seconds: 60) == DateTime(unixMilliseconds: 160_000))
        #expect(start.adding(seconds: -100) == DateTime(unixMilliseconds: 0))
        #expect(start < start.adding(seconds: 1))
        #expect([DateTime(unixSeconds: 3), DateTime(unixSeconds: -1), DateTime(unixSeconds: 2)].sorted().map(\.unixSeconds)
            == [-1, 2, 3])
    }
}
