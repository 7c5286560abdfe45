/// A milestone together with where it lives.
public struct MilestoneEntry: Hashable, Sendable {
    public var owner: MilestoneOwner
    /// The phase it counts towards.
    public var phase: Int
    public var milestone: Milestone
}

extension MilestoneEntry {
    /// The country the milestone belongs to, or nil for a phase's own.
    public var countryID: String? {
        if case .country(let id) = owner { id } else { nil }
    }
}
