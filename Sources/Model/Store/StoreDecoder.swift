/// Reads a store file's bytes straight into the model, field by field: no Codable, no tree of
/// values in between (a value tree costs several times the file in memory). The syntax checker
/// has already passed the bytes, so this reader may trust their shape.
///
/// Every problem is collected with its path and place (loading stops at the first, `knupp
/// validate` lists them all: one code path for both). Keys this version does not know are kept
/// on the record they stand in, so the next save writes them back unchanged.
struct StoreDecoder {
    /// A field that is missing, repeated, or holds the wrong kind of value.
    struct Problem: Equatable {
        var path: [JSONPathKey]
        var message: String
        /// Where in the file, when the reader knows.
        var offset: Int?
    }

    private let bytes: [UInt8]
    private var i = 0
    private var path: [JSONPathKey] = []
    /// The keys of the objects being read, innermost last: one buffer for all of them rather
    /// than a list per object (a large store has one object per milestone).
    private var seenKeys: [String] = []
    private(set) var problems: [Problem] = []

    init(bytes: [UInt8]) { self.bytes = bytes }

    // MARK: The document

    mutating func document() -> StoreDocument? {
        space()
        guard peek == UInt8(ascii: "{") else {
            problems.append(Problem(path: [], message: "expected an object", offset: i))
            return nil
        }
        let start = i
        var version: Int?, revision: Int?, programme: Programme?, unknown: [String: JSONValue] = [:]
        _ = object(&unknown) { d, key in
            switch key {
            case "schemaVersion": version = d.int()
            case "revision": revision = d.int()
            case "programme": programme = d.programme()
            default: return false
            }
            return true
        }
        guard let version else {
            problems.append(Problem(path: [.key("schemaVersion")], message: "missing: this does not look like a knupp store", offset: start))
            return nil
        }
        guard let programme else {
            problems.append(Problem(path: [.key("programme")], message: "missing", offset: start))
            return nil
        }
        var document = StoreDocument(schemaVersion: version, revision: revision ?? 0, programme: programme)
        document.unknownFields = unknown
        return document
    }

    /// One milestone's object alone (for an edit in place): nil when it has any problem, or
    /// anything follows it.
    static func milestone(_ bytes: [UInt8]) -> Milestone? {
        var d = StoreDecoder(bytes: bytes)
        d.space()
        guard d.peek == UInt8(ascii: "{") else { return nil }
        let m = d.milestone()
        d.space()
        return d.problems.isEmpty && d.i == bytes.count ? m : nil
    }

    // MARK: Records

    private mutating func programme() -> Programme {
        var name: String?, shortName: String?, summary: String?
        var partners: [Partner]?, goals: [Goal]?, phases: [Phase]?, countries: [Country]?, events: [Event]?
        var publications: [Publication]?, contacts: [Contact]?, prospective: [ProspectiveCountry]?
        var unknown: [String: JSONValue] = [:]
        let start = i
        guard object(&unknown, { d, key in
            switch key {
            case "name": name = d.string()
            case "shortName": shortName = d.string()
            case "summary": summary = d.string()
            case "partners": partners = d.list { $0.partner() }
            case "goals": goals = d.list { $0.goal() }
            case "phases": phases = d.list { $0.phase() }
            case "countries": countries = d.list { $0.country() }
            case "events": events = d.list { $0.event() }
            case "publications": publications = d.list { $0.publication() }
            case "contacts": contacts = d.list { $0.contact() }
            case "prospectiveCountries": prospective = d.list { $0.prospectiveCountry() }
            default: return false
            }
            return true
        }) else { return Programme(name: "") }
        var p = Programme(name: required(name, "name", start) ?? "", shortName: required(shortName, "shortName", start) ?? "",
                          summary: required(summary, "summary", start) ?? "",
                          partners: required(partners, "partners", start) ?? [], goals: required(goals, "goals", start) ?? [],
                          phases: required(phases, "phases", start) ?? [], countries: required(countries, "countries", start) ?? [],
                          events: required(events, "events", start) ?? [],
                          publications: required(publications, "publications", start) ?? [],
                          contacts: required(contacts, "contacts", start) ?? [],
                          prospectiveCountries: required(prospective, "prospectiveCountries", start) ?? [])
        p.unknownFields = unknown
        return p
    }

