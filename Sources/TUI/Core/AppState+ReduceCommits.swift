import Foundation
import Model
import Presentation

extension AppState {
    /// Saves and their outcome, undo and redo, and other officers' versions arriving.
    mutating func reduceCommits(_ action: Action, now: Date) -> [Effect] {
        switch action {
        case .undo:
            guard let record = undoStack.last else {
                message = Message(text: L("Nothing to undo."))
                return []
            }
            if refuseIfReadOnly() { return [] }
            return [.commit(UndoRecord(edit: record.inverse, inverse: record.edit), .undo)]
        case .redo:
            guard let record = redoStack.last else {
                message = Message(text: L("Nothing to redo."))
                return []
            }
            if refuseIfReadOnly() { return [] }
            return [.commit(record, .redo)]
        case .committed(let programme, let revision, let reloaded, let record, let origin, let notes, let changed):
            // Undoing says what is undone ("Undone: Ticked “…”"), not the edit that undoes it; named
            // from the record where the milestone stands (after undoing a removal, the new one).
            let summary = origin == .undo ? record.inverse.summary(in: programme) : record.edit.summary(in: self.programme)
            let theirs = reloaded ? RecordChange.between(self.programme, programme).filter { $0.id != record.edit.recordID } : []
            var tickOf: String?
            switch record.edit {
            case .tick(let id, _, _, _, _), .untick(let id, _, _), .addNote(let id, _): tickOf = reloaded ? nil : id
            default: tickOf = nil
            }
            setProgramme(programme, tickOf: tickOf)
            justTicked = origin == .new && record.edit.isTick ? record.edit.recordID : nil
            self.revision = revision
            switch origin {
            case _ where reloaded:
                // The undo records were worked out on a version someone else has since changed;
                // replaying them could undo their work. History starts again here.
                undoStack.removeAll(); redoStack.removeAll()
            case .new:
                undoStack.append(record); redoStack.removeAll()
            case .undo:
                // popLast, not removeLast: a reload may have emptied the history since the undo was asked for.
                _ = undoStack.popLast()
                redoStack.append(UndoRecord(edit: record.inverse, inverse: record.edit))
            case .redo:
                _ = redoStack.popLast()
                undoStack.append(record)
            }
            // In the Milestones panel, the milestone added is the selection (e edits it next).
            if case .addMilestone(let m, _, _) = record.edit, detail == nil, panel == .milestones, milestoneRow(of: m.id) != nil {
                placeMilestoneCursor(on: m.id)
            }
            if case .addMilestone(let m, .country(let id), _) = record.edit, detail?.countryID == id {
                detail?.selection = .milestone(m.id) // the officer sees what they added (or got back)
            }
            // A record added (or got back): the selection, where it is shown, so e edits it next.
            if case .addRecord(let ref, _, _) = record.edit {
                if detail != nil, ref.kind.belongsToCountry || (ref.kind == .country && detail?.countryID == ref.id) {
                    detail?.selection = .record(ref)
                } else if detail == nil, panel == .overview {
                    overviewCursor.selection = .record(ref)
                } else if detail == nil, panel == .countries, ref.kind == .country, let row = countryRows.firstIndex(of: .country(ref.id)) {
                    countryCursor.index = row
                }
            }
            let prefix = origin == .undo ? L("Undone:") + " " : (origin == .redo ? L("Redone:") + " " : "")
            if !changed {
                // Their version already had it (both ticked the same milestone): nothing written.
                message = Message(text: L("Nothing to save: another officer's version already has it (revision %@)", "\(revision)")
                                  + (theirs.isEmpty ? "." : ": " + RecordChangeText.summary(theirs) + "."), kind: .warning)
                clampDetail()
                return []
            }
            // A note first (a lock left behind matters more than the save's own words), the line being cut at the width.
            message = Message(text: notes.map { $0 + " " }.joined() + L("Saved (revision %@).", "\(revision)") + " "
                              + (reloaded ? L("Another officer had saved first") + (theirs.isEmpty ? "" : " (\(RecordChangeText.summary(theirs)))")
                                 + ": " + L("kept their changes and applied yours (undo history starts again here).") + " " : "")
                              + prefix + summary + "."
                              // Just ticked: a note of how it was achieved is one key away (c).
                              + (origin == .new && record.edit.isTick ? " " + L("c adds a note.") : ""),
                              kind: reloaded || !notes.isEmpty ? .warning : .info)
            clampDetail()
        case .reloaded(let programme, let revision):
            let changes = RecordChange.between(self.programme, programme)
            let replaced = revision < self.revision
            setProgramme(programme)
            self.revision = revision
            let hadHistory = startHistoryAgain()
            message = Message(text: (replaced ? L("The store was replaced by another one (knupp init --force?); reloaded")
                                     : changes.isEmpty ? L("Reloaded: the store was changed on disk") : RecordChangeText.summary(changes))
                              + " (" + L("revision %@", "\(revision)") + ")" + (hadHistory ? "; " + L("undo history starts again here.") : "."), kind: .warning)
            clampDetail()
        case .commitFailed(let text, let programme, let revision):
            var hadHistory = false
            if let programme {
                // Their version is loaded now: undo records worked out on ours must not replay over it.
                setProgramme(programme)
                hadHistory = startHistoryAgain()
            }
            if let revision { self.revision = revision }
            message = Message(text: text + (hadHistory ? " " + L("Undo history starts again here.") : ""), kind: .error, at: now)
            clampDetail()
        case .saving(let edit):
            message = Message(text: L("Saving…") + " " + edit.summary(in: programme))
        default:
            break
        }
        return []
    }
}
