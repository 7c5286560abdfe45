import Foundation

/// One change an officer makes to the programme, as a value.
///
/// Both fronts change the record only through edits, so that a save that meets someone
/// else's change can reload and apply the same edit again, and undo is just another edit.
public enum Edit: Hashable, Sendable {
    /// Ticks a milestone, recording who and when; `note`, when given, is added to its log (who,
    /// when); `on`, when given, is the day it was achieved (also set on a milestone ticked before).
    case tick(milestone: String, by: String, at: String, note: String? = nil, on: CalendarDate? = nil)
    /// Adds a note or evidence to a milestone's log, with who and when.
    case addNote(milestone: String, MilestoneNote)
    /// Marks a milestone open again. With who and when, the tick it had is kept in its log (a
    /// note "Unticked: it had been ticked by …"), so that nothing an officer ticked is lost
    /// where there is no git history to keep it.
    case untick(milestone: String, by: String? = nil, at: String? = nil)
    case addMilestone(Milestone, to: MilestoneOwner, at: Int?)
    /// Replaces the milestone with the same id whole, tick record included (undo uses it).
    case updateMilestone(Milestone)
    /// Changes what an officer edits in a form, and leaves the tick record alone. A due that
    /// changes is a move (`moveDue`): `move` says who, when and why (without it the first plan
    /// is still kept, and no move is listed). `achievedOn` sets the day a done milestone was
    /// achieved (`.some(nil)` clears it); nil leaves it as it is. `from`, when given, is what the
    /// form showed when it opened: a field left as it was keeps what the record holds when the
    /// edit is applied (a colleague's change saved meanwhile stays).
    case editMilestone(id: String, title: String, due: CalendarDate?, note: String?, evidence: String?,
                       move: DateMove? = nil, achievedOn: CalendarDate?? = nil, from: MilestoneFields? = nil)
    /// Moves a milestone's due (`knupp due`): the first plan is kept, the move listed.
    case moveDue(milestone: String, to: CalendarDate?, move: DateMove)
    /// Moves a phase's planned end (`knupp phase end`), as `moveDue` a due.
    case movePhaseEnd(phase: Int, to: CalendarDate, move: DateMove)
    /// Records the day (or month) a phase actually ended; nil takes it away.
    case setPhaseActualEnd(phase: Int, to: CalendarDate?)
    /// Puts a phase's dates back as they were (undo of the two above).
    case restorePhaseDates(PhaseDates)
    case removeMilestone(String)
    case setCountryNotes(country: String, notes: String)
    /// Sets fields of any other record (`knupp set`): each value as the file holds it, `null`
    /// taking an optional field away. A country's stage set so is logged with `write`'s day.
    case setRecord(RecordRef, [String: JSONValue], RecordWrite?)
    /// Adds a record (`knupp add`) with these fields, at a place in its list (the end when nil).
    case addRecord(RecordRef, [String: JSONValue], at: Int?)
    /// Removes a record (`knupp remove`); a country or phase that still has milestones is kept.
    case removeRecord(RecordRef)
    /// Sets an indicator's baseline, or its target or actual of a day (replacing the one of that
    /// day, else added in date order); nil takes it away. Applied to the record as it is then, so
    /// a colleague's value of another day, saved first, stays.
    case setResult(RecordRef, IndicatorValueKind, CalendarDate, IndicatorValue?)
    /// One evaluator's SDG 11.a.1 scores of a country's policy on a day: joins that day's
    /// assessment (a colleague's evaluator saved first stays), or begins it; the same evaluator
    /// again replaces their scores.
    case scoreSDG(country: String, date: CalendarDate, policy: String, SDGEvaluation, evidence: String?, note: String?)
    /// Puts a country's assessment of a day back as it was (nil: none that day): what undoes a score.
    case setAssessment(country: String, date: CalendarDate, SDGAssessment?)
    /// Marks a milestone as a template's item of a stage (`knupp template apply --link`): only
    /// those two fields, so a tick a colleague saved meanwhile stays.
    case markTemplate(milestone: String, stage: NUPStage?, template: TemplateRef?)
    /// One part of the IATI settings set (or taken away).
    case setIATI(IATISetting)
    /// Several edits as one: applied together or not at all, undone together, one line in the
    /// status and the log (a template applied to a country).
    case batch([Edit], summary: String)

