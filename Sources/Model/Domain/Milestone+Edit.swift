import Foundation

extension Milestone {
    /// Applies an edit of this one milestone (a tick, an untick, an edit in the form, a restore)
    /// in place. A tick of a milestone already done keeps the first tick's record. Other edits
    /// (adding, removing, a country's notes) are not this record's: `Edit.changesOneMilestone`.
    public mutating func apply(_ edit: Edit) throws(EditError) {
        switch edit {
        case .tick(let id, let by, let at, let note, let on):
            guard id == self.id else { throw .unknownMilestone(id) }
            if let note, !note.isEmpty { notes.append(MilestoneNote(text: note, by: by, at: at)) }
            if let on { redate(to: on, by: by, at: at) }
            guard !done else { return }
            done = true; doneBy = by; doneAt = at
        case .markTemplate(let id, let stage, let template):
            guard id == self.id else { throw .unknownMilestone(id) }
            self.stage = stage; self.template = template
        case .untick(let id, let by, let at):
            guard id == self.id else { throw .unknownMilestone(id) }
            if done, let by, let at, doneBy != nil || doneAt != nil || doneOn != nil {
                let record = "Unticked: it had been ticked" + (doneBy.map { " by \($0)" } ?? "") + (doneAt.map { " at \($0)" } ?? "")
                    + (doneOn.map { ", achieved on \($0)" } ?? "") + "."
                notes.append(MilestoneNote(text: record, by: by, at: at))
            }
            done = false; doneBy = nil; doneAt = nil; doneOn = nil
        case .updateMilestone(let new):
            guard new.id == id else { throw .unknownMilestone(new.id) }
            guard !new.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .emptyTitle }
            self = new
        case .editMilestone(let id, let newTitle, let due, let note, let evidence, let move, let achievedOn, let from):
            guard id == self.id else { throw .unknownMilestone(id) }
            guard !newTitle.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .emptyTitle }
            // Only what the officer changed from what the form showed (all of it, without `from`):
            // the rest stays as the record has it now, a colleague's change included.
            let (note, evidence) = (note?.isEmpty == true ? nil : note, evidence?.isEmpty == true ? nil : evidence)
            if from?.title != newTitle { title = newTitle }
            if from?.due != due {
                if let move { moveDue(to: due, move) } else if due != self.due { plannedDue = plannedDue ?? self.due; self.due = due }
            }
            if from?.note != note { self.note = note }
            if from?.evidence != evidence { self.evidence = evidence }
            if let achievedOn, done, from?.doneOn != achievedOn {
                if let move { redate(to: achievedOn, by: move.by, at: move.at) } else { doneOn = achievedOn }
            }
        case .moveDue(let id, let to, let move):
            guard id == self.id else { throw .unknownMilestone(id) }
            moveDue(to: to, move)
        case .addNote(let id, let entry):
            guard id == self.id else { throw .unknownMilestone(id) }
            guard !entry.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .emptyNote }
            notes.append(entry)
        case .addMilestone, .removeMilestone, .setCountryNotes, .movePhaseEnd, .setPhaseActualEnd, .restorePhaseDates,
             .setRecord, .addRecord, .removeRecord, .setResult, .scoreSDG, .setAssessment, .setIATI, .batch:
            throw .unknownMilestone(edit.recordID)
        }
    }
}

extension Milestone {
    /// Sets the day it was achieved; a day it replaces is kept in the log, with who and when.
    mutating func redate(to day: CalendarDate?, by: String, at: String) {
        if let old = doneOn, old != day {
            notes.append(MilestoneNote(text: "The day achieved was \(old); now " + (day.map { "\($0)." } ?? "not given."), by: by, at: at))
        }
        doneOn = day
    }

    /// Moves the due: the first plan is kept (`plannedDue`) and the move listed; nothing when
    /// the due stays.
    mutating func moveDue(to new: CalendarDate?, _ move: DateMove) {
        guard let (change, planned) = move.change(from: due, to: new, planned: plannedDue) else { return }
        dueChanges.append(change)
        plannedDue = planned
        due = new
    }
}
