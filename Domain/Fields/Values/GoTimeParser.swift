/// PocketBase's `types.ParseDateTime` for text: its own layout `2006-01-02 15:04:05.000Z`, then the
/// layouts spf13/cast 1.9 tries, each read with Go's `time.Parse` rules (fixed-width fields, an
/// unannounced fraction after the seconds, runs of spaces matching runs of spaces, no trailing text,
/// out-of-range fields rejected). Zones without a numeric offset count as UTC.
public enum GoTimeParser {
    /// The instant, or nil when no layout reads the text (PocketBase then stores `""`).
    public static func parse(_ text: String) -> DateTime? {
        for layout in layouts {
            if let time = parse(text, layout: layout.text, useOffset: layout.useOffset) { return time }
        }
        return nil
    }

    private struct Layout {
        let text: String
        /// False for layouts whose zone is only a name: cast re-reads the wall clock as UTC.
        let useOffset: Bool
    }

    private static let layouts: [Layout] = [
        Layout(text: "2006-01-02 15:04:05.000Z", useOffset: true),
        Layout(text: "2006-01-02", useOffset: false),
        Layout(text: "2006-01-02T15:04:05Z07:00", useOffset: true),
        Layout(text: "2006-01-02T15:04:05", useOffset: false),
        Layout(text: "Mon, 02 Jan 2006 15:04:05 -0700", useOffset: true),
        Layout(text: "Mon, 02 Jan 2006 15:04:05 MST", useOffset: false),
        Layout(text: "02 Jan 06 15:04 -0700", useOffset: true),
        Layout(text: "02 Jan 06 15:04 MST", useOffset: false),
        Layout(text: "Monday, 02-Jan-06 15:04:05 MST", useOffset: false),
        Layout(text: "2006-01-02 15:04:05.999999999 -0700 MST", useOffset: true),
        Layout(text: "2006-01-02T15:04:05-0700", useOffset: true),
        Layout(text: "2006-01-02 15:04:05Z0700", useOffset: true),
        Layout(text: "2006-01-02 15:04:05", useOffset: false),
        Layout(text: "Mon Jan _2 15:04:05 2006", useOffset: false),
        Layout(text: "Mon Jan _2 15:04:05 MST 2006", useOffset: false),
        Layout(text: "Mon Jan 02 15:04:05 -0700 2006", useOffset: true),
        Layout(text: "2006-01-02 15:04:05Z07:00", useOffset: true),
        Layout(text: "02 Jan 2006", useOffset: false),
        Layout(text: "2006-01-02 15:04:05 -07:00", useOffset: true),
        Layout(text: "2006-01-02 15:04:05 -0700", useOffset: true),
        Layout(text: "3:04PM", useOffset: false),
        Layout(text: "Jan _2 15:04:05", useOffset: false),
        Layout(text: "Jan _2 15:04:05.000", useOffset: false),
        Layout(text: "Jan _2 15:04:05.000000", useOffset: false),
        Layout(text: "Jan _2 15:04:05.000000000", useOffset: false),
    ]

    /// The layout elements, longest first where one is a prefix of another.
    private static let elements = [
        "January", "Monday", "2006", "-07:00", "Z07:00", "-0700", "Z0700", "Jan", "Mon", "MST", "PM",
        "01", "02", "_2", "15", "04", "05", "06", ".000000000", ".999999999", ".000000", ".000", "3",
    ]

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let dayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

    private static func parse(_ text: String, layout: String, useOffset: Bool) -> DateTime? {
        var value = Array(text.utf8)[...]
        var rest = Array(layout.utf8)[...]
        var year: Int64 = 0, month: Int64 = 1, day: Int64 = 1
        var hour: Int64 = 0, minute: Int64 = 0, second: Int64 = 0, nanos: Int64 = 0
        var offset: Int64 = 0
        var pm: Bool?
        while !rest.isEmpty {
            guard let element = elements.first(where: { rest.starts(with: $0.utf8) }) else {
                guard skipLiteral(&value, &rest) else { return nil }
                continue
            }
            rest = rest.dropFirst(element.utf8.count)
            switch element {
            case "2006":
                guard let n = digits(&value, min: 4, max: 4) else { return nil }
                year = n
            case "06":
                guard let n = digits(&value, min: 2, max: 2) else { return nil }
                year = n >= 69 ? 1900 + n : 2000 + n
            case "01":
                guard let n = digits(&value, min: 2, max: 2), (1...12).contains(n) else { return nil }
                month = n
            case "Jan", "January":
                guard let index = lookup(&value, names: monthNames, long: element == "January") else { return nil }
                month = Int64(index + 1)
            case "Mon", "Monday":
                guard lookup(&value, names: dayNames, long: element == "Monday") != nil else { return nil }
            case "02", "_2":
                if element == "_2", value.first == UInt8(ascii: " ") { value = value.dropFirst() }
                guard let n = digits(&value, min: element == "02" ? 2 : 1, max: 2) else { return nil }
                day = n
            case "15":
                guard let n = digits(&value, min: 1, max: 2), n < 24 else { return nil }
                hour = n
            case "3":
                guard let n = digits(&value, min: 1, max: 2), n <= 12 else { return nil }
                hour = n
            case "04":
                guard let n = digits(&value, min: 2, max: 2), n < 60 else { return nil }
                minute = n
            case "05":
                guard let n = digits(&value, min: 2, max: 2), n < 60 else { return nil }
                second = n
                // Go reads a fraction the layout does not announce.
                let nextIsFraction = rest.first == UInt8(ascii: ".") && rest.dropFirst().first.map { $0 == 48 || $0 == 57 } == true
                if !nextIsFraction, value.count >= 2, value.first == UInt8(ascii: ".") || value.first == UInt8(ascii: ","),
                   isDigit(value[value.startIndex + 1]) {
                    value = value.dropFirst()
                    nanos = fraction(&value, max: Int.max)
                }
            case ".000", ".000000", ".000000000":
                let width = element.utf8.count - 1
                guard value.count > width, value.first == UInt8(ascii: ".") || value.first == UInt8(ascii: ","),
                      value.dropFirst().prefix(width).allSatisfy(isDigit) else { return nil }
                value = value.dropFirst()
                nanos = fraction(&value, max: width)
            case ".999999999":
                if value.count >= 2, value.first == UInt8(ascii: ".") || value.first == UInt8(ascii: ","),
                   isDigit(value[value.startIndex + 1]) {
                    value = value.dropFirst()
                    nanos = fraction(&value, max: 9)
                }
            case "PM":
                guard value.count >= 2 else { return nil }
                let marker = String(decoding: value.prefix(2), as: UTF8.self)
                guard marker == "AM" || marker == "PM" else { return nil }
                pm = marker == "PM"
                value = value.dropFirst(2)
            case "MST":
                guard skipZoneName(&value) else { return nil }
            case "-0700", "-07:00", "Z0700", "Z07:00":
                if element.hasPrefix("Z"), value.first == UInt8(ascii: "Z") {
                    value = value.dropFirst()
                    offset = 0
                    break
                }
                guard let sign = value.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
                value = value.dropFirst()
                guard let h = digits(&value, min: 2, max: 2) else { return nil }
                if element.hasSuffix(":00") {
                    guard value.first == UInt8(ascii: ":") else { return nil }
                    value = value.dropFirst()
                }
                guard let m = digits(&value, min: 2, max: 2), h < 24, m < 60 else { return nil }
                offset = (sign == UInt8(ascii: "-") ? -1 : 1) * (h * 3600 + m * 60)
            default:
                return nil
            }
        }
        guard value.isEmpty else { return nil }
        if let pm {
            if pm, hour < 12 { hour += 12 } else if !pm, hour == 12 { hour = 0 }
        }
        guard day >= 1, day <= DateTime.daysIn(month: month, year: year) else { return nil }
        let days = DateTime.days(fromCivil: year, month, day)
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - (useOffset ? offset : 0)
        return DateTime(unixMilliseconds: seconds * 1000 + nanos / 1_000_000)
    }

