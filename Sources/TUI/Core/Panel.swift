import Model
import Presentation
/// The panels of the tab strip, in the order of their number keys.
enum Panel: Int, CaseIterable, Sendable {
    case overview, countries, timeline, milestones, activity, indicators

    var title: String {
        switch self {
        case .overview: L("Overview")
        case .countries: L("Countries")
        case .timeline: L("Timeline")
        case .milestones: L("Milestones")
        case .activity: L("Activity")
        case .indicators: L("Indicators")
        }
    }
}
