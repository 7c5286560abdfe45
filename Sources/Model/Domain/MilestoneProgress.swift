/// Milestones done out of a total: derived from the record, never stored.
public struct MilestoneProgress: Hashable, Sendable {
    public var done: Int
    public var total: Int

    public init(done: Int, total: Int) { self.done = done; self.total = total }

    /// Whole percent, rounded down so that 99.9% never shows as 100%.
    public var percent: Int { total == 0 ? 0 : done * 100 / total }
    public var fraction: Double { total == 0 ? 0 : Double(done) / Double(total) }

    public static func of(_ milestones: [Milestone]) -> MilestoneProgress {
        MilestoneProgress(done: milestones.count { $0.done }, total: milestones.count)
    }

    public static func + (lhs: MilestoneProgress, rhs: MilestoneProgress) -> MilestoneProgress {
        MilestoneProgress(done: lhs.done + rhs.done, total: lhs.total + rhs.total)
    }
}