    /// A line for the status bar and the command line, in the officer's language: "Ticked “Draft
    /// of …”". (Git's commit messages are StoreSync's own, in English.)
    public func summary(in programme: Programme) -> String {
        func name(_ country: String) -> String { programme.country(country)?.name ?? country }
        switch self {
        case .addMilestone(let m, let owner, _): return L("Added “%@” to %@", m.title, programme.ownerText(owner))
        case .setCountryNotes(let id, _): return L("Edited the notes of %@", name(id))
        case .movePhaseEnd(let n, let to, _):
            return programme.phase(n).map { L("Moved the planned end of Phase %@ from %@ to %@", "\(n)", "\($0.end)", "\(to)") }
                ?? L("Moved the planned end of Phase %@ to %@", "\(n)", "\(to)")
        case .setPhaseActualEnd(let n, let to):
            return to.map { L("Recorded that Phase %@ ended %@", "\(n)", "\($0)") } ?? L("Took away the actual end of Phase %@", "\(n)")
        case .restorePhaseDates(let dates): return L("Restored the dates of Phase %@", "\(dates.number)")
        case .setRecord(let ref, let values, _):
            let fields = values.keys.sorted().filter { $0 != "stageChanges" }.joined(separator: ", ")
            return L("Set %@ of %@ %@", fields, ref.kind.noun, programme.recordName(ref))
        case .addRecord(let ref, _, _): return L("Added %@ %@", ref.kind.noun, ref.id)
        case .removeRecord(let ref): return L("Removed %@ %@", ref.kind.noun, programme.recordName(ref))
        case .setResult(let ref, let kind, let date, let value):
            let indicator = programme.recordName(ref), what = kind.word
            guard let value else {
                return kind == .baseline ? L("Took away the baseline of “%@”", indicator) : L("Took away the %@ of %@ of “%@”", what, "\(date)", indicator)
            }
            return kind == .actual ? L("Recorded an actual of “%@” (%@, %@)", indicator, value.shown, "\(value.date)")
                : L("Set the %@ of “%@” (%@, %@)", what, indicator, value.shown, "\(value.date)")
        case .scoreSDG(let country, let date, _, let e, _, _):
            return L("Recorded %@'s SDG 11.a.1 scores of %@ on %@", e.evaluator, name(country), "\(date)") + " (a \(e.a), b \(e.b), c \(e.c))"
        case .setAssessment(let country, let date, let assessment):
            return assessment == nil ? L("Took away the SDG 11.a.1 assessment of %@ on %@", name(country), "\(date)")
                : L("Restored the SDG 11.a.1 assessment of %@ on %@", name(country), "\(date)")
        case .setIATI(let setting): return setting.summary
        case .batch(_, let summary): return summary
        default: return summary(of: programme.milestone(recordID))
        }
    }

