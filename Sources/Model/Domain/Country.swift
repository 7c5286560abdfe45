/// A country (or one of its states) whose urban policy the programme supports.
public struct Country: Hashable, Sendable, Identifiable {
    /// ISO 3166 alpha-3.
    public var id: String
    public var name: String
    public var officialName: String?
    public var phase: Int
    public var scope: Scope
    /// Where the policy stands in the NUP process; nil when the record does not say.
    public var stage: NUPStage?
    /// What in the record the stage rests on.
    public var stageBasis: String?
    /// How the stage came to be what it is, oldest first (`knupp set COUNTRY stage=…`).
    public var stageChanges: [FieldChange] = []
    /// The country's results, and its SDG 11.a.1 assessments (`SDG11a1.swift`).
    public var indicators: [Indicator] = []
    public var sdg11a1: [SDGAssessment] = []
    /// The government's ministries or offices the programme works with here.
    public var counterparts: [Counterpart] = []
    public var policies: [PolicyDocument]
    public var projects: [DemonstrationProject]
    public var funding: [String]
    public var milestones: [Milestone]
    public var notes: String

    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(id: String, name: String, officialName: String? = nil, phase: Int, scope: Scope = .national,
                stage: NUPStage? = nil, stageBasis: String? = nil, policies: [PolicyDocument] = [],
                projects: [DemonstrationProject] = [], funding: [String] = [], milestones: [Milestone] = [],
                notes: String = "") {
        self.id = id; self.name = name; self.officialName = officialName; self.phase = phase
        self.scope = scope; self.stage = stage; self.stageBasis = stageBasis; self.policies = policies
        self.projects = projects; self.funding = funding; self.milestones = milestones; self.notes = notes
    }

    /// People the country's demonstration projects reached, where the record gives a figure.
    public var peopleReached: Int {
        projects.compactMap(\.peopleReached).reduce(0, +)
    }
}
