/// One difference between two versions of the record, as an officer would say it: a milestone
/// ticked, unticked, added, edited or removed, or a country's notes changed.
public struct RecordChange: Equatable, Sendable {
    public enum Kind: String, Sendable { case tick, untick, add, edit, remove, notes }

    public var kind: Kind
    /// The milestone's id, or the country's for notes.
    public var id: String
    /// The milestone's title (the new one for an edit), or the country's name.
    public var title: String
    /// Who did it, where the record says (the officer of a tick).
    public var officer: String?

    public init(kind: Kind, id: String, title: String, officer: String? = nil) {
        self.kind = kind; self.id = id; self.title = title; self.officer = officer
    }

    /// What changed from `old` to `new`, milestones in the new record's order, then removals,
    /// then notes. One pass over each version.
    public static func between(_ old: Programme, _ new: Programme) -> [RecordChange] {
        var before: [String: Milestone] = [:]
        for entry in old.milestoneEntries { before[entry.milestone.id] = entry.milestone }
        var changes: [RecordChange] = []
        var seen = Set<String>()
        for entry in new.milestoneEntries {
            let m = entry.milestone
            seen.insert(m.id)
            guard let was = before[m.id] else {
                changes.append(RecordChange(kind: .add, id: m.id, title: m.title))
                continue
            }
            if m.done && !was.done { changes.append(RecordChange(kind: .tick, id: m.id, title: m.title, officer: m.doneBy)) }
            if !m.done && was.done { changes.append(RecordChange(kind: .untick, id: m.id, title: m.title)) }
            if m.title != was.title || m.due != was.due || m.note != was.note || m.evidence != was.evidence {
                changes.append(RecordChange(kind: .edit, id: m.id, title: m.title))
            }
        }
        for entry in old.milestoneEntries where !seen.contains(entry.milestone.id) {
            changes.append(RecordChange(kind: .remove, id: entry.milestone.id, title: entry.milestone.title))
        }
        var oldNotes: [String: String] = [:]
        for country in old.countries { oldNotes[country.id] = country.notes }
        for country in new.countries where oldNotes[country.id].map({ $0 != country.notes }) ?? !country.notes.isEmpty {
            changes.append(RecordChange(kind: .notes, id: country.id, title: country.name))
        }
        return changes
    }
}
