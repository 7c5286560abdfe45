import Foundation

extension Milestone {
    /// Applies an edit of this one milestone (a tick, an untick, an edit in the form, a restore)
    /// in place. A tick of a milestone already done keeps the first tick's record. Other edits
    /// (adding, removing, a country's notes) are not this record's: `Edit.changesOneMilestone`.
    public mutating func apply(_ edit: Edit) throws(EditError) {
        switch edit {
        case .tick(let id, let by, let at, let note, let on):
            guard id == self.id else { throw .unknownMilestone(id) }
            if let note { self.note = note.isEmpty ? nil : note }
            if let on { doneOn = on }
            guard !done else { return }
            done = true; doneBy = by; doneAt = at
        case .untick(let id):
            guard id == self.id else { throw .unknownMilestone(id) }
            done = false; doneBy = nil; doneAt = nil; doneOn = nil
        case .updateMilestone(let new):
            guard new.id == id else { throw .unknownMilestone(new.id) }
            guard !new.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .emptyTitle }
            self = new
        case .editMilestone(let id, let newTitle, let due, let note, let evidence):
            guard id == self.id else { throw .unknownMilestone(id) }
            guard !newTitle.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .emptyTitle }
            title = newTitle; self.due = due
            self.note = note?.isEmpty == true ? nil : note
            self.evidence = evidence?.isEmpty == true ? nil : evidence
        case .addMilestone, .removeMilestone, .setCountryNotes:
            throw .unknownMilestone(edit.recordID)
        }
    }
}