    private mutating func phase() -> Phase {
        var number: Int?, title: String?, start: CalendarDate?, end: CalendarDate?, launch: CalendarDate?, launchNote: String?
        var implementationStart: CalendarDate?, endIsExpected: Bool?, milestones: [Milestone]?
        var unknown: [String: JSONValue] = [:]
        let at = i
        guard object(&unknown, { d, key in
            switch key {
            case "number": number = d.int()
            case "title": title = d.string()
            case "start": start = d.date()
            case "end": end = d.date()
            case "launch": launch = d.optional { $0.date() }
            case "launchNote": launchNote = d.optional { $0.string() }
            case "implementationStart": implementationStart = d.optional { $0.date() }
            case "endIsExpected": endIsExpected = d.bool()
            case "milestones": milestones = d.list { $0.milestone() }
            default: return false
            }
            return true
        }) else { return Phase(number: 0, title: "", start: .placeholder, end: .placeholder) }
        var phase = Phase(number: required(number, "number", at) ?? 0, title: required(title, "title", at) ?? "",
                          start: required(start, "start", at) ?? .placeholder, end: required(end, "end", at) ?? .placeholder,
                          launch: launch, launchNote: launchNote, implementationStart: implementationStart,
                          endIsExpected: required(endIsExpected, "endIsExpected", at) ?? false,
                          milestones: required(milestones, "milestones", at) ?? [])
        phase.unknownFields = unknown
        return phase
    }

    private mutating func country() -> Country {
        var id: String?, name: String?, officialName: String?, phase: Int?, scope: Scope?, stage: NUPStage?, stageBasis: String?
        var policies: [PolicyDocument]?, projects: [DemonstrationProject]?, funding: [String]?, milestones: [Milestone]?
        var notes: String?
        var unknown: [String: JSONValue] = [:]
        let at = i
        guard object(&unknown, { d, key in
            switch key {
            case "id": id = d.string()
            case "name": name = d.string()
            case "officialName": officialName = d.optional { $0.string() }
            case "phase": phase = d.int()
            case "scope": scope = d.scope()
            case "stage": stage = d.optional { $0.enumeration(NUPStage.init(rawValue:)) }
            case "stageBasis": stageBasis = d.optional { $0.string() }
            case "policies": policies = d.list { $0.policy() }
            case "projects": projects = d.list { $0.project() }
            case "funding": funding = d.list { $0.string() ?? "" }
            case "milestones": milestones = d.list { $0.milestone() }
            case "notes": notes = d.string()
            default: return false
            }
            return true
        }) else { return Country(id: "", name: "", phase: 0) }
        var country = Country(id: required(id, "id", at) ?? "", name: required(name, "name", at) ?? "", officialName: officialName,
                              phase: required(phase, "phase", at) ?? 0, scope: required(scope, "scope", at) ?? .national,
                              stage: stage, stageBasis: stageBasis, policies: required(policies, "policies", at) ?? [],
                              projects: required(projects, "projects", at) ?? [], funding: required(funding, "funding", at) ?? [],
                              milestones: required(milestones, "milestones", at) ?? [], notes: required(notes, "notes", at) ?? "")
        country.unknownFields = unknown
        return country
    }

    private mutating func scope() -> Scope? {
        var level: Scope.Level?, subdivision: String?
        var unknown: [String: JSONValue] = [:]
        let at = i
        guard object(&unknown, { d, key in
            switch key {
            case "level": level = d.enumeration(Scope.Level.init(rawValue:))
            case "subdivision": subdivision = d.optional { $0.string() }
            default: return false
            }
            return true
        }) else { return nil }
        var scope = Scope(level: required(level, "level", at) ?? .national, subdivision: subdivision)
        scope.unknownFields = unknown
        return scope
    }

