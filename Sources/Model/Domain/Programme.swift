/// The whole programme as the store holds it.
public struct Programme: Hashable, Sendable {
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
    /// The programme's own results (a country's are on the country).
    public var indicators: [Indicator] = []
    /// Money planned and spent, by phase (and country): IATI's budgets and transactions.
    public var budgets: [Budget] = []
    public var expenditures: [Expenditure] = []
    /// What IATI needs that the record does not say (`knupp iati set`).
    public var iati: IATISettings?

    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

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
