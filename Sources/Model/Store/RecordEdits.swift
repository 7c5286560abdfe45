import Foundation

/// Every kind of record added, changed and removed by one engine, driven by the records' tables
/// of fields (`StoreTables.swift`): a record is turned into its members as the file holds them,
/// the officer's values are set among them, and the result is read back by the very decoder that
/// reads the file, so a value the file would refuse is refused here, with the field's words. A
/// new field of any record can be set as soon as its table names it.
extension Programme {
    /// The fields of a kind of record, in the file's order: key, what it holds, whether the file
    /// must have it.
    public static func fields(of kind: RecordKind) -> [(key: String, kind: FieldKind, required: Bool)] {
        func of<R: StoreRecord>(_: R.Type) -> [(key: String, kind: FieldKind, required: Bool)] {
            R.storeTable.fields.map { ($0.key, $0.kind, $0.isRequired) }
        }
        switch kind {
        case .country: return of(Country.self)
        case .policy: return of(PolicyDocument.self)
        case .project: return of(DemonstrationProject.self)
        case .event: return of(Event.self)
        case .publication: return of(Publication.self)
        case .contact: return of(Contact.self)
        case .partner: return of(Partner.self)
        case .prospect: return of(ProspectiveCountry.self)
        case .goal: return of(Goal.self)
        case .phase: return of(Phase.self)
        case .indicator: return of(Indicator.self)
        case .budget: return of(Budget.self)
        case .expenditure: return of(Expenditure.self)
        case .counterpart: return of(Counterpart.self)
        }
    }

    /// The record's members as the file holds them (a country's and a phase's lists of records
    /// left out: they are records of their own), and its place in its list.
    public func members(of ref: RecordRef) throws(EditError) -> (members: [String: JSONValue], index: Int) {
        var result: ([String: JSONValue], Int)?
        try withList(ref.kind, country: ref.country) { access in
            guard let index = access.index(ref.id) else { return }
            result = (access.members(index), index)
        }
        guard let result else { throw .unknownRecord(ref) }
        return result
    }

    /// Whose lists of a kind there are: the programme's (nil), each country's, or both (indicators).
    private func owners(_ kind: RecordKind) -> [String?] {
        (kind.belongsToCountry ? [] : [nil]) + (kind.mayBelongToCountry ? countries.map(\.id) : [])
    }

    /// Every record of a kind, in the file's order (the programme's first, then each country's).
    public func refs(of kind: RecordKind) -> [RecordRef] {
        owners(kind).flatMap { country in recordIDs(kind, country: country).map { RecordRef(kind, $0, country: country) } }
    }

    /// Every record of a kind with its members (a policy's and a project's of every country).
    public func allMembers(_ kind: RecordKind) -> [(ref: RecordRef, members: [String: JSONValue])] {
        var all: [(ref: RecordRef, members: [String: JSONValue])] = []
        for country in owners(kind) {
            try? withList(kind, country: country) { access in
                let ids = access.ids()
                for (i, id) in ids.enumerated() { all.append((RecordRef(kind, id, country: country), access.members(i))) }
            }
        }
        return all
    }

    /// The ids of a kind's records, in their order (for a policy or a project, of `country`).
    public func recordIDs(_ kind: RecordKind, country: String? = nil) -> [String] {
        var ids: [String] = []
        try? withList(kind, country: country) { ids = $0.ids() }
        return ids
    }

    /// The record rules `knupp validate` applies (ids, a country's phase, events' countries, no
    /// negative counts) hold after a change of a record, or it is refused with the first that
    /// does not: an edit never saves a store that would not load. Only problems the change made
    /// count (one already there is `validate`'s to report).
    mutating func checkingRecords(_ ref: RecordRef, _ doing: String, _ change: (inout Programme) throws(EditError) -> Void) throws(EditError) {
        try checkingRules({ .breaksRule(ref, "\(doing) \(ref), \($0)") }) { (copy: inout Programme) throws(EditError) in
            try change(&copy)
            // A phase ends after it begins (a rule of the edit: older stores are read as they are).
            if ref.kind == .phase, let n = Int(ref.id), let phase = copy.phase(n), phase.end.lastOrdinal < phase.start.firstOrdinal {
                throw .invalidField(.phase, field: "end", L("%@ is before the phase begins (%@)", "\(phase.end)", "\(phase.start)"))
            }
        }
    }

    /// `change` applied, or refused (by `refusal`'s words) with the first rule of the record it
    /// would break that was not broken before.
    mutating func checkingRules(_ refusal: (String) -> EditError, _ change: (inout Programme) throws(EditError) -> Void) throws(EditError) {
        let before = StoreDocument(programme: self).recordProblems(path: "", bytes: [], milestones: false).map(Programme.rule)
        var copy = self
        try change(&copy)
        let after = StoreDocument(programme: copy).recordProblems(path: "", bytes: [], milestones: false).map(Programme.rule)
        if let new = after.first(where: { !before.contains($0) }) { throw refusal(new) }
        self = copy
    }

