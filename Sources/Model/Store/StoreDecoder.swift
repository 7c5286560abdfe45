/// Reads a parsed store file into the model, field by field, without Codable.
///
/// Every problem is collected with its path (loading stops at the first, `knupp validate`
/// lists them all: one code path for both). Keys this version does not know are kept on the
/// record they stand in, so the next save writes them back unchanged.
struct StoreDecoder {
    /// A field that is missing or holds the wrong kind of value.
    struct Problem: Equatable {
        var path: [JSONPathKey]
        var message: String
    }

    private(set) var problems: [Problem] = []

    // MARK: The document

    mutating func document(_ value: JSONValue) -> StoreDocument? {
        guard case .object(let members) = value else {
            problems.append(Problem(path: [], message: "expected an object"))
            return nil
        }
        var fields = Fields(members: members, path: [])
        guard let version = fields.optionalInt("schemaVersion", &self) else {
            problems.append(Problem(path: [.key("schemaVersion")], message: "missing: this does not look like a knupp store"))
            return nil
        }
        let revision = fields.optionalInt("revision", &self) ?? 0
        guard let programmeValue = fields.members["programme"] else {
            problems.append(Problem(path: [.key("programme")], message: "missing"))
            return nil
        }
        fields.used.insert("programme")
        let programme = self.programme(programmeValue, path: [.key("programme")])
        var document = StoreDocument(schemaVersion: version, revision: revision, programme: programme)
        document.unknownFields = fields.unknown
        return document
    }

    // MARK: Records

    private mutating func programme(_ value: JSONValue, path: [JSONPathKey]) -> Programme {
        var f = object(value, path)
        // Lists in the order `validate` reports them.
        let phases = f.list("phases", &self) { d, v, p in d.phase(v, p) }
        let countries = f.list("countries", &self) { d, v, p in d.country(v, p) }
        let events = f.list("events", &self) { d, v, p in d.event(v, p) }
        let publications = f.list("publications", &self) { d, v, p in d.publication(v, p) }
        let contacts = f.list("contacts", &self) { d, v, p in d.contact(v, p) }
        let prospective = f.list("prospectiveCountries", &self) { d, v, p in d.prospectiveCountry(v, p) }
        let partners = f.list("partners", &self) { d, v, p in d.partner(v, p) }
        let goals = f.list("goals", &self) { d, v, p in d.goal(v, p) }
        var programme = Programme(name: f.string("name", &self), shortName: f.string("shortName", &self),
                                  summary: f.string("summary", &self), partners: partners, goals: goals, phases: phases,
                                  countries: countries, events: events, publications: publications, contacts: contacts,
                                  prospectiveCountries: prospective)
        programme.unknownFields = f.unknown
        return programme
    }

    private mutating func phase(_ value: JSONValue, _ path: [JSONPathKey]) -> Phase {
        var f = object(value, path)
        var phase = Phase(number: f.int("number", &self), title: f.string("title", &self),
                          start: f.date("start", &self), end: f.date("end", &self),
                          launch: f.optionalDate("launch", &self), launchNote: f.optionalString("launchNote", &self),
                          implementationStart: f.optionalDate("implementationStart", &self),
                          endIsExpected: f.bool("endIsExpected", &self),
                          milestones: f.list("milestones", &self) { d, v, p in d.milestone(v, p) })
        phase.unknownFields = f.unknown
        return phase
    }

    private mutating func country(_ value: JSONValue, _ path: [JSONPathKey]) -> Country {
        var f = object(value, path)
        var country = Country(id: f.string("id", &self), name: f.string("name", &self),
                              officialName: f.optionalString("officialName", &self), phase: f.int("phase", &self),
                              scope: scope(f.required("scope", &self), path + [.key("scope")]),
                              stage: f.optionalEnum("stage", &self, NUPStage.init(rawValue:)),
                              stageBasis: f.optionalString("stageBasis", &self),
                              policies: f.list("policies", &self) { d, v, p in d.policy(v, p) },
                              projects: f.list("projects", &self) { d, v, p in d.project(v, p) },
                              funding: f.list("funding", &self) { d, v, p in d.string(v, p) },
                              milestones: f.list("milestones", &self) { d, v, p in d.milestone(v, p) },
                              notes: f.string("notes", &self))
        country.unknownFields = f.unknown
        return country
    }

    private mutating func scope(_ value: JSONValue?, _ path: [JSONPathKey]) -> Scope {
        guard let value else { return .national }
        var f = object(value, path)
        var scope = Scope(level: f.enumeration("level", &self, Scope.Level.init(rawValue:)) ?? .national,
                          subdivision: f.optionalString("subdivision", &self))
        scope.unknownFields = f.unknown
        return scope
    }