    private mutating func policy() -> PolicyDocument {
        var id: String?, title: String?, status: PolicyDocument.Status?, note: String?
        var unknown: [String: JSONValue] = [:]
        let at = i
        guard object(&unknown, { d, key in
            switch key {
            case "id": id = d.string()
            case "title": title = d.string()
            case "status": status = d.enumeration(PolicyDocument.Status.init(rawValue:))
            case "note": note = d.optional { $0.string() }
            default: return false
            }
            return true
        }) else { return PolicyDocument(id: "", title: "", status: .draft) }
        var policy = PolicyDocument(id: required(id, "id", at) ?? "", title: required(title, "title", at) ?? "",
                                    status: required(status, "status", at) ?? .draft, note: note)
        policy.unknownFields = unknown
        return policy
    }

    private mutating func project() -> DemonstrationProject {
        var id: String?, title: String?, peopleReached: Int?, note: String?
        var unknown: [String: JSONValue] = [:]
        let at = i
        guard object(&unknown, { d, key in
            switch key {
            case "id": id = d.string()
            case "title": title = d.string()
            case "peopleReached": peopleReached = d.optional { $0.int() }
            case "note": note = d.optional { $0.string() }
            default: return false
            }
            return true
        }) else { return DemonstrationProject(id: "", title: "") }
        var project = DemonstrationProject(id: required(id, "id", at) ?? "", title: required(title, "title", at) ?? "",
                                           peopleReached: peopleReached, note: note)
        project.unknownFields = unknown
        return project
    }

    private mutating func milestone() -> Milestone {
        var id: String?, title: String?, due: CalendarDate?, done: Bool?, doneAt: String?, doneBy: String?
        var note: String?, evidence: String?
        var unknown: [String: JSONValue] = [:]
        let at = i
        guard object(&unknown, { d, key in
            switch key {
            case "id": id = d.string()
            case "title": title = d.string()
            case "due": due = d.optional { $0.date() }
            case "done": done = d.bool()
            case "doneAt": doneAt = d.optional { $0.string() }
            case "doneBy": doneBy = d.optional { $0.string() }
            case "note": note = d.optional { $0.string() }
            case "evidence": evidence = d.optional { $0.string() }
            default: return false
            }
            return true
        }) else { return Milestone(id: "", title: "") }
        var milestone = Milestone(id: required(id, "id", at) ?? "", title: required(title, "title", at) ?? "", due: due,
                                  done: required(done, "done", at) ?? false, doneAt: doneAt, doneBy: doneBy, note: note,
                                  evidence: evidence)
        milestone.unknownFields = unknown
        return milestone
    }

    private mutating func event() -> Event {
        var id: String?, date: CalendarDate?, title: String?, summary: String?, participants: Int?, countries: [String]?
        var unknown: [String: JSONValue] = [:]
        let at = i
        guard object(&unknown, { d, key in
            switch key {
            case "id": id = d.string()
            case "date": date = d.date()
            case "title": title = d.string()
            case "summary": summary = d.string()
            case "participants": participants = d.optional { $0.int() }
            case "countries": countries = d.list { $0.string() ?? "" }
            default: return false
            }
            return true
        }) else { return Event(id: "", date: .placeholder, title: "", summary: "") }
        var event = Event(id: required(id, "id", at) ?? "", date: required(date, "date", at) ?? .placeholder,
                          title: required(title, "title", at) ?? "", summary: required(summary, "summary", at) ?? "",
                          participants: participants, countries: required(countries, "countries", at) ?? [])
        event.unknownFields = unknown
        return event
    }

    private mutating func publication() -> Publication {
        var id: String?, title: String?, summary: String?
        var unknown: [String: JSONValue] = [:]
        let at = i
        guard object(&unknown, { d, key in
            switch key {
            case "id": id = d.string()
            case "title": title = d.optional { $0.string() }
            case "summary": summary = d.string()
            default: return false
            }
            return true
        }) else { return Publication(id: "", summary: "") }
        var publication = Publication(id: required(id, "id", at) ?? "", title: title, summary: required(summary, "summary", at) ?? "")
        publication.unknownFields = unknown
        return publication
    }

