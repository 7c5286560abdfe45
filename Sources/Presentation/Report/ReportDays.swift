import Model

/// The days a report may be for, one rule for every front (`knupp report`, the front's `R`): a
/// report tells what the record holds by a day that has come, and a period does not end before
/// it starts.
public enum ReportDays {
    public enum Problem: Equatable, Sendable {
        /// The report's last day (`isStart` false) or its period's first (true) is after today.
        case afterToday(CalendarDate, isStart: Bool)
        case startsAfterEnd(start: CalendarDate, end: CalendarDate)
    }

    /// What is wrong with a report as of `end` (today when nil) for the period from `start`, or nil.
    public static func problem(end: CalendarDate?, start: CalendarDate?, today: CalendarDate) -> Problem? {
        if let end, end > today { return .afterToday(end, isStart: false) }
        // A period given both ends is told as reversed; a start alone runs to today.
        if let start, let end, start > end { return .startsAfterEnd(start: start, end: end) }
        if let start, start > today { return .afterToday(start, isStart: true) }
        return nil
    }

    /// The problem in a sentence, `option` naming the day where a front has one ("--as-of").
    public static func sentence(_ problem: Problem, today: CalendarDate, option: String? = nil) -> String {
        switch problem {
        case .afterToday(let day, _):
            (option.map { "\($0) " } ?? "") + L("%@ is after today (%@): a report can only tell what the record holds by today.", "\(day)", "\(today)")
        case .startsAfterEnd(let start, let end):
            L("The period starts (%@) after it ends (%@).", "\(start)", "\(end)")
        }
    }
}
