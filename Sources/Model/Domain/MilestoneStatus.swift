/// Where a milestone stands on a given day.
public enum MilestoneStatus: String, Sendable, CaseIterable {
    case open, done, overdue
}
