extension Array where Element == MilestoneEntry {
    /// Open and due before `today`, longest overdue first.
    public func overdue(today: CalendarDate) -> [MilestoneEntry] {
        filter { $0.milestone.isOverdue(today: today) }
            .sorted { ($0.milestone.due?.lastOrdinal ?? 0) < ($1.milestone.due?.lastOrdinal ?? 0) }
    }

    /// Open, not yet overdue, with a due date: soonest first.
    public func dueNext(today: CalendarDate) -> [MilestoneEntry] {
        filter { !$0.milestone.done && !$0.milestone.isOverdue(today: today) && $0.milestone.due != nil }
            .sorted { ($0.milestone.due?.lastOrdinal ?? 0) < ($1.milestone.due?.lastOrdinal ?? 0) }
    }
}
