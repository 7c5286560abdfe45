import Foundation

/// UN-Habitat's National Urban Policy process as a checklist of outputs, phase by phase: the
/// template an officer applies to a country (`knupp template apply`). Each item names the public
/// sources it rests on (docs/DECISIONS.md lists them in full); nothing in it is a date or a
/// figure: the officer gives those.
public struct NUPTemplate: Sendable {
    public struct Item: Sendable, Equatable {
        public let id: String
        public let stage: NUPStage
        public let title: String
        /// The keys of its sources ([GF], [ICNUP], … in docs/DECISIONS.md).
        public let sources: [String]
    }

    public let id: String
    public let version: Int
    public let title: String
    public let items: [Item]

    public func item(_ id: String) -> Item? { items.first { $0.id == id } }

    /// `unhabitat-nup-2015`, version 1: the five phases of *National Urban Policy: A Guiding
    /// Framework* (UN-Habitat 2015, rev. 2016), their outputs from the Feasibility Guide (2018),
    /// the Rapid Diagnostic (2015), How to Formulate a National Urban Policy (2019), Iran's
    /// recorded K-NUPP steps, the programme's own page and the SDG 11.a.1 metadata.
    public static let unhabitat2015 = NUPTemplate(id: "unhabitat-nup-2015", version: 1,
                                                  title: "UN-Habitat's National Urban Policy process (Guiding Framework, 2015)", items: [
        Item(id: "feas-study", stage: .feasibility, title: "Feasibility study done: the case for a NUP made", sources: ["ICNUP", "FG", "GF"]),
        Item(id: "feas-stakeholders", stage: .feasibility, title: "Key stakeholders identified", sources: ["ICNUP", "FG"]),
        Item(id: "feas-project-document", stage: .feasibility, title: "Project document prepared", sources: ["IRN"]),
        Item(id: "feas-agreement", stage: .feasibility, title: "Implementation agreement signed and work plan agreed", sources: ["SRC"]),
        Item(id: "diag-data", stage: .diagnosis, title: "Data on population composition, trends, projections and urban growth collected",
             sources: ["ICNUP", "SDG"]),
        Item(id: "diag-report", stage: .diagnosis, title: "Diagnostic report prepared", sources: ["RD", "IRN"]),
        Item(id: "diag-validated", stage: .diagnosis, title: "Diagnosis presented at a national workshop", sources: ["IRN"]),
        Item(id: "form-lead", stage: .formulation, title: "Lead agency and coordination (steering committee or technical team) set up",
             sources: ["HF", "IRN"]),
        Item(id: "form-capacity", stage: .formulation, title: "Capacity assessed (human, financial, institutional, technical)", sources: ["HF"]),
        Item(id: "form-consultation", stage: .formulation, title: "Stakeholder consultations held (national workshops, town halls)",
             sources: ["HF", "IRN"]),
        Item(id: "form-draft", stage: .formulation, title: "Draft NUP prepared", sources: ["SRC", "IRN"]),
        Item(id: "form-validated", stage: .formulation, title: "Draft validated with stakeholders", sources: ["IRN"]),
        Item(id: "form-approved", stage: .formulation, title: "NUP approved or adopted by the government", sources: ["SDG", "SRC", "IRN"]),
        Item(id: "impl-responsibilities", stage: .implementation, title: "Responsibilities for implementation jointly defined", sources: ["SDG"]),
        Item(id: "impl-commitment", stage: .implementation, title: "Legislative or financial action or commitment taken", sources: ["SDG"]),
        Item(id: "impl-demo", stage: .implementation, title: "Demonstration (acupuncture) project implemented", sources: ["GF", "SRC"]),
        Item(id: "impl-capacity", stage: .implementation, title: "Capacity development for implementers held", sources: ["GF", "SRC"]),
        Item(id: "me-framework", stage: .monitoringAndEvaluation, title: "M&E framework with SDG-aligned targets and indicators", sources: ["GS21"]),
        Item(id: "me-11a1", stage: .monitoringAndEvaluation, title: "SDG 11.a.1 status reported in the Global State of NUP survey",
             sources: ["SDG"]),
        Item(id: "me-evaluation", stage: .monitoringAndEvaluation, title: "Evaluation done and lessons fed back", sources: ["SRC", "GF"]),
    ])

    /// What the items' source keys stand for.
    public static let sources: [(key: String, title: String)] = [
        ("GF", "National Urban Policy: A Guiding Framework (UN-Habitat 2015, rev. 2016, HS/090/15E)"),
        ("ICNUP", "International Conference on National Urban Policy, country experience sessions (2017)"),
        ("FG", "National Urban Policy Feasibility Guide (UN-Habitat 2018, HS/075/18E, funded by Korea)"),
        ("RD", "National Urban Policy Framework for a Rapid Diagnostic (UN-Habitat 2015, HS/092/15E)"),
        ("HF", "How to Formulate a National Urban Policy (2019)"),
        ("IRN", "Iran's recorded K-NUPP steps (UN-Habitat Iran; UNIC Tehran, 10 December 2018)"),
        ("SRC", "The K-NUPP programme's own description"),
        ("SDG", "SDG indicator 11.a.1 metadata (UN-Habitat, updated 2021-12-20)"),
        ("GS21", "Global State of National Urban Policy 2021: data, monitoring and evaluation"),
    ]

    /// The templates knupp knows, by id.
    public static let all = [unhabitat2015]
}

/// Which template item a milestone is (`template` in the file): the template's id and version,
/// and the item's id.
public struct TemplateRef: Hashable, Sendable {
    public var id: String
    public var version: Int
    public var item: String

    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(id: String, version: Int, item: String) { self.id = id; self.version = version; self.item = item }
}
