/// A five-field cron expression (or a macro such as `@daily`), parsed as PocketBase 0.28.4's
/// `cron.NewSchedule` does, with its error texts.
public struct CronSchedule: Sendable, Equatable {
    public let minutes: Set<Int>
    public let hours: Set<Int>
    public let days: Set<Int>
    public let months: Set<Int>
    public let daysOfWeek: Set<Int>

    /// Why an expression was refused; `message` is PocketBase's text (lower-case, no period).
    public struct SyntaxError: Error, Equatable, Sendable {
        public let message: String
    }

    static let macros: [String: String] = [
        "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
        "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
    ]

    public init(_ expression: String) throws(SyntaxError) {
        let expanded = Self.macros[expression] ?? expression
        let segments = expanded.split(separator: " ", omittingEmptySubsequences: false)
        guard segments.count == 5 else {
            throw SyntaxError(message: "invalid cron expression - must be a valid macro or to have exactly 5 space separated segments")
        }
        minutes = try Self.segment(segments[0], 0, 59)
        hours = try Self.segment(segments[1], 0, 23)
        days = try Self.segment(segments[2], 1, 31)
        months = try Self.segment(segments[3], 1, 12)
        daysOfWeek = try Self.segment(segments[4], 0, 6)
    }

    /// True when the schedule fires at this minute (`dayOfWeek` 0 is Sunday).
    public func isDue(minute: Int, hour: Int, day: Int, month: Int, dayOfWeek: Int) -> Bool {
        minutes.contains(minute) && hours.contains(hour) && days.contains(day) && months.contains(month)
            && daysOfWeek.contains(dayOfWeek)
    }

    private static func atoi(_ text: Substring) throws(SyntaxError) -> Int {
        // Go's strconv.Atoi: an optional sign, then decimal digits only.
        var digits = text
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text) else {
            throw SyntaxError(message: "strconv.Atoi: parsing \"\(text)\": invalid syntax")
        }
        return n
    }

    private static func segment(_ segment: Substring, _ min: Int, _ max: Int) throws(SyntaxError) -> Set<Int> {
        var slots = Set<Int>()
        for part in segment.split(separator: ",", omittingEmptySubsequences: false) {
            let stepParts = part.split(separator: "/", omittingEmptySubsequences: false)
            var step = 1
            switch stepParts.count {
            case 1: break
            case 2:
                step = try atoi(stepParts[1])
                guard step >= 1, step <= max else {
                    throw SyntaxError(message: "invalid segment step boundary - the step must be between 1 and the \(max)")
                }
            default:
                throw SyntaxError(message: "invalid segment step format - must be in the format */n or 1-30/n")
            }
            var low = min
            var high = max
            if stepParts[0] != "*" {
                let range = stepParts[0].split(separator: "-", omittingEmptySubsequences: false)
                switch range.count {
                case 1:
                    guard step == 1 else {
                        throw SyntaxError(message: "invalid segement step - step > 1 could be used only with the wildcard or range format")
                    }
                    let value = try atoi(range[0])
                    guard value >= min, value <= max else {
                        throw SyntaxError(message: "invalid segment value - must be between the min and max of the segment")
                    }
                    low = value
                    high = value
                case 2:
                    low = try atoi(range[0])
                    guard low >= min, low <= max else {
                        throw SyntaxError(message: "invalid segment range minimum - must be between \(min) and \(max)")
                    }
                    high = try atoi(range[1])
                    guard high >= low, high <= max else {
                        throw SyntaxError(message: "invalid segment range maximum - must be between \(low) and \(max)")
                    }
                default:
                    throw SyntaxError(message: "invalid segment range format - the range must have 1 or 2 parts")
                }
            }
            slots.formUnion(stride(from: low, through: high, by: step))
        }
        return slots
    }
}
