/// A milestone together with where it lives.
public struct MilestoneEntry: Hashable, Sendable {
    public var owner: MilestoneOwner
    /// The phase it counts towards.
    public var phase: Int
    public var milestone: Milestone
}
