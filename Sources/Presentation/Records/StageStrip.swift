
import Model

/// The five NUP stages with the current one marked.
public enum StageStrip {
    public static func text(_ stage: NUPStage?) -> String {
        guard let stage else { return "unknown (the record does not say)" }
        return NUPStage.allCases.map { $0 == stage ? "[\($0.label)]" : $0.label }.joined(separator: " > ")
    }
}
