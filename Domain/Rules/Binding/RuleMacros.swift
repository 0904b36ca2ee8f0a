/// PocketBase 0.28.4's datetime macros, computed from a given instant (UTC).
///
/// Date macros are texts in PocketBase's format (`2006-01-02 15:04:05.000Z`, the "end" macros at
/// `23:59:59.999`); the numeric ones (`@year`, `@weekday` with Sunday = 0…) are integers.
public enum RuleMacros {
    /// Every macro name.
    public static let names: Set<String> = [
        "@now", "@yesterday", "@tomorrow", "@second", "@minute", "@hour", "@day", "@month", "@weekday",
        "@year", "@todayStart", "@todayEnd", "@monthStart", "@monthEnd", "@yearStart", "@yearEnd",
    ]

    /// The value of the macro `name` at `now`, or nil when `name` is not a macro (exact case).
    public static func value(of name: String, now: DateTime) -> BoundValue? {
        let day: Int64 = 86_400_000
        let ms = now.unixMilliseconds
        let days = ms >= 0 ? ms / day : (ms - day + 1) / day
        let msOfDay = ms - days * day
        let (year, month, dayOfMonth) = DateTime.civil(fromDays: days)
        func text(_ milliseconds: Int64) -> BoundValue { .text(DateTime(unixMilliseconds: milliseconds).description) }
        func date(_ y: Int64, _ m: Int64, _ d: Int64) -> Int64 { DateTime.days(fromCivil: y, m, d) * day }
        let endOfDay = day - 1
        switch name {
        case "@now": return text(ms)
        case "@yesterday": return text(ms - day)
        case "@tomorrow": return text(ms + day)
        case "@second": return .integer(msOfDay / 1000 % 60)
        case "@minute": return .integer(msOfDay / 60_000 % 60)
        case "@hour": return .integer(msOfDay / 3_600_000)
        case "@day": return .integer(dayOfMonth)
        case "@month": return .integer(month)
        case "@weekday":
            // 1970-01-01 was a Thursday (4).
            let weekday = (days % 7 + 7 + 4) % 7
            return .integer(weekday)
        case "@year": return .integer(year)
        case "@todayStart": return text(days * day)
        case "@todayEnd": return text(days * day + endOfDay)
        case "@monthStart": return text(date(year, month, 1))
        case "@monthEnd":
            return text(date(year, month, DateTime.daysIn(month: month, year: year)) + endOfDay)
        case "@yearStart": return text(date(year, 1, 1))
        case "@yearEnd": return text(date(year, 12, 31) + endOfDay)
        default: return nil
        }
    }
}
