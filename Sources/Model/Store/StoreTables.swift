/// Every record the store file holds, field by field: the one place a store field is named.
/// The decoder reads by these tables and the encoder writes by them, so a new field is one line
/// here (and its property on the record). Order within a table does not matter: the file's
/// order (keys sorted by their bytes) is the table's own.
///
/// `.required` fields must be in every record (`null` is refused); `.optional` ones may be
/// absent or `null`, and are left out when nil. A field a table does not name is kept as it
/// stands in the file (`unknownFields`) and written back in its place.

extension Programme: StoreRecord {
    static let storeTable = StoreTable<Programme>([
        .required("name", .text, { $0.name }, { $0.name = $1 }),
        .required("shortName", .text, { $0.shortName }, { $0.shortName = $1 }),
        .required("summary", .text, { $0.summary }, { $0.summary = $1 }),
        .required("partners", .list(of: Partner.self), { $0.partners }, { $0.partners = $1 }),
        .required("goals", .list(of: Goal.self), { $0.goals }, { $0.goals = $1 }),
        .required("phases", .list(of: Phase.self), { $0.phases }, { $0.phases = $1 }),
        .required("countries", .list(of: Country.self), { $0.countries }, { $0.countries = $1 }),
        .required("events", .list(of: Event.self), { $0.events }, { $0.events = $1 }),
        .required("publications", .list(of: Publication.self), { $0.publications }, { $0.publications = $1 }),
        .required("contacts", .list(of: Contact.self), { $0.contacts }, { $0.contacts = $1 }),
        .required("prospectiveCountries", .list(of: ProspectiveCountry.self), { $0.prospectiveCountries }, { $0.prospectiveCountries = $1 }),
        .optional("indicators", .list(of: Indicator.self), { $0.indicators.isEmpty ? nil : $0.indicators }, { $0.indicators = $1 ?? [] }),
        .optional("budgets", .list(of: Budget.self), { $0.budgets.isEmpty ? nil : $0.budgets }, { $0.budgets = $1 ?? [] }),
        .optional("expenditures", .list(of: Expenditure.self), { $0.expenditures.isEmpty ? nil : $0.expenditures }, { $0.expenditures = $1 ?? [] }),
        .optional("iati", .record, { $0.iati.flatMap { $0.isEmpty ? nil : $0 } }, { $0.iati = $1 }),
    ])
    static var blank: Programme { Programme(name: "") }
}

extension Phase: StoreRecord {
    static let storeTable = StoreTable<Phase>([
        .required("number", .int, { $0.number }, { $0.number = $1 }),
        .required("title", .text, { $0.title }, { $0.title = $1 }),
        .required("start", .date, { $0.start }, { $0.start = $1 }),
        .required("end", .date, { $0.end }, { $0.end = $1 }),
        .optional("launch", .date, { $0.launch }, { $0.launch = $1 }),
        .optional("launchNote", .text, { $0.launchNote }, { $0.launchNote = $1 }),
        .optional("implementationStart", .date, { $0.implementationStart }, { $0.implementationStart = $1 }),
        .required("endIsExpected", .bool, { $0.endIsExpected }, { $0.endIsExpected = $1 }),
        .optional("plannedEnd", .date, { $0.plannedEnd }, { $0.plannedEnd = $1 }),
        .optional("endChanges", .list(of: DateChange.self), { $0.endChanges.isEmpty ? nil : $0.endChanges }, { $0.endChanges = $1 ?? [] }),
        .optional("actualEnd", .date, { $0.actualEnd }, { $0.actualEnd = $1 }),
        .required("milestones", .list(of: Milestone.self), { $0.milestones }, { $0.milestones = $1 }),
    ])
    static var blank: Phase { Phase(number: 0, title: "", start: .placeholder, end: .placeholder) }
}