    /// The same line for an edit of one milestone, given that milestone as it was before.
    public func summary(of milestone: Milestone?) -> String {
        let title = "“\(milestone?.title ?? recordID)”"
        let earlier = milestone?.doneBy.map { ", " + L("ticked earlier by %@", $0) }
        switch self {
        case .tick(_, _, _, let note, let on):
            // A milestone already done keeps its first tick: only the day or the note changed.
            if let milestone, milestone.done, let on, on != milestone.doneOn, note == nil {
                return L("Recorded %@ as achieved on %@", title, "\(on)") + (earlier ?? "")
            }
            if let milestone, milestone.done, note != nil { return L("Added a note to %@", title) + (earlier ?? ", " + L("ticked earlier")) }
            return L("Ticked %@", title)
        case .untick: return L("Unticked %@", title)
        case .addNote(_, let entry): return entry.kind == .evidence ? L("Added evidence to %@", title) : L("Added a note to %@", title)
        case .addMilestone(let m, _, _): return L("Added %@", "“\(m.title)”")
        case .updateMilestone(let m): return L("Restored %@", "“\(m.title)”")
        case .editMilestone(_, let newTitle, _, _, _, _, _, _): return L("Edited %@", "“\(newTitle)”")
        case .moveDue(_, let to, _):
            let target = to?.description ?? L("no date")
            return milestone?.due.map { L("Moved the due of %@ from %@ to %@", title, "\($0)", target) } ?? L("Moved the due of %@ to %@", title, target)
        case .movePhaseEnd, .setPhaseActualEnd, .restorePhaseDates: return recordID
        case .removeMilestone: return L("Removed %@", title)
        case .setCountryNotes(let id, _): return L("Edited the notes of %@", id)
        case .setRecord(let ref, _, _): return L("Set fields of %@", "\(ref)")
        case .addRecord(let ref, _, _): return L("Added %@", "\(ref)")
        case .removeRecord(let ref): return L("Removed %@", "\(ref)")
        case .setResult(let ref, let kind, _, _): return L("Set the %@ of %@", kind.word, "\(ref)")
        case .scoreSDG(let country, let date, _, _, _, _), .setAssessment(let country, let date, _):
            return L("Scored SDG 11.a.1 of %@ on %@", country, "\(date)")
        case .markTemplate(_, let stage, let template):
            return template.map { L("Marked %@ as the template's “%@”", title, $0.item) } ?? L("Unmarked %@", title) + (stage.map { " (\($0.text))" } ?? "")
        case .setIATI(let setting): return setting.summary
        case .batch(_, let summary): return summary
        }
    }

    /// True for a tick.
    public var isTick: Bool { if case .tick = self { true } else { false } }

    /// True for the edits that change one milestone's record and nothing else (`Milestone.apply`).
    public var changesOneMilestone: Bool {
        switch self {
        case .tick, .untick, .updateMilestone, .editMilestone, .moveDue, .addNote, .markTemplate: true
        case .addMilestone, .removeMilestone, .setCountryNotes, .movePhaseEnd, .setPhaseActualEnd, .restorePhaseDates,
             .setRecord, .addRecord, .removeRecord, .setResult, .scoreSDG, .setAssessment, .setIATI, .batch: false
        }
    }

    /// The record the edit changes: a milestone's id, a country's for its notes, a phase's number.
    public var recordID: String {
        switch self {
        case .tick(let id, _, _, _, _), .untick(let id, _, _), .removeMilestone(let id), .editMilestone(let id, _, _, _, _, _, _, _),
             .moveDue(let id, _, _), .addNote(let id, _), .markTemplate(let id, _, _): id
        case .batch(let edits, _): edits.first?.recordID ?? ""
        case .movePhaseEnd(let n, _, _), .setPhaseActualEnd(let n, _): String(n)
        case .restorePhaseDates(let dates): String(dates.number)
        case .addMilestone(let m, _, _), .updateMilestone(let m): m.id
        case .setCountryNotes(let id, _): id
        case .setRecord(let ref, _, _), .addRecord(let ref, _, _), .removeRecord(let ref), .setResult(let ref, _, _, _): ref.id
        case .scoreSDG(let country, _, _, _, _, _), .setAssessment(let country, _, _): country
        case .setIATI: "iati"
        }
    }
}

/// A phase's dates, as `restorePhaseDates` puts them back.
public struct PhaseDates: Hashable, Sendable {
    public var number: Int
    public var end: CalendarDate
    public var plannedEnd: CalendarDate?
    public var endChanges: [DateChange]
    public var actualEnd: CalendarDate?

    public init(_ phase: Phase) {
        number = phase.number; end = phase.end; plannedEnd = phase.plannedEnd
        endChanges = phase.endChanges; actualEnd = phase.actualEnd
    }
}

/// A milestone's fields as an edit form shows them (`Edit.editMilestone`'s `from`).
public struct MilestoneFields: Hashable, Sendable {
    public var title: String
    public var due: CalendarDate?
    public var note: String?
    public var evidence: String?
    public var doneOn: CalendarDate?

    public init(_ m: Milestone) {
        title = m.title; due = m.due; note = m.note; evidence = m.evidence; doneOn = m.doneOn
    }
}
