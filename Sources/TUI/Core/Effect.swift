import Model
import Presentation

/// Work for the runtime; its outcome comes back as an action.
enum Effect: Equatable, Sendable {
    /// Save `record.edit` through the store's safe save.
    case commit(UndoRecord, CommitOrigin)
    /// Hand the terminal to $EDITOR with this text.
    case runEditor(String)
    case quit
}
