import Model
import Presentation

/// Why a commit was made: a new change, or undoing or redoing one.
enum CommitOrigin: Equatable, Sendable {
    case new, undo, redo
}
