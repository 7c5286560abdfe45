import Model

/// An edit in one line, in the officer's language: "Ticked “…”", "“…” 완료 표시". The English is
/// the model's own (`Edit.summary`), which git's commit messages and the tests of the model keep;
/// this gives the other languages the same facts. The record's text in it stays as it is.
public enum EditText {
    public static func summary(_ edit: Edit, in programme: Programme) -> String {
        guard Texts.language != .en else { return edit.summary(in: programme) }
        switch edit {
        case .addMilestone(let m, let owner, _): return L("Added “%@” to %@", m.title, programme.ownerText(owner))
        case .setCountryNotes(let id, _): return L("Edited the notes of %@", programme.country(id)?.name ?? id)
        case .movePhaseEnd(let n, let to, _):
            return L("Moved the planned end of Phase %@ to %@", "\(n)", "\(to)") + (programme.phase(n).map { " (" + L("from %@", "\($0.end)") + ")" } ?? "")
        case .setPhaseActualEnd(let n, let to):
            return to.map { L("Recorded that Phase %@ ended %@", "\(n)", "\($0)") } ?? L("Took away the actual end of Phase %@", "\(n)")
        case .restorePhaseDates(let dates): return L("Restored the dates of Phase %@", "\(dates.number)")
        case .setRecord(let ref, let values, _):
            let fields = values.keys.sorted().filter { $0 != "stageChanges" }.joined(separator: ", ")
            return L("Set %@ of %@ %@", fields, ref.kind.noun, programme.recordName(ref))
        case .addRecord(let ref, _, _): return L("Added %@ %@", ref.kind.noun, ref.id)
        case .removeRecord(let ref): return L("Removed %@ %@", ref.kind.noun, programme.recordName(ref))
        case .setResult(let ref, let kind, let date, let value):
            let what = kind == .actual ? L("actual") : kind == .target ? L("target") : L("baseline")
            let name = programme.recordName(ref)
            guard let value else { return L("Took away the %@ of “%@” of %@", what, name, "\(date)") }
            return L("Recorded the %@ of “%@”: %@ (%@)", what, name, value.shown, "\(value.date)")
        case .scoreSDG(let country, let date, _, let e, _, _):
            return L("Recorded %@'s SDG 11.a.1 scores of %@ on %@", e.evaluator, programme.country(country)?.name ?? country, "\(date)")
                + " (a \(e.a), b \(e.b), c \(e.c))"
        case .setAssessment(let country, let date, let assessment):
            return (assessment == nil ? L("Took away the SDG 11.a.1 assessment of %@ on %@", programme.country(country)?.name ?? country, "\(date)")
                : L("Restored the SDG 11.a.1 assessment of %@ on %@", programme.country(country)?.name ?? country, "\(date)"))
        case .batch(_, let summary): return summary
        default: return summary(edit, of: programme.milestone(edit.recordID))
        }
    }

    /// The same for an edit of one milestone, given that milestone as it was before.
    public static func summary(_ edit: Edit, of milestone: Milestone?) -> String {
        guard Texts.language != .en else { return edit.summary(of: milestone) }
        let title = "“\(milestone?.title ?? edit.recordID)”"
        switch edit {
        case .tick(_, _, _, let note, let on):
            if let milestone, milestone.done, let on, on != milestone.doneOn, note == nil { return L("Recorded %@ as achieved on %@", title, "\(on)") }
            if let milestone, milestone.done, note != nil { return L("Added a note to %@", title) }
            return L("Ticked %@", title)
        case .untick: return L("Unticked %@", title)
        case .addNote(_, let entry): return entry.kind == .evidence ? L("Added evidence to %@", title) : L("Added a note to %@", title)
        case .addMilestone(let m, _, _): return L("Added %@", "“\(m.title)”")
        case .updateMilestone(let m): return L("Restored %@", "“\(m.title)”")
        case .editMilestone(_, let newTitle, _, _, _, _, _): return L("Edited %@", "“\(newTitle)”")
        case .moveDue(_, let to, _):
            return L("Moved the due of %@ to %@", title, to?.description ?? L("no date")) + (milestone?.due.map { " (" + L("from %@", "\($0)") + ")" } ?? "")
        case .removeMilestone: return L("Removed %@", title)
        case .markTemplate(_, let stage, let template):
            return template.map { L("Marked %@ as the template's “%@”", title, $0.item) } ?? L("Unmarked %@", title) + (stage.map { " (\($0.text))" } ?? "")
        default: return edit.summary(of: milestone)
        }
    }
}
