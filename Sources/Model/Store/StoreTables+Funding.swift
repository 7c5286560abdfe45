/// The store's tables of the records that fund the programme and publish it to IATI (see
/// `StoreTables.swift`: the one place a store field is named).

extension Budget: StoreRecord {
    static let storeTable = StoreTable<Budget>([
        .required("id", .text, { $0.id }, { $0.id = $1 }),
        .required("phase", .int, { $0.phase }, { $0.phase = $1 }),
        .optional("country", .text, { $0.country }, { $0.country = $1 }),
        .required("periodStart", .date, { $0.periodStart }, { $0.periodStart = $1 }),
        .required("periodEnd", .date, { $0.periodEnd }, { $0.periodEnd = $1 }),
        .required("value", .amount, { $0.value }, { $0.value = $1 }),
        .required("currency", .text, { $0.currency }, { $0.currency = $1 }),
        .required("valueDate", .date, { $0.valueDate }, { $0.valueDate = $1 }),
        .required("type", .word, { $0.type }, { $0.type = $1 }),
        .required("status", .word, { $0.status }, { $0.status = $1 }),
        .optional("note", .text, { $0.note }, { $0.note = $1 }),
    ])
    static var blank: Budget { Budget(id: "", phase: 0, periodStart: .placeholder, periodEnd: .placeholder, value: "0", currency: "", valueDate: .placeholder) }
}

extension Expenditure: StoreRecord {
    static let storeTable = StoreTable<Expenditure>([
        .required("id", .text, { $0.id }, { $0.id = $1 }),
        .required("phase", .int, { $0.phase }, { $0.phase = $1 }),
        .optional("country", .text, { $0.country }, { $0.country = $1 }),
        .required("date", .date, { $0.date }, { $0.date = $1 }),
        .required("value", .amount, { $0.value }, { $0.value = $1 }),
        .required("currency", .text, { $0.currency }, { $0.currency = $1 }),
        .optional("note", .text, { $0.note }, { $0.note = $1 }),
    ])
    static var blank: Expenditure { Expenditure(id: "", phase: 0, date: .placeholder, value: "0", currency: "") }
}

extension Counterpart: StoreRecord {
    static let storeTable = StoreTable<Counterpart>([
        .required("id", .text, { $0.id }, { $0.id = $1 }),
        .required("name", .text, { $0.name }, { $0.name = $1 }),
        .required("role", .word, { $0.role }, { $0.role = $1 }),
    ])
    static var blank: Counterpart { Counterpart(id: "", name: "", role: .lead) }
}

extension IATISettings: StoreRecord {
    static let storeTable = StoreTable<IATISettings>([
        .optional("reportingOrg", .record, { $0.reportingOrg }, { $0.reportingOrg = $1 }),
        .optional("identifierPrefix", .text, { $0.identifierPrefix }, { $0.identifierPrefix = $1 }),
        .optional("sector", .text, { $0.sector }, { $0.sector = $1 }),
        .optional("partners", .list(of: IATIPartner.self), { $0.partners.isEmpty ? nil : $0.partners }, { $0.partners = $1 ?? [] }),
        .optional("phases", .list(of: IATIPhase.self), { $0.phases.isEmpty ? nil : $0.phases }, { $0.phases = $1 ?? [] }),
    ])
    static var blank: IATISettings { IATISettings() }
}

extension IATIOrganisation: StoreRecord {
    static let storeTable = StoreTable<IATIOrganisation>([
        .required("ref", .text, { $0.ref }, { $0.ref = $1 }),
        .required("type", .int, { $0.type }, { $0.type = $1 }),
        .required("name", .text, { $0.name }, { $0.name = $1 }),
    ])
    static var blank: IATIOrganisation { IATIOrganisation(ref: "", type: 0, name: "") }
}

extension IATIPartner: StoreRecord {
    static let storeTable = StoreTable<IATIPartner>([
        .required("id", .text, { $0.id }, { $0.id = $1 }),
        .required("roles", .list(.word, placeholder: .implementing), { $0.roles }, { $0.roles = $1 }),
        .optional("type", .int, { $0.type }, { $0.type = $1 }),
        .optional("ref", .text, { $0.ref }, { $0.ref = $1 }),
    ])
    static var blank: IATIPartner { IATIPartner(id: "", roles: []) }
}

extension IATIPhase: StoreRecord {
    static let storeTable = StoreTable<IATIPhase>([
        .required("number", .int, { $0.number }, { $0.number = $1 }),
        .optional("status", .int, { $0.status }, { $0.status = $1 }),
        .optional("shares", .list(of: IATIShare.self), { $0.shares.isEmpty ? nil : $0.shares }, { $0.shares = $1 ?? [] }),
    ])
    static var blank: IATIPhase { IATIPhase(number: 0) }
}

extension IATIShare: StoreRecord {
    static let storeTable = StoreTable<IATIShare>([
        .required("country", .text, { $0.country }, { $0.country = $1 }),
        .required("percentage", .amount, { $0.percentage }, { $0.percentage = $1 }),
    ])
    static var blank: IATIShare { IATIShare(country: "", percentage: "0") }
}
