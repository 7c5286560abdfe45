import Foundation
import Model
import Presentation

/// A row of the milestones panel: a heading (phase or country) or a milestone.
enum MilestoneListRow: Equatable, Sendable {
    case header(String)
    case milestone(MilestoneEntry)

    var isSelectable: Bool { if case .milestone = self { true } else { false } }

    var entry: MilestoneEntry? { if case .milestone(let e) = self { e } else { nil } }

    static func rows(entries: [MilestoneEntry], programme: Programme, filter: StatusFilter, today: CalendarDate) -> [MilestoneListRow] {
        var rows: [MilestoneListRow] = []
        var lastOwner: MilestoneOwner?
        var lastPhase: Int?
        for entry in entries where filter.admits(entry.milestone, today: today) {
            if entry.phase != lastPhase {
                rows.append(.header("Phase \(entry.phase)"))
                lastPhase = entry.phase
                lastOwner = nil
            }
            if entry.owner != lastOwner {
                if case .country = entry.owner { rows.append(.header("  " + programme.ownerName(entry.owner))) }
                lastOwner = entry.owner
            }
            rows.append(.milestone(entry))
        }
        return rows
    }
}