    private mutating func contact() -> Contact {
        var id: String?, name: String?, title: String?, unit: String?
        var unknown: [String: JSONValue] = [:]
        let at = i
        guard object(&unknown, { d, key in
            switch key {
            case "id": id = d.string()
            case "name": name = d.string()
            case "title": title = d.string()
            case "unit": unit = d.string()
            default: return false
            }
            return true
        }) else { return Contact(id: "", name: "", title: "", unit: "") }
        var contact = Contact(id: required(id, "id", at) ?? "", name: required(name, "name", at) ?? "",
                              title: required(title, "title", at) ?? "", unit: required(unit, "unit", at) ?? "")
        contact.unknownFields = unknown
        return contact
    }

    private mutating func prospectiveCountry() -> ProspectiveCountry {
        var id: String?, name: String?, note: String?
        var unknown: [String: JSONValue] = [:]
        let at = i
        guard object(&unknown, { d, key in
            switch key {
            case "id": id = d.string()
            case "name": name = d.string()
            case "note": note = d.optional { $0.string() }
            default: return false
            }
            return true
        }) else { return ProspectiveCountry(id: "", name: "") }
        var prospective = ProspectiveCountry(id: required(id, "id", at) ?? "", name: required(name, "name", at) ?? "", note: note)
        prospective.unknownFields = unknown
        return prospective
    }

    private mutating func partner() -> Partner {
        var id: String?, name: String?
        var unknown: [String: JSONValue] = [:]
        let at = i
        guard object(&unknown, { d, key in
            switch key {
            case "id": id = d.string()
            case "name": name = d.string()
            default: return false
            }
            return true
        }) else { return Partner(id: "", name: "") }
        var partner = Partner(id: required(id, "id", at) ?? "", name: required(name, "name", at) ?? "")
        partner.unknownFields = unknown
        return partner
    }

    private mutating func goal() -> Goal {
        var id: String?, title: String?, detail: String?
        var unknown: [String: JSONValue] = [:]
        let at = i
        guard object(&unknown, { d, key in
            switch key {
            case "id": id = d.string()
            case "title": title = d.string()
            case "detail": detail = d.optional { $0.string() }
            default: return false
            }
            return true
        }) else { return Goal(id: "", title: "") }
        var goal = Goal(id: required(id, "id", at) ?? "", title: required(title, "title", at) ?? "", detail: detail)
        goal.unknownFields = unknown
        return goal
    }

    // MARK: Objects, lists, values

    private var peek: UInt8? { i < bytes.count ? bytes[i] : nil }

