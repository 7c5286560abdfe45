import Presentation
/// The panels of the tab strip, in the order of their number keys.
enum Panel: Int, CaseIterable, Sendable {
    case overview, countries, timeline, milestones, activity, indicators

    var title: String {
        switch self {
        case .overview: "Overview"
        case .countries: "Countries"
        case .timeline: "Timeline"
        case .milestones: "Milestones"
        case .activity: "Activity"
        case .indicators: "Indicators"
        }
    }
}