extension Country: StoreRecord {
    static let storeTable = StoreTable<Country>([
        .required("id", .text, { $0.id }, { $0.id = $1 }),
        .required("name", .text, { $0.name }, { $0.name = $1 }),
        .optional("officialName", .text, { $0.officialName }, { $0.officialName = $1 }),
        .required("phase", .int, { $0.phase }, { $0.phase = $1 }),
        .required("scope", StoreValue(read: StoreValue<Scope>.record.read, write: StoreValue<Scope>.record.write, kind: .scope), { $0.scope }, { $0.scope = $1 }),
        .optional("stage", .word, { $0.stage }, { $0.stage = $1 }),
        .optional("stageBasis", .text, { $0.stageBasis }, { $0.stageBasis = $1 }),
        .optional("indicators", .list(of: Indicator.self), { $0.indicators.isEmpty ? nil : $0.indicators }, { $0.indicators = $1 ?? [] }),
        .optional("counterparts", .list(of: Counterpart.self), { $0.counterparts.isEmpty ? nil : $0.counterparts }, { $0.counterparts = $1 ?? [] }),
        .optional("sdg11a1", .list(of: SDGAssessment.self), { $0.sdg11a1.isEmpty ? nil : $0.sdg11a1 }, { $0.sdg11a1 = $1 ?? [] }),
        .optional("stageChanges", .list(of: FieldChange.self), { $0.stageChanges.isEmpty ? nil : $0.stageChanges }, { $0.stageChanges = $1 ?? [] }),
        .required("policies", .list(of: PolicyDocument.self), { $0.policies }, { $0.policies = $1 }),
        .required("projects", .list(of: DemonstrationProject.self), { $0.projects }, { $0.projects = $1 }),
        .required("funding", .list(.text, placeholder: ""), { $0.funding }, { $0.funding = $1 }),
        .required("milestones", .list(of: Milestone.self), { $0.milestones }, { $0.milestones = $1 }),
        .required("notes", .text, { $0.notes }, { $0.notes = $1 }),
    ])
    static var blank: Country { Country(id: "", name: "", phase: 0) }
}

extension Scope: StoreRecord {
    static let storeTable = StoreTable<Scope>([
        .required("level", .word, { $0.level }, { $0.level = $1 }),
        .optional("subdivision", .text, { $0.subdivision }, { $0.subdivision = $1 }),
    ])
    static var blank: Scope { .national }
}

extension PolicyDocument: StoreRecord {
    static let storeTable = StoreTable<PolicyDocument>([
        .required("id", .text, { $0.id }, { $0.id = $1 }),
        .required("title", .text, { $0.title }, { $0.title = $1 }),
        .required("status", .word, { $0.status }, { $0.status = $1 }),
        .optional("note", .text, { $0.note }, { $0.note = $1 }),
        .optional("adoptedOn", .date, { $0.adoptedOn }, { $0.adoptedOn = $1 }),
        .optional("statusChanges", .list(of: FieldChange.self), { $0.statusChanges.isEmpty ? nil : $0.statusChanges }, { $0.statusChanges = $1 ?? [] }),
    ])
    static var blank: PolicyDocument { PolicyDocument(id: "", title: "", status: .draft) }
}

extension DemonstrationProject: StoreRecord {
    static let storeTable = StoreTable<DemonstrationProject>([
        .required("id", .text, { $0.id }, { $0.id = $1 }),
        .required("title", .text, { $0.title }, { $0.title = $1 }),
        .optional("peopleReached", .int, { $0.peopleReached }, { $0.peopleReached = $1 }),
        .optional("note", .text, { $0.note }, { $0.note = $1 }),
        .optional("peopleReachedChanges", .list(of: FieldChange.self), { $0.peopleReachedChanges.isEmpty ? nil : $0.peopleReachedChanges },
                  { $0.peopleReachedChanges = $1 ?? [] }),
    ])
    static var blank: DemonstrationProject { DemonstrationProject(id: "", title: "") }
}

extension Milestone: StoreRecord {
    static let storeTable = StoreTable<Milestone>([
        .required("id", .text, { $0.id }, { $0.id = $1 }),
        .required("title", .text, { $0.title }, { $0.title = $1 }),
        .optional("addedAt", .text, { $0.addedAt }, { $0.addedAt = $1 }),
        .optional("due", .date, { $0.due }, { $0.due = $1 }),
        .required("done", .bool, { $0.done }, { $0.done = $1 }),
        .optional("doneAt", .text, { $0.doneAt }, { $0.doneAt = $1 }),
        .optional("doneBy", .text, { $0.doneBy }, { $0.doneBy = $1 }),
        .optional("doneOn", .date, { $0.doneOn }, { $0.doneOn = $1 }),
        .optional("note", .text, { $0.note }, { $0.note = $1 }),
        .optional("evidence", .text, { $0.evidence }, { $0.evidence = $1 }),
        .optional("plannedDue", .date, { $0.plannedDue }, { $0.plannedDue = $1 }),
        .optional("notes", .list(of: MilestoneNote.self), { $0.notes.isEmpty ? nil : $0.notes }, { $0.notes = $1 ?? [] }),
        .optional("dueChanges", .list(of: DateChange.self), { $0.dueChanges.isEmpty ? nil : $0.dueChanges }, { $0.dueChanges = $1 ?? [] }),
        .optional("stage", .word, { $0.stage }, { $0.stage = $1 }),
        .optional("template", .record, { $0.template }, { $0.template = $1 }),
    ])
    static var blank: Milestone { Milestone(id: "", title: "") }
}

