/// A country (or one of its states) whose urban policy the programme supports.
public struct Country: Codable, Hashable, Sendable, Identifiable {
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
    public var policies: [PolicyDocument]
    public var projects: [DemonstrationProject]
    public var funding: [String]
    public var milestones: [Milestone]
    public var notes: String

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

/// National, or sub-national with the subdivision the policy covers.
public struct Scope: Codable, Hashable, Sendable {
    public enum Level: String, Codable, Sendable { case national, subNational }
    public var level: Level
    public var subdivision: String?

    public static let national = Scope(level: .national, subdivision: nil)
    public static func subNational(_ subdivision: String) -> Scope {
        Scope(level: .subNational, subdivision: subdivision)
    }

    public var label: String {
        level == .national ? "national" : (subdivision ?? "sub-national")
    }
}

/// The five stages of UN-Habitat's NUP process.
public enum NUPStage: String, Codable, Sendable, CaseIterable {
    case feasibility, diagnosis, formulation, implementation, monitoringAndEvaluation

    public var label: String {
        switch self {
        case .feasibility: "feasibility"
        case .diagnosis: "diagnosis"
        case .formulation: "formulation"
        case .implementation: "implementation"
        case .monitoringAndEvaluation: "monitoring & evaluation"
        }
    }

    public var shortLabel: String {
        switch self {
        case .feasibility: "Feas"
        case .diagnosis: "Diag"
        case .formulation: "Form"
        case .implementation: "Impl"
        case .monitoringAndEvaluation: "M&E"
        }
    }
}

/// A policy or strategy document and how far it has come.
public struct PolicyDocument: Codable, Hashable, Sendable, Identifiable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case draft, pendingApproval, adopted, endorsed

        public var label: String {
            switch self {
            case .draft: "draft"
            case .pendingApproval: "pending approval"
            case .adopted: "adopted"
            case .endorsed: "endorsed"
            }
        }
    }

    public var id: String
    public var title: String
    public var status: Status
    public var note: String?

    public init(id: String, title: String, status: Status, note: String? = nil) {
        self.id = id; self.title = title; self.status = status; self.note = note
    }
}

/// A demonstration ("acupuncture") project and the people it reached.
public struct DemonstrationProject: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var peopleReached: Int?
    public var note: String?

    public init(id: String, title: String, peopleReached: Int? = nil, note: String? = nil) {
        self.id = id; self.title = title; self.peopleReached = peopleReached; self.note = note
    }
}
