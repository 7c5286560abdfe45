/// Milestones done out of a total: derived from the record, never stored.
public struct MilestoneProgress: Hashable, Sendable {
    public var done: Int
    public var total: Int

    public init(done: Int, total: Int) { self.done = done; self.total = total }

    /// Whole percent, rounded to the nearest (8/9 is 89%), but never 100% while something is
    /// open and never 0% once something is done.
    public var percent: Int {
        guard total > 0 else { return 0 }
        var rounded = (done * 200 + total) / (total * 2)
        if done < total { rounded = min(rounded, 99) }
        if done > 0 { rounded = max(rounded, 1) }
        return rounded
    }
    public var fraction: Double { total == 0 ? 0 : Double(done) / Double(total) }

    public static func of(_ milestones: [Milestone]) -> MilestoneProgress {
        MilestoneProgress(done: milestones.count { $0.done }, total: milestones.count)
    }

    public static func + (lhs: MilestoneProgress, rhs: MilestoneProgress) -> MilestoneProgress {
        MilestoneProgress(done: lhs.done + rhs.done, total: lhs.total + rhs.total)
    }
}
