/// A UTC instant with millisecond precision, written as PocketBase does: `2006-01-02 15:04:05.000Z`.
public struct DateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Milliseconds since 1970-01-01 00:00:00 UTC.
    public let unixMilliseconds: Int64

    public init(unixMilliseconds: Int64) { self.unixMilliseconds = unixMilliseconds }

    public init(unixSeconds: Int64) { self.unixMilliseconds = unixSeconds.saturatingMultiplied(by: 1000) }

    /// Whole seconds since the epoch (rounded down).
    public var unixSeconds: Int64 {
        unixMilliseconds >= 0 ? unixMilliseconds / 1000 : (unixMilliseconds - 999) / 1000
    }

    public func adding(seconds: Int64) -> DateTime {
        DateTime(unixMilliseconds: unixMilliseconds.saturatingAdding(seconds.saturatingMultiplied(by: 1000)))
    }

    public static func < (lhs: DateTime, rhs: DateTime) -> Bool { lhs.unixMilliseconds < rhs.unixMilliseconds }

    /// `2006-01-02 15:04:05.000Z`.
    public var description: String {
        let (days, msOfDay) = floorDivide(unixMilliseconds, 86_400_000)
        let (y, m, d) = Self.civil(fromDays: days)
        let hour = msOfDay / 3_600_000
        let minute = msOfDay / 60_000 % 60
        let second = msOfDay / 1000 % 60
        let ms = msOfDay % 1000
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2)) \(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2)).\(pad(ms, 3))Z"
    }

    /// Compact UTC stamp used in file names: `20060102150405`.
    public var compactStamp: String {
        let (days, msOfDay) = floorDivide(unixMilliseconds, 86_400_000)
        let (y, m, d) = Self.civil(fromDays: days)
        let s = msOfDay / 1000
        return "\(pad(y, 4))\(pad(m, 2))\(pad(d, 2))\(pad(s / 3600, 2))\(pad(s / 60 % 60, 2))\(pad(s % 60, 2))"
    }

    /// Parses `YYYY-MM-DD[ T]HH:MM:SS[.fff…][Z|±HH:MM]` (and a bare date); nil when it is not one.
    public init?(parsing text: String) {
        let b = Array(text.utf8)
        func num(_ from: Int, _ count: Int) -> Int64? {
            guard from + count <= b.count else { return nil }
            var v: Int64 = 0
            for i in from..<(from + count) {
                guard b[i] >= 48 && b[i] <= 57 else { return nil }
                v = v * 10 + Int64(b[i] - 48)
            }
            return v
        }
        guard let year = num(0, 4), b.count >= 10, b[4] == UInt8(ascii: "-"), let month = num(5, 2),
              b[7] == UInt8(ascii: "-"), let day = num(8, 2), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0, millis: Int64 = 0, offset: Int64 = 0
        var i = 10
        if i < b.count {
            guard b[i] == UInt8(ascii: " ") || b[i] == UInt8(ascii: "T"), let h = num(11, 2), b.count > 13,
                  b[13] == UInt8(ascii: ":"), let mi = num(14, 2), b.count > 16, b[16] == UInt8(ascii: ":"),
                  let s = num(17, 2), h < 24, mi < 60, s < 60
            else { return nil }
            hour = h; minute = mi; second = s
            i = 19
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                var digits = 0
                while i < b.count, b[i] >= 48, b[i] <= 57 {
                    if digits < 3 { millis = millis * 10 + Int64(b[i] - 48) }
                    digits += 1
                    i += 1
                }
                guard digits > 0 else { return nil }
                for _ in min(digits, 3)..<3 { millis *= 10 }
            }
            if i < b.count {
                if b[i] == UInt8(ascii: "Z") {
                    i += 1
                } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                    let sign: Int64 = b[i] == UInt8(ascii: "-") ? -1 : 1
                    guard let oh = num(i + 1, 2), b.count > i + 3, b[i + 3] == UInt8(ascii: ":"),
                          let om = num(i + 4, 2) else { return nil }
                    offset = sign * (oh * 3600 + om * 60)
                    i += 6
                }
                guard i == b.count else { return nil }
            }
        }
        let days = Self.days(fromCivil: year, month, day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        self.unixMilliseconds = seconds * 1000 + millis
    }

    /// The number of days of a month of the proleptic Gregorian calendar (Go's time.Parse rejects
    /// "2023-02-29" and "2024-04-31" as out of range).
    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's civil-date algorithms (public domain), proleptic Gregorian calendar.
    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    static func days(fromCivil y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

private func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
    let q = a >= 0 ? a / b : (a - b + 1) / b
    return (q, a - q * b)
}

private func pad(_ value: Int64, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
