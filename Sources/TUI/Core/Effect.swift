import Model
import Presentation

/// Work for the runtime; its outcome comes back as an action.
enum Effect: Equatable, Sendable {
    /// Save `record.edit` through the store's safe save.
    case commit(UndoRecord, CommitOrigin)
    /// Hand the terminal to $EDITOR with this text.
    case runEditor(String)
    /// Commit, merge and send the store through git (`knupp sync`).
    /// `prefer`: the side every conflicting field takes (after the conflict dialog).
    case sync(prefer: StoreMerge.Preference?)
    /// Read the record's history for the Activity panel.
    case loadHistory
    /// Stop the work under way (a sync): the officer pressed Esc.
    case stopWork
    /// Write the progress report the form asked for (a `~` in the file is the home folder).
    case writeReport(ReportRequest)
    case quit
}
