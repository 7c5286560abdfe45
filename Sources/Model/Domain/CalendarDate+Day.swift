import Foundation

extension CalendarDate {
    /// The day a moment falls on in `timeZone` (the officer's own, by default): what
    /// "today" means for overdue milestones. Ticks are recorded in UTC.
    public static func day(of date: Date, in timeZone: TimeZone = .current) -> CalendarDate {
        let seconds = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        return fromOrdinal(Int((seconds / 86_400).rounded(.down)))
    }
}