    /// A broken rule in a sentence: "programme.events[1].countries[0]: “MMR” is not a country of the programme".
    static func rule(_ problem: StoreError) -> String {
        switch problem {
        case .invalid(_, let field, let message, _):
            // "programme.events[1].countries[1]" → "its countries": the field, not the file's path.
            L("its %@ would be wrong: %@", field.split(separator: ".").last.map { String($0.prefix { $0 != "[" }) } ?? field, "\(message)")
        case .duplicateID(_, let kind, let id, _): L("a second %@ would have the id “%@”", "\(kind)", "\(id)")
        default: "\(problem)"
        }
    }

    mutating func setRecord(_ ref: RecordRef, _ values: [String: JSONValue], _ write: RecordWrite?) throws(EditError) {
        try modifyList(ref.kind, country: ref.country) { (access: inout ListAccess) throws(EditError) in
            guard let index = access.index(ref.id) else { throw .unknownRecord(ref) }
            var members = access.members(index)
            let before = members
            for (key, value) in values {
                if value == .null { members[key] = nil } else { members[key] = value }
            }
            // A dated value set by an officer (a stage, a policy's status, the people a project
            // reached) is a change with its day, kept as a log; a restore by undo sets the log back
            // with it, and adds nothing.
            if let dated = Programme.datedFields[ref.kind],
               let (change, replacing) = try Programme.datedChange(ref.kind, before: before, members: members, values: values, write: write) {
                var log: [JSONValue] = []
                if case .array(let items)? = members[dated.log] { log = items }
                let entry = JSONValue.object(StoreEncoder.members(of: change))
                if let replacing, log.indices.contains(replacing) { log[replacing] = entry } else { log.append(entry) }
                members[dated.log] = .array(log)
                // A policy adopted (or endorsed) on a day the officer gave: that is its adoption day.
                if ref.kind == .policy, let on = write?.on, ["adopted", "endorsed"].contains(Programme.text(members["status"]) ?? ""),
                   values["adoptedOn"] == nil {
                    members["adoptedOn"] = .string(on.description)
                }
            }
            guard members["id"] == before["id"], members["number"] == before["number"] else { throw .idCannotChange(ref) }
            try Programme.refuseEmptyNames(members, ref.kind)
            try access.replace(index, members, ref.kind)
        }
    }

    mutating func addRecord(_ ref: RecordRef, _ values: [String: JSONValue], at: Int?) throws(EditError) {
        guard !ref.id.trimmingCharacters(in: .whitespaces).isEmpty else { throw .invalidField(ref.kind, field: "id", "empty") }
        // An id is typed in commands and shown in lists: no spaces, and not the characters that
        // name a record's kind or country (KIND:ID, COUNTRY/ID).
        if let bad = ref.id.first(where: { $0.isWhitespace || $0 == "/" || $0 == ":" }) {
            throw .invalidField(ref.kind, field: ref.kind == .phase ? "number" : "id",
                                "“\(ref.id)” holds " + (bad == " " ? "a space" : "“\(bad)”") + L(": an id is one word of letters, digits, - or _"))
        }
        if ref.kind == .phase, let n = Int(ref.id), n < 1 { throw .invalidField(.phase, field: "number", L("%@: phases are numbered from 1", "\(n)")) }
        if ref.kind == .country, let same = countries.first(where: { $0.id.lowercased() == ref.id.lowercased() }) {
            throw .duplicateRecord(RecordRef(.country, same.id)) // ids differ by more than case: the one there is named
        }
        if ref.kind == .country, phases.isEmpty {
            throw .invalidField(.country, field: "phase", L("the programme has no phase yet: add one first (the Overview's “Phases” line, or `knupp add phase`)"))
        }
        if ref.kind == .phase, Int(ref.id) == nil { throw .invalidField(.phase, field: "number", L("\"%@\" is not a whole number", "\(ref.id)")) }
        try modifyList(ref.kind, country: ref.country) { (access: inout ListAccess) throws(EditError) in
            guard access.index(ref.id) == nil else { throw .duplicateRecord(ref) }
            var members = access.blank()
            for (key, value) in values where value != .null { members[key] = value }
            members[ref.kind == .phase ? "number" : "id"] = ref.kind == .phase ? .number(ref.id) : .string(ref.id)
            try Programme.refuseEmptyNames(members, ref.kind)
            try access.insert(at ?? access.count(), members, ref.kind)
        }
        if ref.kind == .country, let country = countries.first(where: { $0.id == ref.id }), !phases.isEmpty,
           !phases.contains(where: { $0.number == country.phase }) {
            throw .invalidField(.country, field: "phase", L("%@ is not a phase of the programme (the phases are ", "\(country.phase)")
                                + phases.map { String($0.number) }.joined(separator: ", ") + ")")
        }
    }

