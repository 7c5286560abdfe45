/// One difference between two versions of the record, as an officer would say it: a milestone
/// ticked, unticked, added, edited or removed, or a country's notes changed; with what it was and
/// what it became.
public struct RecordChange: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable { case tick, untick, add, edit, remove, notes }

    public var kind: Kind
    /// The milestone's id, or the country's for notes.
    public var id: String
    /// The milestone's title (the new one for an edit), or the country's name.
    public var title: String
    /// Who did it, where the record says (the officer of a tick).
    public var officer: String?
    /// When, where the record says (the moment of a tick, ISO 8601 UTC).
    public var moment: String?
    /// The country the record belongs to (nil for a phase's own milestone).
    public var country: String?
    /// What changed, field by field: "due: 2026-11 → 2026-12".
    public var details: [String]

    public init(kind: Kind, id: String, title: String, officer: String? = nil, moment: String? = nil,
                country: String? = nil, details: [String] = []) {
        self.kind = kind; self.id = id; self.title = title; self.officer = officer; self.moment = moment
        self.country = country; self.details = details
    }

    /// What changed from `old` to `new`, milestones in the new record's order, then removals,
    /// then notes. One pass over each version.
    public static func between(_ old: Programme, _ new: Programme) -> [RecordChange] {
        var before: [String: Milestone] = [:]
        var oldOwners: [String: String?] = [:]
        for entry in old.milestoneEntries {
            before[entry.milestone.id] = entry.milestone
            oldOwners[entry.milestone.id] = entry.countryID
        }
        var changes: [RecordChange] = []
        var seen = Set<String>()
        // Where the change of a template applied to a country stands in `changes`.
        var applied: [String: Int] = [:]
        for entry in new.milestoneEntries {
            let m = entry.milestone
            let country = entry.countryID
            seen.insert(m.id)
            guard let was = before[m.id] else {
                // A template's items added together are one change: the template applied.
                if let template = m.template, let country, let at = applied[country + "/" + template.id] {
                    changes[at].details.append(m.id + (m.due.map { " (due \($0))" } ?? ""))
                    continue
                }
                if let template = m.template, let country {
                    applied[country + "/" + template.id] = changes.count
                    changes.append(RecordChange(kind: .add, id: "template:\(template.id)", title: "\(template.id) applied to \(new.country(country)?.name ?? country)",
                                                country: country, details: [m.id + (m.due.map { " (due \($0))" } ?? "")]))
                    continue
                }
                changes.append(RecordChange(kind: .add, id: m.id, title: m.title, country: country,
                                            details: m.due.map { ["due: \($0)"] } ?? []))
                if m.done { changes.append(RecordChange(kind: .tick, id: m.id, title: m.title, officer: m.doneBy, moment: m.doneAt, country: country)) }
                continue
            }
            if m.done && !was.done {
                changes.append(RecordChange(kind: .tick, id: m.id, title: m.title, officer: m.doneBy, moment: m.doneAt, country: country))
            }
            if !m.done && was.done {
                changes.append(RecordChange(kind: .untick, id: m.id, title: m.title, country: country,
                                            details: ["ticked" + (was.doneBy.map { " by \($0)" } ?? "") + (was.doneAt.map { " at \($0)" } ?? "") + " → open"]))
            }
            var details: [String] = []
            func field(_ name: String, _ a: String?, _ b: String?) {
                if a != b { details.append(RecordChange.detail(name, a, b)) }
            }
            field("title", was.title, m.title)
            field("due", was.due?.description, m.due?.description)
            if m.dueChanges.count > was.dueChanges.count, let reason = m.dueChanges.last?.reason { details.append(RecordChange.why(reason, of: "due")) }
            if m.done && was.done { field("achieved on", was.doneOn?.description, m.doneOn?.description) }
            for n in m.notes.dropFirst(was.notes.count) where !was.notes.contains(n) { details.append(RecordChange.added(n)) }
            field("note", was.note, m.note)
            field("evidence", was.evidence, m.evidence)
            if !details.isEmpty { changes.append(RecordChange(kind: .edit, id: m.id, title: m.title, country: country, details: details)) }
        }
        for entry in old.milestoneEntries where !seen.contains(entry.milestone.id) {
            changes.append(RecordChange(kind: .remove, id: entry.milestone.id, title: entry.milestone.title,
                                        country: oldOwners[entry.milestone.id] ?? nil))
        }
        // A phase's end moved, or its actual end recorded.
        for phase in new.phases {
            guard let was = old.phase(phase.number) else { continue }
            var details: [String] = []
            if was.end != phase.end { details.append(RecordChange.detail("planned end", was.end.description, phase.end.description)) }
            if phase.endChanges.count > was.endChanges.count, let reason = phase.endChanges.last?.reason { details.append(RecordChange.why(reason, of: "end")) }
            if was.actualEnd != phase.actualEnd {
                details.append(RecordChange.detail("actual end", was.actualEnd?.description, phase.actualEnd?.description))
            }
            if !details.isEmpty {
                changes.append(RecordChange(kind: .edit, id: "phase-\(phase.number)", title: "Phase \(phase.number)", details: details))
            }
        }
        var oldNotes: [String: String] = [:]
        for country in old.countries { oldNotes[country.id] = country.notes }
        for country in new.countries where oldNotes[country.id].map({ $0 != country.notes }) ?? !country.notes.isEmpty {
            changes.append(RecordChange(kind: .notes, id: country.id, title: country.name, country: country.id,
                                        details: ["notes: “\(oldNotes[country.id] ?? "")” → “\(country.notes)”"]))
        }
        return changes + recordsBetween(old, new)
    }

    /// Every other record added, removed or changed (`knupp add|set|remove`), field by field.
    /// What the lines above tell already (a country's notes, a phase's ends) is not told twice.
    static func recordsBetween(_ old: Programme, _ new: Programme) -> [RecordChange] {
        let toldElsewhere: [RecordKind: Set<String>] = [.country: ["notes"], .phase: ["end", "plannedEnd", "endChanges", "actualEnd"]]
        var changes: [RecordChange] = []
        for kind in RecordKind.allCases {
            let before = old.allMembers(kind), after = new.allMembers(kind)
            let was = Dictionary(before.map { ($0.ref, $0.members) }, uniquingKeysWith: { a, _ in a })
            let now = Set(after.map(\.ref))
            func title(_ ref: RecordRef, _ members: [String: JSONValue]) -> String {
                Programme.word(members["name"]) ?? Programme.word(members["title"]) ?? ref.id
            }
            let id = { (ref: RecordRef) in "\(ref.kind.rawValue):" + (ref.country.map { "\($0)/" } ?? "") + ref.id }
            for (ref, members) in after {
                guard let old = was[ref] else {
                    changes.append(RecordChange(kind: .add, id: id(ref), title: title(ref, members), country: ref.country ?? (kind == .country ? ref.id : nil)))
                    continue
                }
                guard old != members else { continue }
                var details: [String] = []
                for key in Set(old.keys).union(members.keys).sorted() where old[key] != members[key] && !(toldElsewhere[kind]?.contains(key) ?? false) {
                    if key.hasSuffix("Changes") { continue } // a dated value's log: its day is said below
                    if let told = resultDetails(key, old[key], members[key]) { details += told; continue }
                    details.append(detail(key, old[key].map(\.shown), members[key].map(\.shown)))
                }
                if let dated = Programme.datedFields[kind], case .array(let log)? = members[dated.log], case .object(let last)? = log.last,
                   log.count > { if case .array(let l)? = old[dated.log] { l.count } else { 0 } }() {
                    if let on = Programme.word(last["on"]) { details.append("\(dated.field) changed on \(on)") }
                }
                if !details.isEmpty {
                    changes.append(RecordChange(kind: .edit, id: id(ref), title: title(ref, members), country: ref.country ?? (kind == .country ? ref.id : nil),
                                                details: details))
                }
            }
            for (ref, members) in before where !now.contains(ref) {
                changes.append(RecordChange(kind: .remove, id: id(ref), title: title(ref, members), country: ref.country ?? (kind == .country ? ref.id : nil)))
            }
        }
        return changes
    }

    // The words of a change's details, one way for every history (git's versions compared, or
    // what the store dates).

    /// "due: “2026-11” → “2027-03”"; "none" for no value.
    public static func detail(_ name: String, _ old: String?, _ new: String?) -> String {
        "\(name): \(old.map { "“\($0)”" } ?? "none") → \(new.map { "“\($0)”" } ?? "none")"
    }

    /// "why the due moved: “the ministry's review”".
    public static func why(_ reason: String, of what: String) -> String { "why the \(what) moved: “\(reason)”" }

    /// "note added: “Workshop held”", "evidence added: “https://…”".
    public static func added(_ n: MilestoneNote) -> String { (n.kind == .evidence ? "evidence added: " : "note added: ") + "“\(n.text)”" }
}
