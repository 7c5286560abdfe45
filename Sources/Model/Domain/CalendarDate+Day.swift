import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension CalendarDate {
    /// The day a moment falls on in `timeZone` (the officer's own, by default): what
    /// "today" means for overdue milestones. Ticks are recorded in UTC.
    public static func day(of date: Date, in timeZone: TimeZone = .current) -> CalendarDate {
        let seconds = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return fromOrdinal(Int((seconds / 86_400).rounded(.down)))
    }

    /// The day `date` falls on where the officer is: the system's time zone, as `TZ` or
    /// /etc/localtime give it (what `TimeZone.current` reads, without its millisecond of setting up).
    public static func localDay(of date: Date) -> CalendarDate {
        var clock = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&clock, &parts) != nil,
              let day = CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) else {
            return day(of: date, in: TimeZone(secondsFromGMT: 0) ?? .current)
        }
        return day
    }
}