    mutating func removeRecord(_ ref: RecordRef) throws(EditError) {
        switch ref.kind {
        case .country:
            if let country = countries.first(where: { $0.id == ref.id }), !country.milestones.isEmpty {
                let n = country.milestones.count
                throw .recordInUse(ref, (n == 1 ? L("it has 1 milestone; remove it first (d on each in the front), so no tick goes with it unseen")
                                         : L("it has %@ milestones; remove them first (d on each in the front), so no tick goes with it unseen", "\(n)")))
            }
            if let event = events.first(where: { $0.countries.contains(ref.id) }) {
                throw .recordInUse(ref, L("the event “%@” names it; take it out of that event's countries first ", "\(event.title)")
                                   + L("(knupp set event:%@ countries=…)", "\(event.id)"))
            }
        case .phase:
            if let n = Int(ref.id), let phase = phase(n) {
                if !phase.milestones.isEmpty {
                    let n = phase.milestones.count
                    throw .recordInUse(ref, n == 1 ? L("it has 1 milestone of its own; remove it first (d on each in the front)")
                                             : L("it has %@ milestones of its own; remove them first (d on each in the front)", "\(n)"))
                }
                let members = countries.filter { $0.phase == n }
                if !members.isEmpty {
                    let ids = members.map(\.id).joined(separator: ", ")
                    throw .recordInUse(ref, members.count == 1 ? L("%@ belongs to it; move or remove it first", ids) : L("%@ belong to it; move or remove them first", ids))
                }
            }
        default: break
        }
        try modifyList(ref.kind, country: ref.country) { (access: inout ListAccess) throws(EditError) in
            guard let index = access.index(ref.id) else { throw .unknownRecord(ref) }
            access.remove(index)
        }
    }

    static func word(_ value: JSONValue?) -> String? { if case .string(let s)? = value { s } else { nil } }

    /// A record's name or title is what every list shows it by: never empty.
    static func refuseEmptyNames(_ members: [String: JSONValue], _ kind: RecordKind) throws(EditError) {
        for field in fields(of: kind) where field.required && (field.key == "name" || field.key == "title") {
            if (word(members[field.key]) ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw .invalidField(kind, field: field.key, L("empty: every list shows %@ %@ by it; give it one", "\(kind.article)", "\(kind.rawValue)"))
            }
        }
    }

    /// A value as a change's log writes it: text as it is, a number's digits; nil for none.
    static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let s)?: s
        case .number(let n)?: n
        default: nil
        }
    }

    /// The values that have a day of their own, each with its log (and the field of its basis).
    public static let datedFields: [RecordKind: (field: String, log: String, basis: String?)] = [
        .country: ("stage", "stageChanges", "stageBasis"),
        .policy: ("status", "statusChanges", nil),
        .project: ("peopleReached", "peopleReachedChanges", nil),
    ]
}

extension StoreEncoder {
    /// A record's members as the file holds them.
    static func members<R: StoreRecord>(of record: R) -> [String: JSONValue] {
        var w = StoreEncoder()
        w.record(record)
        guard case .object(let members)? = JSONParser.document(w.bytes) else { return [:] }
        return members
    }
}

extension StoreDecoder {
    /// A record read from members as the file would read them; the first problem, with its
    /// field, when the file would refuse them.
    static func record<R: StoreRecord>(_: R.Type, members: [String: JSONValue], kind: RecordKind) throws(EditError) -> R {
        let bytes = Array(JSONValue.object(members).text.utf8)
        let problems = StoreDecoder.problems(R.self, in: bytes)
        if let first = problems.first {
            throw .invalidField(kind, field: StoreDocument.fieldName(first.path), first.message)
        }
        guard let record = StoreDecoder.record(R.self, from: bytes) else { throw .invalidField(kind, field: "(record)", L("cannot be read")) }
        return record
    }
}

extension Programme {
    /// A record's name for a sentence: a country's or contact's name, a title, else its id.
    public func recordName(_ ref: RecordRef) -> String {
        guard let (members, _) = try? members(of: ref) else { return ref.id }
        // Money has no name: its amount and its day ("USD 60000, 2024-01-01").
        if ref.kind == .budget || ref.kind == .expenditure, let currency = Programme.word(members["currency"]), let value = Programme.text(members["value"]) {
            return "\(currency) \(value), " + (Programme.word(members[ref.kind == .budget ? "periodStart" : "date"]) ?? "")
        }
        return Programme.word(members["name"]) ?? Programme.word(members["title"]) ?? ref.id
    }
}