extension TemplateRef: StoreRecord {
    static let storeTable = StoreTable<TemplateRef>([
        .required("id", .text, { $0.id }, { $0.id = $1 }),
        .required("version", .int, { $0.version }, { $0.version = $1 }),
        .required("item", .text, { $0.item }, { $0.item = $1 }),
    ])
    static var blank: TemplateRef { TemplateRef(id: "", version: 0, item: "") }
}

extension Event: StoreRecord {
    static let storeTable = StoreTable<Event>([
        .required("id", .text, { $0.id }, { $0.id = $1 }),
        .required("date", .date, { $0.date }, { $0.date = $1 }),
        .required("title", .text, { $0.title }, { $0.title = $1 }),
        .required("summary", .text, { $0.summary }, { $0.summary = $1 }),
        .optional("participants", .int, { $0.participants }, { $0.participants = $1 }),
        .required("countries", .list(.text, placeholder: ""), { $0.countries }, { $0.countries = $1 }),
    ])
    static var blank: Event { Event(id: "", date: .placeholder, title: "", summary: "") }
}

extension Publication: StoreRecord {
    static let storeTable = StoreTable<Publication>([
        .required("id", .text, { $0.id }, { $0.id = $1 }),
        .optional("title", .text, { $0.title }, { $0.title = $1 }),
        .required("summary", .text, { $0.summary }, { $0.summary = $1 }),
        .optional("year", .int, { $0.year }, { $0.year = $1 }),
        .optional("link", .text, { $0.link }, { $0.link = $1 }),
    ])
    static var blank: Publication { Publication(id: "", summary: "") }
}

extension Contact: StoreRecord {
    static let storeTable = StoreTable<Contact>([
        .required("id", .text, { $0.id }, { $0.id = $1 }),
        .required("name", .text, { $0.name }, { $0.name = $1 }),
        .required("title", .text, { $0.title }, { $0.title = $1 }),
        .required("unit", .text, { $0.unit }, { $0.unit = $1 }),
    ])
    static var blank: Contact { Contact(id: "", name: "", title: "", unit: "") }
}

extension ProspectiveCountry: StoreRecord {
    static let storeTable = StoreTable<ProspectiveCountry>([
        .required("id", .text, { $0.id }, { $0.id = $1 }),
        .required("name", .text, { $0.name }, { $0.name = $1 }),
        .optional("note", .text, { $0.note }, { $0.note = $1 }),
    ])
    static var blank: ProspectiveCountry { ProspectiveCountry(id: "", name: "") }
}

extension Partner: StoreRecord {
    static let storeTable = StoreTable<Partner>([
        .required("id", .text, { $0.id }, { $0.id = $1 }),
        .required("name", .text, { $0.name }, { $0.name = $1 }),
    ])
    static var blank: Partner { Partner(id: "", name: "") }
}

extension Goal: StoreRecord {
    static let storeTable = StoreTable<Goal>([
        .required("id", .text, { $0.id }, { $0.id = $1 }),
        .required("title", .text, { $0.title }, { $0.title = $1 }),
        .optional("detail", .text, { $0.detail }, { $0.detail = $1 }),
    ])
    static var blank: Goal { Goal(id: "", title: "") }
}

extension DateChange: StoreRecord {
    static let storeTable = StoreTable<DateChange>([
        .optional("from", .date, { $0.from }, { $0.from = $1 }),
        .optional("to", .date, { $0.to }, { $0.to = $1 }),
        .required("at", .text, { $0.at }, { $0.at = $1 }),
        .required("by", .text, { $0.by }, { $0.by = $1 }),
        .optional("reason", .text, { $0.reason }, { $0.reason = $1 }),
    ])
    static var blank: DateChange { DateChange(from: nil, to: nil, at: "", by: "") }
}

