import Foundation

/// A list of records of one kind, seen as members: how an edit finds, reads and writes one.
struct ListAccess {
    let ids: () -> [String]
    let index: (String) -> Int?
    let count: () -> Int
    let members: (Int) -> [String: JSONValue]
    let blank: () -> [String: JSONValue]
    let replace: (Int, [String: JSONValue], RecordKind) throws(EditError) -> Void
    let insert: (Int, [String: JSONValue], RecordKind) throws(EditError) -> Void
    let remove: (Int) -> Void
}

extension Programme {
    /// Reads through `body` the list of `kind` (for a policy or project, of `country`).
    func withList(_ kind: RecordKind, country: String?, _ body: (ListAccess) throws(EditError) -> Void) throws(EditError) {
        var copy = self
        try copy.modifyList(kind, country: country) { (access: inout ListAccess) throws(EditError) in try body(access) }
    }

    /// Changes through `body` the list of `kind` (for a policy or project, of `country`).
    mutating func modifyList(_ kind: RecordKind, country: String?, _ body: (inout ListAccess) throws(EditError) -> Void) throws(EditError) {
        func countryIndex() throws(EditError) -> Int {
            guard let country, let index = countries.firstIndex(where: { $0.id == country }) else {
                throw .unknownCountry(country ?? "(none given)")
            }
            return index
        }
        switch kind {
        case .country:
            // A country's milestones, policies, projects and indicators are records of their own:
            // kept out of its members and put back.
            try access(&countries, id: \.id, lean: { var c = $0; c.milestones = []; c.policies = []; c.projects = []; c.indicators = []; c.counterparts = []; return c },
                       restore: { $0.milestones = $1.milestones; $0.policies = $1.policies; $0.projects = $1.projects; $0.indicators = $1.indicators
                                  $0.counterparts = $1.counterparts },
                       body)
        case .policy: let c = try countryIndex(); try access(&countries[c].policies, id: \.id, body)
        case .project: let c = try countryIndex(); try access(&countries[c].projects, id: \.id, body)
        case .counterpart: let c = try countryIndex(); try access(&countries[c].counterparts, id: \.id, body)
        case .budget: try access(&budgets, id: \.id, body)
        case .expenditure: try access(&expenditures, id: \.id, body)
        case .event: try access(&events, id: \.id, body)
        case .publication: try access(&publications, id: \.id, body)
        case .contact: try access(&contacts, id: \.id, body)
        case .partner: try access(&partners, id: \.id, body)
        case .prospect: try access(&prospectiveCountries, id: \.id, body)
        case .goal: try access(&goals, id: \.id, body)
        case .indicator:
            // The programme's own, or a country's.
            if country == nil { try access(&indicators, id: \.id, body) } else { let c = try countryIndex(); try access(&countries[c].indicators, id: \.id, body) }
        case .phase:
            try access(&phases, id: { String($0.number) }, lean: { var p = $0; p.milestones = []; return p },
                       restore: { $0.milestones = $1.milestones }, body)
        }
    }

    /// `lean`: the record without its lists of records of their own (kept out of its members);
    /// `restore` puts them back from the record as it was.
    private func access<R: StoreRecord>(_ list: inout [R], id: @escaping (R) -> String, lean: @escaping (R) -> R = { $0 },
                                        restore: @escaping (inout R, R) -> Void = { _, _ in },
                                        _ body: (inout ListAccess) throws(EditError) -> Void) throws(EditError) {
        var current = list
        var access = ListAccess(
            ids: { current.map(id) },
            index: { wanted in current.firstIndex { id($0) == wanted } },
            count: { current.count },
            members: { StoreEncoder.members(of: lean(current[$0])) },
            blank: { StoreEncoder.members(of: R.blank) },
            replace: { (index: Int, members: [String: JSONValue], kind: RecordKind) throws(EditError) in
                var record = try StoreDecoder.record(R.self, members: members, kind: kind)
                restore(&record, current[index])
                current[index] = record
            },
            insert: { (index: Int, members: [String: JSONValue], kind: RecordKind) throws(EditError) in
                current.insert(try StoreDecoder.record(R.self, members: members, kind: kind), at: min(max(index, 0), current.count))
            },
            remove: { current.remove(at: $0) })
        try body(&access)
        list = current
    }
}

