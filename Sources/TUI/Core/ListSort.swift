import Model
import Presentation
/// How a list is ordered: the record's own grouping (phases, then countries), or flat by a key.
enum ListSort: String, CaseIterable, Sendable {
    case grouped, due, name, progress, slip

    /// The orders each list offers, in the order `s` cycles through them.
    static let milestones: [ListSort] = [.grouped, .due, .slip, .name]
    static let countries: [ListSort] = [.grouped, .name, .progress]

    var label: String {
        switch self {
        case .grouped: L("by phase")
        case .due: L("by due day")
        case .name: L("by name")
        case .progress: L("by progress")
        case .slip: L("by slip")
        }
    }

    func next(in cycle: [ListSort]) -> ListSort {
        cycle[((cycle.firstIndex(of: self) ?? -1) + 1) % cycle.count]
    }
}
