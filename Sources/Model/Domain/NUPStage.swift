/// The five stages of UN-Habitat's NUP process.
public enum NUPStage: String, Sendable, CaseIterable {
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
}
