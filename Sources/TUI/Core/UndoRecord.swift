import Model
import Presentation

/// An edit together with the edit that undoes it.
struct UndoRecord: Equatable, Sendable {
    var edit: Edit
    var inverse: Edit
}
