
import Model

/// Which milestones to list.
public enum StatusFilter: String, CaseIterable, Sendable {
    case open, done, overdue, all

    /// Open includes overdue: both still need doing.
    public func admits(_ m: Milestone, today: CalendarDate) -> Bool {
        switch self {
        case .all: true
        case .done: m.done
        case .open: !m.done
        case .overdue: m.isOverdue(today: today)
        }
    }
}
