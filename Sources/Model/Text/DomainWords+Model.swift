// The record's own words (a stage, a kind of record, whose a milestone is) as the officer reads
// them in the chosen language: here in Model, as the model's own sentences say them (an edit's
// line, a refused edit). The file, JSON and CSV keep the English (`label`, `rawValue`,
// `ownerName`). The rest of the domain's words are Presentation's (`DomainWords.swift`).

extension NUPStage {
    /// "formulation"; "수립".
    public var text: String {
        switch self {
        case .feasibility: L("feasibility")
        case .diagnosis: L("diagnosis")
        case .formulation: L("formulation")
        case .implementation: L("implementation")
        case .monitoringAndEvaluation: L("monitoring & evaluation")
        }
    }

    /// A column's abbreviation ("Feas"; in Korean the word itself is short enough).
    public var shortText: String {
        switch self {
        case .feasibility: L("Feas")
        case .diagnosis: L("Diag")
        case .formulation: L("Form")
        case .implementation: L("Impl")
        case .monitoringAndEvaluation: L("M&E")
        }
    }

    /// The stage named by its English label as a report line carries it ("monitoring & evaluation").
    public static func labelled(_ label: String) -> NUPStage? { allCases.first { $0.label == label } }
}

extension RecordKind {
    /// "Event", "Policy" as a sentence begins with it; "행사", "정책".
    public var title: String {
        switch self {
        case .country: L("Country")
        case .policy: L("Policy")
        case .project: L("Project")
        case .event: L("Event")
        case .publication: L("Publication")
        case .contact: L("Contact")
        case .partner: L("Partner")
        case .prospect: L("Prospect")
        case .goal: L("Goal")
        case .phase: L("Phase")
        case .indicator: L("Indicator")
        case .budget: L("Budget")
        case .expenditure: L("Expenditure")
        case .counterpart: L("Counterpart")
        }
    }

    /// "policy" inside a sentence ("Edit the policy").
    public var noun: String {
        switch self {
        case .country: L("country")
        case .policy: L("policy")
        case .project: L("project")
        case .event: L("event")
        case .publication: L("publication")
        case .contact: L("contact")
        case .partner: L("partner")
        case .prospect: L("prospect")
        case .goal: L("goal")
        case .phase: L("phase")
        case .indicator: L("indicator")
        case .budget: L("budget")
        case .expenditure: L("expenditure")
        case .counterpart: L("counterpart")
        }
    }

    /// "a policy", "an event" ("Add a policy to Mozambique").
    public var withArticle: String {
        switch self {
        case .country: L("a country")
        case .policy: L("a policy")
        case .project: L("a project")
        case .event: L("an event")
        case .publication: L("a publication")
        case .contact: L("a contact")
        case .partner: L("a partner")
        case .prospect: L("a prospect")
        case .goal: L("a goal")
        case .phase: L("a phase")
        case .indicator: L("an indicator")
        case .budget: L("a budget")
        case .expenditure: L("an expenditure")
        case .counterpart: L("a counterpart")
        }
    }

    /// "events", "prospective countries"; in Korean the same word as one.
    public var pluralText: String {
        switch self {
        case .country: L("countries")
        case .policy: L("policies")
        case .project: L("projects")
        case .event: L("events")
        case .publication: L("publications")
        case .contact: L("contacts")
        case .partner: L("partners")
        case .prospect: L("prospective countries")
        case .goal: L("goals")
        case .phase: L("phases")
        case .indicator: L("indicators")
        case .budget: L("budgets")
        case .expenditure: L("expenditures")
        case .counterpart: L("counterparts")
        }
    }
}

extension Programme {
    /// Whose a milestone is, as a screen says it: the country's name, or "Phase 2" ("2기").
    /// (`ownerName` is the English the JSON keeps.)
    public func ownerText(_ owner: MilestoneOwner) -> String {
        if case .phase(let n) = owner { return L("Phase %@", "\(n)") }
        return ownerName(owner)
    }
}

extension IndicatorValueKind {
    /// "baseline", "target", "actual" inside a sentence.
    public var word: String {
        switch self {
        case .baseline: L("baseline")
        case .target: L("target")
        case .actual: L("actual")
        }
    }
}

extension String {
    /// "A policy" from "a policy" (a word that begins a sentence; Hangul is left as it is).
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