    /// A literal byte of the layout; a space in the layout matches one or more spaces (both runs
    /// are skipped), anything else must match exactly.
    private static func skipLiteral(_ value: inout ArraySlice<UInt8>, _ layout: inout ArraySlice<UInt8>) -> Bool {
        let b = layout.removeFirst()
        if b == UInt8(ascii: " ") {
            guard value.first == UInt8(ascii: " ") else { return false }
            while layout.first == UInt8(ascii: " ") { layout = layout.dropFirst() }
            while value.first == UInt8(ascii: " ") { value = value.dropFirst() }
            return true
        }
        guard value.first == b else { return false }
        value = value.dropFirst()
        return true
    }

    private static func digits(_ value: inout ArraySlice<UInt8>, min: Int, max: Int) -> Int64? {
        var n: Int64 = 0
        var count = 0
        while count < max, let b = value.first, isDigit(b) {
            n = n * 10 + Int64(b - 48)
            value = value.dropFirst()
            count += 1
        }
        return count >= min ? n : nil
    }

    /// Reads up to `max` fraction digits (Go keeps nine) as nanoseconds.
    private static func fraction(_ value: inout ArraySlice<UInt8>, max: Int) -> Int64 {
        var nanos: Int64 = 0
        var count = 0
        while count < max, let b = value.first, isDigit(b) {
            if count < 9 { nanos = nanos * 10 + Int64(b - 48) }
            value = value.dropFirst()
            count += 1
        }
        for _ in Swift.min(count, 9)..<9 { nanos *= 10 }
        return nanos
    }

    /// A month or weekday name, case-insensitively: the three-letter form, or the full name.
    private static func lookup(_ value: inout ArraySlice<UInt8>, names: [String], long: Bool) -> Int? {
        let full = long ? (names == monthNames ? fullMonthNames : fullDayNames) : names
        for (index, name) in full.enumerated() {
            let count = name.utf8.count
            guard value.count >= count else { continue }
            if String(decoding: value.prefix(count), as: UTF8.self).lowercased() == name {
                value = value.dropFirst(count)
                return index
            }
        }
        return nil
    }

    private static let fullMonthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    private static let fullDayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Go's zone-abbreviation reader: `UTC`, `GMT` with an optional signed hour, or three to five
    /// upper-case letters (a four- or five-letter one must end in `T`, or be `ChST`/`MeST`).
    private static func skipZoneName(_ value: inout ArraySlice<UInt8>) -> Bool {
        let text = Array(value)
        guard text.count >= 3 else { return false }
        if text.starts(with: "ChST".utf8) || text.starts(with: "MeST".utf8) {
            value = value.dropFirst(4)
            return true
        }
        if text.starts(with: "GMT".utf8) {
            var length = 3
            if text.count > 3, text[3] == UInt8(ascii: "+") || text[3] == UInt8(ascii: "-") {
                var end = 4
                while end < text.count, isDigit(text[end]) { end += 1 }
                if end > 4 { length = end }
            }
            value = value.dropFirst(length)
            return true
        }
        var upper = 0
        while upper < text.count, upper < 6, text[upper] >= 65, text[upper] <= 90 { upper += 1 }
        switch upper {
        case 3:
            value = value.dropFirst(3)
            return true
        case 4, 5:
            guard text[upper - 1] == UInt8(ascii: "T") || (upper == 4 && text[2] == UInt8(ascii: "S")) else {
                return false
            }
            value = value.dropFirst(upper)
            return true
        default:
            return false
        }
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
}