    private mutating func policy(_ value: JSONValue, _ path: [JSONPathKey]) -> PolicyDocument {
        var f = object(value, path)
        var policy = PolicyDocument(id: f.string("id", &self), title: f.string("title", &self),
                                    status: f.enumeration("status", &self, PolicyDocument.Status.init(rawValue:)) ?? .draft,
                                    note: f.optionalString("note", &self))
        policy.unknownFields = f.unknown
        return policy
    }

    private mutating func project(_ value: JSONValue, _ path: [JSONPathKey]) -> DemonstrationProject {
        var f = object(value, path)
        var project = DemonstrationProject(id: f.string("id", &self), title: f.string("title", &self),
                                           peopleReached: f.optionalInt("peopleReached", &self),
                                           note: f.optionalString("note", &self))
        project.unknownFields = f.unknown
        return project
    }

    private mutating func milestone(_ value: JSONValue, _ path: [JSONPathKey]) -> Milestone {
        var f = object(value, path)
        var milestone = Milestone(id: f.string("id", &self), title: f.string("title", &self), due: f.optionalDate("due", &self),
                                  done: f.bool("done", &self), doneAt: f.optionalString("doneAt", &self),
                                  doneBy: f.optionalString("doneBy", &self), note: f.optionalString("note", &self),
                                  evidence: f.optionalString("evidence", &self))
        milestone.unknownFields = f.unknown
        return milestone
    }

    private mutating func event(_ value: JSONValue, _ path: [JSONPathKey]) -> Event {
        var f = object(value, path)
        var event = Event(id: f.string("id", &self), date: f.date("date", &self), title: f.string("title", &self),
                          summary: f.string("summary", &self), participants: f.optionalInt("participants", &self),
                          countries: f.list("countries", &self) { d, v, p in d.string(v, p) })
        event.unknownFields = f.unknown
        return event
    }

    private mutating func publication(_ value: JSONValue, _ path: [JSONPathKey]) -> Publication {
        var f = object(value, path)
        var publication = Publication(id: f.string("id", &self), title: f.optionalString("title", &self),
                                      summary: f.string("summary", &self))
        publication.unknownFields = f.unknown
        return publication
    }

    private mutating func contact(_ value: JSONValue, _ path: [JSONPathKey]) -> Contact {
        var f = object(value, path)
        var contact = Contact(id: f.string("id", &self), name: f.string("name", &self), title: f.string("title", &self),
                              unit: f.string("unit", &self))
        contact.unknownFields = f.unknown
        return contact
    }

    private mutating func prospectiveCountry(_ value: JSONValue, _ path: [JSONPathKey]) -> ProspectiveCountry {
        var f = object(value, path)
        var prospective = ProspectiveCountry(id: f.string("id", &self), name: f.string("name", &self),
                                             note: f.optionalString("note", &self))
        prospective.unknownFields = f.unknown
        return prospective
    }

    private mutating func partner(_ value: JSONValue, _ path: [JSONPathKey]) -> Partner {
        var f = object(value, path)
        var partner = Partner(id: f.string("id", &self), name: f.string("name", &self))
        partner.unknownFields = f.unknown
        return partner
    }

    private mutating func goal(_ value: JSONValue, _ path: [JSONPathKey]) -> Goal {
        var f = object(value, path)
        var goal = Goal(id: f.string("id", &self), title: f.string("title", &self), detail: f.optionalString("detail", &self))
        goal.unknownFields = f.unknown
        return goal
    }

    // MARK: Values

    private mutating func object(_ value: JSONValue, _ path: [JSONPathKey]) -> Fields {
        guard case .object(let members) = value else {
            problems.append(Problem(path: path, message: "expected an object" + found(value)))
            return Fields(members: [:], path: path, isPlaceholder: true)
        }
        return Fields(members: members, path: path)
    }

    private mutating func string(_ value: JSONValue, _ path: [JSONPathKey]) -> String {
        guard case .string(let s) = value else {
            problems.append(Problem(path: path, message: "expected text" + found(value)))
            return ""
        }
        return s
    }

    fileprivate mutating func report(_ path: [JSONPathKey], _ message: String) {
        problems.append(Problem(path: path, message: message))
    }

    fileprivate func found(_ value: JSONValue) -> String {
        value == .null ? ", found null" : ""
    }

