import Foundation
import Model
import Presentation

extension AppState {
    /// The only place state changes. Pure: `now` is passed in; I/O is returned as effects. Each
    /// concern has its reducer (`reduceNavigation`, `reduceEditing`, `reduceSearch`,
    /// `reduceCommits`, `reduceSync`); this one routes every action to one of them.
    mutating func reduce(_ action: Action, now: Date) -> [Effect] {
        clock = now
        defer { if message != nil, message?.at == nil { message?.at = now } }
        switch action {
        case .quit, .resize, .toggleHelp, .toggleMessages, .viewRecord, .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom, .scroll,
             .selectPanel, .nextPanel, .previousPanel, .back, .open, .panLeft, .panRight, .zoomIn,
             .zoomOut, .timelineFit, .timelineToday, .timelineGoTo, .openGoTo, .openAgenda, .interrupted, .answerQuit, .toggleBaseline, .cyclePhaseFilter, .cycleSort, .showOverdue,
             .cycleStatusFilter, .click, .clock, .newDay, .unknownKey:
            return reduceNavigation(action, now: now)
        case .toggleMilestone, .add, .addNote, .edit, .remove, .confirm, .fieldEdit, .fieldEdits, .nextField, .previousField,
             .submit, .cancel, .editInEditor, .recordValue, .scoreSDG, .applyTemplate, .editorFinished, .startReport, .reportWritten, .reportExists:
            return reduceEditing(action, now: now)
        case .startSearch, .nextMatch, .previousMatch:
            return reduceSearch(action, now: now)
        case .undo, .redo, .committed, .reloaded, .storeRead, .commitFailed, .saving:
            return reduceCommits(action, now: now)
        case .sync, .stopWork, .synced, .notice, .historyLoaded, .syncConflict, .settleConflict, .editConflict:
            return reduceSync(action, now: now)
        }
    }

    /// Forgets undo and redo (another officer's version arrived: replaying inverses worked out on
    /// ours could undo their work). True when there was history to forget.
    mutating func startHistoryAgain() -> Bool {
        let had = !undoStack.isEmpty || !redoStack.isEmpty
        undoStack.removeAll(); redoStack.removeAll()
        return had
    }

    /// True (and says why) when the store may not be written.
    mutating func refuseIfReadOnly() -> Bool {
        guard let readOnlyReason else { return false }
        message = Message(text: L("Nothing was changed: read-only, %@.", readOnlyReason), kind: .error)
        return true
    }

    /// An edit to save, with the edit that undoes it.
    mutating func commit(_ edit: Edit) -> [Effect] {
        if refuseIfReadOnly() { return [] }
        do {
            // A record's change the record refuses (its rules) is said here, plainly, with the
            // undo history kept; not sent to be refused by the save as if someone else had saved.
            switch edit {
            case .setRecord, .addRecord, .removeRecord, .setResult, .scoreSDG, .setAssessment, .batch: _ = try programme.applying(edit)
            default: break
            }
            return [.commit(UndoRecord(edit: edit, inverse: try programme.inverse(of: edit)), .new)]
        } catch {
            message = Message(text: error.description, kind: .error)
            return []
        }
    }
}
