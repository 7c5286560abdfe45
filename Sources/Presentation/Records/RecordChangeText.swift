import Model

/// Changes to the record in words: "Amina ticked “Draft of …”".
public enum RecordChangeText {
    /// "ticked", "edited": the verb of a change, as the history and the reports list it.
    public static func verb(_ kind: RecordChange.Kind) -> String {
        switch kind {
        case .tick: "ticked"
        case .untick: "unticked"
        case .add: "added"
        case .edit: "edited"
        case .remove: "removed"
        case .notes: "notes"
        }
    }

    public static func sentence(_ change: RecordChange) -> String {
        let who = change.officer ?? "Another officer"
        let title = "“\(change.title)”"
        switch change.kind {
        case .tick: return "\(who) ticked \(title)"
        case .untick: return "\(who) unticked \(title)"
        case .add: return "\(who) added \(title)"
        case .edit: return "\(who) edited \(title)"
        case .remove: return "\(who) removed \(title)"
        case .notes: return "\(who) edited the notes of \(change.title)"
        }
    }

    /// The changes on one line: the first in full, then how many more. A tick that came with a
    /// new note is one thing the officer did: it reads as one ("ticked “…” and edited it").
    public static func summary(_ changes: [RecordChange]) -> String {
        guard let first = changes.first else { return "no change to the record" }
        let rest = changes.dropFirst()
        let alsoEdited = first.kind != .edit && rest.contains { $0.id == first.id && $0.kind == .edit }
        let more = rest.filter { !($0.id == first.id && $0.kind == .edit) }.count
        return sentence(first) + (alsoEdited ? " and edited it" : "") + (more > 0 ? " and \(more) more change\(more == 1 ? "" : "s")" : "")
    }
}
