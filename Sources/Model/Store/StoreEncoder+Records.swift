import Foundation

extension StoreEncoder {
    // MARK: Records (each writes its keys in sorted order; `fields` slots the unknown ones in)

    mutating func programme(_ p: Programme) {
        record(p.unknownFields) { w, f in
            f.field("contacts", &w) { $0.list(p.contacts) { $0.contact($1) } }
            f.field("countries", &w) { $0.list(p.countries) { $0.country($1) } }
            f.field("events", &w) { $0.list(p.events) { $0.event($1) } }
            f.field("goals", &w) { $0.list(p.goals) { $0.goal($1) } }
            f.field("name", &w) { $0.string(p.name) }
            f.field("partners", &w) { $0.list(p.partners) { $0.partner($1) } }
            f.field("phases", &w) { $0.list(p.phases) { $0.phase($1) } }
            f.field("prospectiveCountries", &w) { $0.list(p.prospectiveCountries) { $0.prospectiveCountry($1) } }
            f.field("publications", &w) { $0.list(p.publications) { $0.publication($1) } }
            f.field("shortName", &w) { $0.string(p.shortName) }
            f.field("summary", &w) { $0.string(p.summary) }
        }
    }

    mutating func phase(_ p: Phase) {
        record(p.unknownFields) { w, f in
            f.field("end", &w) { $0.string(p.end.description) }
            f.field("endIsExpected", &w) { $0.bool(p.endIsExpected) }
            f.optional("implementationStart", p.implementationStart, &w) { $0.string($1.description) }
            f.optional("launch", p.launch, &w) { $0.string($1.description) }
            f.optional("launchNote", p.launchNote, &w) { $0.string($1) }
            f.field("milestones", &w) { $0.list(p.milestones) { $0.milestone($1) } }
            f.field("number", &w) { $0.int(p.number) }
            f.field("start", &w) { $0.string(p.start.description) }
            f.field("title", &w) { $0.string(p.title) }
        }
    }

    mutating func country(_ c: Country) {
        record(c.unknownFields) { w, f in
            f.field("funding", &w) { $0.list(c.funding) { $0.string($1) } }
            f.field("id", &w) { $0.string(c.id) }
            f.field("milestones", &w) { $0.list(c.milestones) { $0.milestone($1) } }
            f.field("name", &w) { $0.string(c.name) }
            f.field("notes", &w) { $0.string(c.notes) }
            f.optional("officialName", c.officialName, &w) { $0.string($1) }
            f.field("phase", &w) { $0.int(c.phase) }
            f.field("policies", &w) { $0.list(c.policies) { $0.policy($1) } }
            f.field("projects", &w) { $0.list(c.projects) { $0.project($1) } }
            f.field("scope", &w) { $0.scope(c.scope) }
            f.optional("stage", c.stage, &w) { $0.string($1.rawValue) }
            f.optional("stageBasis", c.stageBasis, &w) { $0.string($1) }
        }
    }

    mutating func scope(_ s: Scope) {
        record(s.unknownFields) { w, f in
            f.field("level", &w) { $0.string(s.level.rawValue) }
            f.optional("subdivision", s.subdivision, &w) { $0.string($1) }
        }
    }

    mutating func policy(_ p: PolicyDocument) {
        record(p.unknownFields) { w, f in
            f.field("id", &w) { $0.string(p.id) }
            f.optional("note", p.note, &w) { $0.string($1) }
            f.field("status", &w) { $0.string(p.status.rawValue) }
            f.field("title", &w) { $0.string(p.title) }
        }
    }

    mutating func project(_ p: DemonstrationProject) {
        record(p.unknownFields) { w, f in
            f.field("id", &w) { $0.string(p.id) }
            f.optional("note", p.note, &w) { $0.string($1) }
            f.optional("peopleReached", p.peopleReached, &w) { $0.int($1) }
            f.field("title", &w) { $0.string(p.title) }
        }
    }

    mutating func milestone(_ m: Milestone) {
        record(m.unknownFields) { w, f in
            f.field("done", &w) { $0.bool(m.done) }
            f.optional("doneAt", m.doneAt, &w) { $0.string($1) }
            f.optional("doneBy", m.doneBy, &w) { $0.string($1) }
            f.optional("due", m.due, &w) { $0.string($1.description) }
            f.optional("evidence", m.evidence, &w) { $0.string($1) }
            f.field("id", &w) { $0.string(m.id) }
            f.optional("note", m.note, &w) { $0.string($1) }
            f.field("title", &w) { $0.string(m.title) }
        }
    }

    mutating func event(_ e: Event) {
        record(e.unknownFields) { w, f in
            f.field("countries", &w) { $0.list(e.countries) { $0.string($1) } }
            f.field("date", &w) { $0.string(e.date.description) }
            f.field("id", &w) { $0.string(e.id) }
            f.optional("participants", e.participants, &w) { $0.int($1) }
            f.field("summary", &w) { $0.string(e.summary) }
            f.field("title", &w) { $0.string(e.title) }
        }
    }

    mutating func publication(_ p: Publication) {
        record(p.unknownFields) { w, f in
            f.field("id", &w) { $0.string(p.id) }
            f.field("summary", &w) { $0.string(p.summary) }
            f.optional("title", p.title, &w) { $0.string($1) }
        }
    }

    mutating func contact(_ c: Contact) {
        record(c.unknownFields) { w, f in
            f.field("id", &w) { $0.string(c.id) }
            f.field("name", &w) { $0.string(c.name) }
            f.field("title", &w) { $0.string(c.title) }
            f.field("unit", &w) { $0.string(c.unit) }
        }
    }

    mutating func prospectiveCountry(_ p: ProspectiveCountry) {
        record(p.unknownFields) { w, f in
            f.field("id", &w) { $0.string(p.id) }
            f.field("name", &w) { $0.string(p.name) }
            f.optional("note", p.note, &w) { $0.string($1) }
        }
    }

    mutating func partner(_ p: Partner) {
        record(p.unknownFields) { w, f in
            f.field("id", &w) { $0.string(p.id) }
            f.field("name", &w) { $0.string(p.name) }
        }
    }

    mutating func goal(_ g: Goal) {
        record(g.unknownFields) { w, f in
            f.optional("detail", g.detail, &w) { $0.string($1) }
            f.field("id", &w) { $0.string(g.id) }
            f.field("title", &w) { $0.string(g.title) }
        }
    }
}