    /// An object's members, read one by one; what is left unread is what this version does not know.
    fileprivate struct Fields {
        let members: [String: JSONValue]
        let path: [JSONPathKey]
        /// Set when the value was not an object at all: its fields are not reported missing one by one.
        var isPlaceholder = false
        var used: Set<String> = []

        init(members: [String: JSONValue], path: [JSONPathKey], isPlaceholder: Bool = false) {
            self.members = members; self.path = path; self.isPlaceholder = isPlaceholder
        }

        var unknown: [String: JSONValue] {
            members.filter { !used.contains($0.key) }
        }

        /// The value, or nil (and "missing" reported) when absent.
        mutating func required(_ key: String, _ d: inout StoreDecoder) -> JSONValue? {
            used.insert(key)
            guard let value = members[key] else {
                if !isPlaceholder { d.report(path + [.key(key)], "missing") }
                return nil
            }
            return value
        }

        /// The value, or nil when absent or null.
        mutating func optional(_ key: String) -> JSONValue? {
            used.insert(key)
            guard let value = members[key], value != .null else { return nil }
            return value
        }

        mutating func string(_ key: String, _ d: inout StoreDecoder) -> String {
            guard let value = required(key, &d) else { return "" }
            guard case .string(let s) = value else { d.report(path + [.key(key)], "expected text" + d.found(value)); return "" }
            return s
        }

        mutating func optionalString(_ key: String, _ d: inout StoreDecoder) -> String? {
            guard let value = optional(key) else { return nil }
            guard case .string(let s) = value else { d.report(path + [.key(key)], "expected text"); return nil }
            return s
        }

        mutating func int(_ key: String, _ d: inout StoreDecoder) -> Int {
            guard let value = required(key, &d) else { return 0 }
            return number(value, key: key, &d) ?? 0
        }

        mutating func optionalInt(_ key: String, _ d: inout StoreDecoder) -> Int? {
            guard let value = optional(key) else { return nil }
            return number(value, key: key, &d)
        }

        private func number(_ value: JSONValue, key: String, _ d: inout StoreDecoder) -> Int? {
            guard case .number(let text) = value else { d.report(path + [.key(key)], "expected a number" + d.found(value)); return nil }
            // Int(_:) refuses what does not fit rather than wrapping: no overflow from a file.
            guard let n = Int(text) else {
                d.report(path + [.key(key)], "expected a whole number from \(Int.min) to \(Int.max), found \(text)")
                return nil
            }
            return n
        }

        mutating func bool(_ key: String, _ d: inout StoreDecoder) -> Bool {
            guard let value = required(key, &d) else { return false }
            guard case .bool(let b) = value else { d.report(path + [.key(key)], "expected true or false" + d.found(value)); return false }
            return b
        }

        mutating func date(_ key: String, _ d: inout StoreDecoder) -> CalendarDate {
            let fallback = CalendarDate.fromOrdinal(0)
            guard let value = required(key, &d) else { return fallback }
            return calendarDate(value, key: key, &d) ?? fallback
        }

        mutating func optionalDate(_ key: String, _ d: inout StoreDecoder) -> CalendarDate? {
            guard let value = optional(key) else { return nil }
            return calendarDate(value, key: key, &d)
        }

        private func calendarDate(_ value: JSONValue, key: String, _ d: inout StoreDecoder) -> CalendarDate? {
            guard case .string(let text) = value else { d.report(path + [.key(key)], "expected text" + d.found(value)); return nil }
            guard let date = CalendarDate(text) else {
                d.report(path + [.key(key)], "\"\(text)\" is not a date: write YYYY-MM-DD (or YYYY-MM, or YYYY)")
                return nil
            }
            return date
        }

        mutating func enumeration<T: RawRepresentable>(_ key: String, _ d: inout StoreDecoder, _ make: (String) -> T?) -> T?
            where T.RawValue == String {
            guard let value = required(key, &d) else { return nil }
            return enumValue(value, key: key, &d, make)
        }

        mutating func optionalEnum<T: RawRepresentable>(_ key: String, _ d: inout StoreDecoder, _ make: (String) -> T?) -> T?
            where T.RawValue == String {
            guard let value = optional(key) else { return nil }
            return enumValue(value, key: key, &d, make)
        }

        private func enumValue<T>(_ value: JSONValue, key: String, _ d: inout StoreDecoder, _ make: (String) -> T?) -> T? {
            guard case .string(let text) = value else { d.report(path + [.key(key)], "expected text" + d.found(value)); return nil }
            guard let result = make(text) else {
                d.report(path + [.key(key)], "cannot be \"\(text)\"")
                return nil
            }
            return result
        }

        mutating func list<T>(_ key: String, _ d: inout StoreDecoder,
                              _ element: (inout StoreDecoder, JSONValue, [JSONPathKey]) -> T) -> [T] {
            guard let value = required(key, &d) else { return [] }
            guard case .array(let items) = value else { d.report(path + [.key(key)], "expected a list" + d.found(value)); return [] }
            var result: [T] = []
            result.reserveCapacity(items.count)
            for (i, item) in items.enumerated() { result.append(element(&d, item, path + [.key(key), .index(i)])) }
            return result
        }
    }
}
