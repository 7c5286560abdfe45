import Model

/// Changes to the record in words: "Amina ticked “Draft of …”".
public enum RecordChangeText {
    /// "ticked", "edited": the verb of a change, as the history and the reports list it.
    public static func verb(_ kind: RecordChange.Kind) -> String {
        switch kind {
        case .tick: L("ticked")
        case .untick: L("unticked")
        case .add: L("added")
        case .edit: L("edited")
        case .remove: L("removed")
        case .notes: L("notes")
        }
    }

    public static func sentence(_ change: RecordChange) -> String {
        let who = change.officer ?? L("Another officer")
        let title = "“\(change.title)”"
        switch change.kind {
        case .tick: return L("%@ ticked %@", who, title)
        case .untick: return L("%@ unticked %@", who, title)
        case .add: return L("%@ added %@", who, title)
        case .edit: return L("%@ edited %@", who, title)
        case .remove: return L("%@ removed %@", who, title)
        case .notes: return L("%@ edited the notes of %@", who, change.title)
        }
    }

    /// The changes on one line: the first in full, then how many more. A tick that came with a
    /// new note is one thing the officer did: it reads as one ("ticked “…” and edited it").
    public static func summary(_ changes: [RecordChange]) -> String {
        guard let first = changes.first else { return L("no change to the record") }
        let rest = changes.dropFirst()
        let alsoEdited = first.kind != .edit && rest.contains { $0.id == first.id && $0.kind == .edit }
        let more = rest.filter { !($0.id == first.id && $0.kind == .edit) }.count
        return sentence(first) + (alsoEdited ? " " + L("and edited it") : "") + (more > 0 ? " " + (more == 1 ? L("and 1 more change") : L("and %@ more changes", "\(more)")) : "")
    }
}
