
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
    public var doneOn: String?
    /// The due as first planned, and its moves, when it moved.
    public var plannedDue: String?
    public var dueChanges: [DateChangeLine]?
    /// Dated notes and evidence, oldest first (`note` and `evidence` are the undated ones).
    public var notes: [ProgressReport.NoteLine]?

    public init(entry: MilestoneEntry, programme: Programme, today: CalendarDate) {
        let m = entry.milestone
        id = m.id; title = m.title; status = m.status(today: today).rawValue; phase = entry.phase
        if case .country(let c) = entry.owner { country = c }
        due = m.due?.description; doneAt = m.doneAt; doneBy = m.doneBy; note = m.note; evidence = m.evidence
        doneOn = m.doneOn?.description
        plannedDue = m.plannedDue?.description
        dueChanges = m.dueChanges.isEmpty ? nil : m.dueChanges.map(DateChangeLine.init)
        notes = m.notes.isEmpty ? nil : m.notes.map { ProgressReport.NoteLine(text: $0.text, kind: $0.kind.rawValue, by: $0.by, at: $0.at) }
    }

    /// Its JSON object, keys in sorted order (what `milestones --json` lists).
    public static func write(_ w: inout JSONWriter, _ r: MilestoneRow) {
        w.object { w in
            w.field("country", r.country); w.field("doneAt", r.doneAt); w.field("doneBy", r.doneBy); w.field("doneOn", r.doneOn); w.field("due", r.due)
            if let changes = r.dueChanges { w.field("dueChanges", changes, DateChangeLine.write) }
            w.field("evidence", r.evidence); w.field("id", r.id); w.field("note", r.note)
            if let notes = r.notes { w.field("notes", notes, ProgressReport.NoteLine.write) }
            w.field("phase", r.phase)
            w.field("plannedDue", r.plannedDue); w.field("status", r.status); w.field("title", r.title)
        }
    }
}
