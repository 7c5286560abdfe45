
import Foundation
import Model

/// Which milestones to list.
public enum StatusFilter: String, CaseIterable, Sendable {
    case open, done, overdue, slipped, all

    /// Open includes overdue: both still need doing. Slipped: due (or achieved) later than first
    /// planned (`Milestone.slip`; the day a tick falls on taken in `timeZone`), or its planned
    /// due taken away.
    public func admits(_ m: Milestone, today: CalendarDate, timeZone: TimeZone = .current) -> Bool {
        switch self {
        case .all: true
        case .done: m.done
        case .open: !m.done
        case .overdue: m.isOverdue(today: today)
        case .slipped: (m.dueMoved || m.done) && (m.slip(in: timeZone)?.days ?? (m.due == nil && m.plannedDue != nil ? 1 : 0)) > 0
        }
    }
}
