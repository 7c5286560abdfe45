/// Progress together with what is still open and what is overdue on a given day.
public struct MilestoneTally: Hashable, Sendable {
    public var progress: MilestoneProgress
    public var overdue: Int

    public var open: Int { progress.total - progress.done }

    public init(_ milestones: [Milestone], today: CalendarDate) {
        progress = MilestoneProgress.of(milestones)
        overdue = milestones.count { $0.isOverdue(today: today) }
    }

    public init(progress: MilestoneProgress, overdue: Int) { self.progress = progress; self.overdue = overdue }

    /// Nothing counted.
    public static let none = MilestoneTally(progress: MilestoneProgress(done: 0, total: 0), overdue: 0)

    /// Two disjoint sets of milestones counted together.
    public static func + (a: MilestoneTally, b: MilestoneTally) -> MilestoneTally {
        MilestoneTally(progress: a.progress + b.progress, overdue: a.overdue + b.overdue)
    }
}
