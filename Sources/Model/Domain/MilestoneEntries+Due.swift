extension MilestoneEntries {
    /// Open and due before `today`, longest overdue first (ties in the record's order).
    public func overdue(today: CalendarDate) -> [MilestoneEntry] { overduePlaces(today: today).map { self[$0] } }

    /// Open, not yet overdue, with a due date: soonest first (ties in the record's order).
    public func dueNext(today: CalendarDate) -> [MilestoneEntry] { dueNextPlaces(today: today).map { self[$0] } }

    /// The places of `overdue(today:)`'s entries in this list, in its order.
    public func overduePlaces(today: CalendarDate) -> [Int] { byDue { $0.isOverdue(today: today) } }

    /// The places of `dueNext(today:)`'s entries in this list, in its order.
    public func dueNextPlaces(today: CalendarDate) -> [Int] { byDue { $0.isDueNext(today: today) } }

    /// The places of the entries `admits` takes, by the last day they are due, then by place.
    /// The pairs of day and place are sorted, not the entries: at 900,000 milestones moving whole
    /// entries about was most of a front's first frame.
    private func byDue(_ admits: (Milestone) -> Bool) -> [Int] {
        var keys: [(due: Int, place: Int)] = []
        for place in indices {
            // The milestone alone: its owner is not needed to sort it.
            let milestone = milestone(at: place)
            if admits(milestone) { keys.append((milestone.due?.lastOrdinal ?? 0, place)) }
        }
        keys.sort { $0.due != $1.due ? $0.due < $1.due : $0.place < $1.place }
        return keys.map(\.place)
    }
}