extension MilestoneNote: StoreRecord {
    static let storeTable = StoreTable<MilestoneNote>([
        .required("text", .text, { $0.text }, { $0.text = $1 }),
        .optional("kind", .word, { $0.kind == .note ? nil : $0.kind }, { $0.kind = $1 ?? .note }),
        .required("by", .text, { $0.by }, { $0.by = $1 }),
        .required("at", .text, { $0.at }, { $0.at = $1 }),
    ])
    static var blank: MilestoneNote { MilestoneNote(text: "", by: "", at: "") }
}

extension FieldChange: StoreRecord {
    static let storeTable = StoreTable<FieldChange>([
        .optional("from", .text, { $0.from }, { $0.from = $1 }),
        .optional("to", .text, { $0.to }, { $0.to = $1 }),
        .optional("on", .date, { $0.on }, { $0.on = $1 }),
        .optional("basis", .text, { $0.basis }, { $0.basis = $1 }),
        .optional("fromBasis", .text, { $0.fromBasis }, { $0.fromBasis = $1 }),
        .required("at", .text, { $0.at }, { $0.at = $1 }),
        .required("by", .text, { $0.by }, { $0.by = $1 }),
    ])
    static var blank: FieldChange { FieldChange(from: nil, to: nil, at: "", by: "") }
}

extension Indicator: StoreRecord {
    static let storeTable = StoreTable<Indicator>([
        .required("id", .text, { $0.id }, { $0.id = $1 }),
        .required("title", .text, { $0.title }, { $0.title = $1 }),
        .required("measure", .word, { $0.measure }, { $0.measure = $1 }),
        .required("ascending", .bool, { $0.ascending }, { $0.ascending = $1 }),
        .required("aggregate", .bool, { $0.aggregate }, { $0.aggregate = $1 }),
        .optional("resultType", .word, { $0.resultType }, { $0.resultType = $1 }),
        .optional("sdg", .text, { $0.sdg }, { $0.sdg = $1 }),
        .optional("baseline", .record, { $0.baseline }, { $0.baseline = $1 }),
        .required("targets", .list(of: IndicatorValue.self), { $0.targets }, { $0.targets = $1 }),
        .required("actuals", .list(of: IndicatorValue.self), { $0.actuals }, { $0.actuals = $1 }),
    ])
    static var blank: Indicator { Indicator(id: "", title: "", measure: .unit) }
}

extension IndicatorValue: StoreRecord {
    static let storeTable = StoreTable<IndicatorValue>([
        .required("date", .date, { $0.date }, { $0.date = $1 }),
        .optional("value", .text, { $0.value }, { $0.value = $1 }),
        .optional("comment", .text, { $0.comment }, { $0.comment = $1 }),
        .optional("evidence", .text, { $0.evidence }, { $0.evidence = $1 }),
        .optional("by", .text, { $0.by }, { $0.by = $1 }),
        .optional("at", .text, { $0.at }, { $0.at = $1 }),
    ])
    static var blank: IndicatorValue { IndicatorValue(date: .placeholder, value: nil) }
}

extension SDGAssessment: StoreRecord {
    static let storeTable = StoreTable<SDGAssessment>([
        .required("date", .date, { $0.date }, { $0.date = $1 }),
        .optional("policy", .text, { $0.policy }, { $0.policy = $1 }),
        .optional("evidence", .text, { $0.evidence }, { $0.evidence = $1 }),
        .optional("note", .text, { $0.note }, { $0.note = $1 }),
        .required("evaluations", .list(of: SDGEvaluation.self), { $0.evaluations }, { $0.evaluations = $1 }),
    ])
    static var blank: SDGAssessment { SDGAssessment(date: .placeholder, policy: nil) }
}

extension SDGEvaluation: StoreRecord {
    static let storeTable = StoreTable<SDGEvaluation>([
        .required("evaluator", .text, { $0.evaluator }, { $0.evaluator = $1 }),
        .required("a", .int, { $0.a }, { $0.a = $1 }),
        .required("b", .int, { $0.b }, { $0.b = $1 }),
        .required("c", .int, { $0.c }, { $0.c = $1 }),
    ])
    static var blank: SDGEvaluation { SDGEvaluation(evaluator: "", a: 0, b: 0, c: 0) }
}
