import Foundation

/// One change an officer makes to the programme, as a value.
///
/// Both fronts change the record only through edits, so that a save that meets someone
/// else's change can reload and apply the same edit again, and undo is just another edit.
public enum Edit: Hashable, Sendable {
    /// Ticks a milestone, recording who and when; `note`, when given, replaces its note.
    case tick(milestone: String, by: String, at: String, note: String? = nil)
    case untick(milestone: String)
    case addMilestone(Milestone, to: MilestoneOwner, at: Int?)
    /// Replaces the milestone with the same id whole, tick record included (undo uses it).
    case updateMilestone(Milestone)
    /// Changes what an officer edits in a form, and leaves the tick record alone.
    case editMilestone(id: String, title: String, due: CalendarDate?, note: String?, evidence: String?)
    case removeMilestone(String)
    case setCountryNotes(country: String, notes: String)

    /// A line for the status bar and the log: "Ticked “Draft of …”".
    public func summary(in programme: Programme) -> String {
        func title(_ id: String) -> String { "“\(programme.milestone(id)?.title ?? id)”" }
        switch self {
        case .tick(let id, _, _, _): return "Ticked \(title(id))"
        case .untick(let id): return "Unticked \(title(id))"
        case .addMilestone(let m, let owner, _): return "Added “\(m.title)” to \(programme.ownerName(owner))"
        case .updateMilestone(let m): return "Restored “\(m.title)”"
        case .editMilestone(_, let newTitle, _, _, _): return "Edited “\(newTitle)”"
        case .removeMilestone(let id): return "Removed \(title(id))"
        case .setCountryNotes(let id, _): return "Edited the notes of \(programme.country(id)?.name ?? id)"
        }
    }

    /// The record the edit changes: a milestone's id, or a country's for its notes.
    public var recordID: String {
        switch self {
        case .tick(let id, _, _, _), .untick(let id), .removeMilestone(let id), .editMilestone(let id, _, _, _, _): id
        case .addMilestone(let m, _, _), .updateMilestone(let m): m.id
        case .setCountryNotes(let id, _): id
        }
    }
}
