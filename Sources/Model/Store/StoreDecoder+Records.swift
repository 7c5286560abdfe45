import Foundation

extension StoreDecoder {
    // MARK: Records

    mutating func programme() -> Programme {
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

    mutating func phase() -> Phase {
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

    mutating func country() -> Country {
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

    mutating func scope() -> Scope? {
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

    mutating func policy() -> PolicyDocument {
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

    mutating func project() -> DemonstrationProject {
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

    mutating func milestone() -> Milestone {
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

    mutating func event() -> Event {
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

    mutating func publication() -> Publication {
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

    mutating func contact() -> Contact {
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

    mutating func prospectiveCountry() -> ProspectiveCountry {
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

    mutating func partner() -> Partner {
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

    mutating func goal() -> Goal {
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
}