    private mutating func space() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
    }

    /// A field that must be there: reported missing (at the object) when it is not.
    private mutating func required<T>(_ value: T?, _ key: String, _ objectStart: Int) -> T? {
        if value == nil, !problems.contains(where: { $0.path == path + [.key(key)] }) {
            problems.append(Problem(path: path + [.key(key)], message: "missing", offset: objectStart))
        }
        return value
    }

    /// Reads an object's members; `member` reads the value of a key it knows (returning true),
    /// the others are kept as `unknown`. False, with a problem, when the value is not an object.
    private mutating func object(_ unknown: inout [String: JSONValue], _ member: (inout StoreDecoder, String) -> Bool) -> Bool {
        space()
        guard peek == UInt8(ascii: "{") else {
            report("expected an object")
            skipValue()
            return false
        }
        i += 1
        let seenFrom = seenKeys.count
        defer { seenKeys.removeLast(seenKeys.count - seenFrom) }
        space()
        if peek == UInt8(ascii: "}") { i += 1; return true }
        while i < bytes.count {
            space()
            let keyOffset = i
            let key = rawString()
            if seenKeys[seenFrom...].contains(key) {
                problems.append(Problem(path: path + [.key(key)], message: "stands twice in one object; keep one", offset: keyOffset))
            }
            seenKeys.append(key)
            space()
            i += 1 // ":"
            space()
            path.append(.key(key))
            if !member(&self, key) {
                let start = i
                var parser = JSONParser(bytes: bytes)
                parser.i = start
                if let value = parser.value() { unknown[key] = value }
                i = parser.i
            }
            path.removeLast()
            space()
            guard i < bytes.count else { break }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            i += 1 // "}"
            break
        }
        return true
    }

    /// A list, each element read by `element` with its index in the path; nil (with a problem)
    /// when the value is not a list.
    private mutating func list<T>(_ element: (inout StoreDecoder) -> T) -> [T]? {
        space()
        guard peek == UInt8(ascii: "[") else {
            report("expected a list")
            skipValue()
            return nil
        }
        i += 1
        var result: [T] = []
        space()
        if peek == UInt8(ascii: "]") { i += 1; return result }
        var index = 0
        while i < bytes.count {
            path.append(.index(index))
            result.append(element(&self))
            path.removeLast()
            index += 1
            space()
            guard i < bytes.count else { break }
            if bytes[i] == UInt8(ascii: ",") { i += 1; space(); continue }
            i += 1 // "]"
            break
        }
        return result
    }

    /// nil for null; else `read`.
    private mutating func optional<T>(_ read: (inout StoreDecoder) -> T?) -> T? {
        space()
        if peek == UInt8(ascii: "n") { i += 4; return nil }
        return read(&self)
    }

    private mutating func string() -> String? {
        space()
        guard peek == UInt8(ascii: "\"") else {
            report("expected text")
            skipValue()
            return nil
        }
        return rawString()
    }

    private mutating func int() -> Int? {
        space()
        let start = i
        guard let first = peek, first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39) else {
            report("expected a number")
            skipValue()
            return nil
        }
        while i < bytes.count, "+-.eE0123456789".utf8.contains(bytes[i]) { i += 1 }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        // Int(_:) refuses what does not fit rather than wrapping: no overflow from a file.
        guard let n = Int(text) else {
            problems.append(Problem(path: path, message: "expected a whole number from \(Int.min) to \(Int.max), found \(text)", offset: start))
            return nil
        }
        return n
    }

    private mutating func bool() -> Bool? {
        space()
        if peek == UInt8(ascii: "t") { i += 4; return true }
        if peek == UInt8(ascii: "f") { i += 5; return false }
        report("expected true or false")
        skipValue()
        return nil
    }

    private mutating func date() -> CalendarDate? {
        let start = i
        guard let text = string() else { return nil }
        guard let date = CalendarDate(text) else {
            problems.append(Problem(path: path, message: "\"\(text)\" is not a date: write YYYY-MM-DD (or YYYY-MM, or YYYY)", offset: start))
            return nil
        }
        return date
    }

    private mutating func enumeration<T>(_ make: (String) -> T?) -> T? {
        let start = i
        guard let text = string() else { return nil }
        guard let value = make(text) else {
            problems.append(Problem(path: path, message: "cannot be \"\(text)\"", offset: start))
            return nil
        }
        return value
    }

    /// The problem for the value at the cursor, in the words the field's reader chose.
    private mutating func report(_ expected: String) {
        problems.append(Problem(path: path, message: expected + (peek == UInt8(ascii: "n") ? ", found null" : ""), offset: i))
    }

    private mutating func skipValue() {
        var parser = JSONParser(bytes: bytes)
        parser.i = i
        _ = parser.value()
        i = parser.i
    }

    /// A JSON string at the cursor (the opening quote), unescaped. Text without escapes, the
    /// common case, is taken as it is.
    private mutating func rawString() -> String {
        let start = i + 1
        var j = start
        while j < bytes.count, bytes[j] != UInt8(ascii: "\"") {
            if bytes[j] == UInt8(ascii: "\\") {
                var parser = JSONParser(bytes: bytes)
                parser.i = i
                let text = parser.string() ?? ""
                i = parser.i
                return text
            }
            j += 1
        }
        i = min(j + 1, bytes.count)
        return String(decoding: bytes[start..<min(j, bytes.count)], as: UTF8.self)
    }
}

extension CalendarDate {
    /// Stands in for a date the file lacks, while the problem is reported.
    static let placeholder = CalendarDate.fromOrdinal(0)
}
