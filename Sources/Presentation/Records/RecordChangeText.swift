import Model

/// Changes to the record in words: "Amina ticked “Draft of …”".
public enum RecordChangeText {
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

    /// The changes on one line: the first in full, then how many more.
    public static func summary(_ changes: [RecordChange]) -> String {
        guard let first = changes.first else { return "no change to the record" }
        let more = changes.count - 1
        return sentence(first) + (more > 0 ? " and \(more) more change\(more == 1 ? "" : "s")" : "")
    }
}
