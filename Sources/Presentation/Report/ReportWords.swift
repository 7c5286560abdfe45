import Model

// The report's lines carry the record's English words (the JSON and CSV say them so); the
// Markdown and HTML reports say them in the chosen language through these.
extension ProgressReport.PhaseLine {
    /// "Phase 2 (2022–2026-11, expected)" as a heading says it; "2기 (2022–2026-11, 예정)".
    public var heading: String {
        guard Texts.language != .en else { return label }
        let period = period.replacingOccurrences(of: " (expected)", with: ", " + L("expected"))
        return L("Phase %@", "\(number)") + " (\(period))"
    }
}

public enum ReportWords {
    /// A stage as a line carries it ("monitoring & evaluation"), in the chosen language.
    public static func stage(_ label: String?) -> String? { label.map { NUPStage.labelled($0)?.text ?? $0 } }

    /// "national", or the subdivision's name (the record's).
    public static func scope(_ label: String) -> String { label == "national" ? L("national") : label }

    /// A policy's status as a line carries it ("pending approval").
    public static func status(_ label: String) -> String { PolicyDocument.Status.allCases.first { $0.label == label }?.text ?? label }
}

extension ReportWords {
    /// Whose a slipped milestone is, as a line carries it ("Phase 2", or a country's name).
    public static func owner(_ owner: String) -> String {
        owner.wholeMatch(of: /Phase ([0-9]+)/).map { L("Phase %@", String($0.output.1)) } ?? owner
    }
}
