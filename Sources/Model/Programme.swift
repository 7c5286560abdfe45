/// The whole programme as the store holds it.
public struct Programme: Codable, Hashable, Sendable {
    public var name: String
    public var shortName: String
    public var summary: String
    public var partners: [Partner]
    public var goals: [Goal]
    public var phases: [Phase]
    public var countries: [Country]
    public var events: [Event]
    public var publications: [Publication]
    public var contacts: [Contact]
    public var prospectiveCountries: [ProspectiveCountry]

    public init(name: String, shortName: String = "", summary: String = "", partners: [Partner] = [],
                goals: [Goal] = [], phases: [Phase] = [], countries: [Country] = [], events: [Event] = [],
                publications: [Publication] = [], contacts: [Contact] = [],
                prospectiveCountries: [ProspectiveCountry] = []) {
        self.name = name; self.shortName = shortName; self.summary = summary; self.partners = partners
        self.goals = goals; self.phases = phases; self.countries = countries; self.events = events
        self.publications = publications; self.contacts = contacts
        self.prospectiveCountries = prospectiveCountries
    }

    /// An empty programme, for `knupp init` without `--sample`.
    public static let empty = Programme(name: "New programme")

    public func country(_ id: String) -> Country? { countries.first { $0.id == id } }
    public func phase(_ number: Int) -> Phase? { phases.first { $0.number == number } }
    public func countries(inPhase number: Int) -> [Country] { countries.filter { $0.phase == number } }
}

public struct Partner: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public init(id: String, name: String) { self.id = id; self.name = name }
}

public struct Goal: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var detail: String?
    public init(id: String, title: String, detail: String? = nil) { self.id = id; self.title = title; self.detail = detail }
}

/// Something that happened on a day: a side event, a session.
public struct Event: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var date: CalendarDate
    public var title: String
    public var summary: String
    public var participants: Int?
    /// The countries it concerns; empty when it concerns the whole programme.
    public var countries: [String]

    public init(id: String, date: CalendarDate, title: String, summary: String, participants: Int? = nil,
                countries: [String] = []) {
        self.id = id; self.date = date; self.title = title; self.summary = summary
        self.participants = participants; self.countries = countries
    }
}

/// A knowledge product. The source gives only the opening words of most, so the title may be unknown.
public struct Publication: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String?
    public var summary: String
    public init(id: String, title: String? = nil, summary: String) { self.id = id; self.title = title; self.summary = summary }
}

public struct Contact: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var title: String
    public var unit: String
    public init(id: String, name: String, title: String, unit: String) {
        self.id = id; self.name = name; self.title = title; self.unit = unit
    }
}

/// A country or state that asked to join.
public struct ProspectiveCountry: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var note: String?
    public init(id: String, name: String, note: String? = nil) { self.id = id; self.name = name; self.note = note }
}
