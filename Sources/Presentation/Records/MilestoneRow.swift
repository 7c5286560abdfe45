
import Model

/// One milestone in `milestones --json`.
public struct MilestoneRow: Encodable {
    public var id: String
    public var title: String
    public var status: String
    public var phase: Int
    public var country: String?
    public var due: String?
    public var doneAt: String?
    public var doneBy: String?
    public var note: String?
    public var evidence: String?

    public init(entry: MilestoneEntry, programme: Programme, today: CalendarDate) {
        let m = entry.milestone
        id = m.id; title = m.title; status = m.status(today: today).rawValue; phase = entry.phase
        if case .country(let c) = entry.owner { country = c }
        due = m.due?.description; doneAt = m.doneAt; doneBy = m.doneBy; note = m.note; evidence = m.evidence
    }
}
