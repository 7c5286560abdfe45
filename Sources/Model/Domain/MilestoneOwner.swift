/// Whose milestone it is: a phase as a whole, or one country.
public enum MilestoneOwner: Hashable, Sendable {
    case phase(Int)
    case country(String)
}
