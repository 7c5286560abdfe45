/// Progress together with what is still open and what is overdue on a given day.
public struct MilestoneTally: Hashable, Sendable {
    public var progress: MilestoneProgress
    public var overdue: Int

    public var open: Int { progress.total - progress.done }

    public init(_ milestones: [Milestone], today: CalendarDate) {
        progress = MilestoneProgress.of(milestones)
        overdue = milestones.count { $0.isOverdue(today: today) }
    }
}
