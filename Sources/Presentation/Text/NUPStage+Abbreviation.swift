import Model

extension NUPStage {
    /// A column's abbreviation ("Feas"), where a table has no room for the label.
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
