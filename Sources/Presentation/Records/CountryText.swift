
import Model

/// A country as plain text, for `knupp show`.
public enum CountryText {
    public static func render(_ c: Country, programme: Programme, today: CalendarDate) -> String {
        var lines: [String] = []
        let p = MilestoneProgress.of(c.milestones)
        lines.append("\(c.name.clean) (\(c.id))" + (c.officialName.map { " — \($0.clean)" } ?? ""))
        lines.append("Phase:      \(c.phase)" + (programme.phase(c.phase).map { ", \($0.periodLabel)" } ?? ""))
        lines.append("Scope:      \(c.scope.level == .national ? "national" : "sub-national: \(c.scope.label.clean)")")
        lines.append("NUP stage:  \(StageStrip.text(c.stage))" + (c.stageBasis.map { "\n            \($0.clean)" } ?? ""))
        lines.append("MilestoneProgress:   \(p.done)/\(p.total) milestones done (\(p.percent)%)")
        lines.append("")
        lines.append("Policy documents:")
        lines += c.policies.isEmpty ? ["  (none recorded)"] : c.policies.map { "  - \($0.title.clean): \($0.status.label)" + ($0.note.map { " — \($0.clean)" } ?? "") }
        lines.append("Demonstration projects:")
        lines += c.projects.isEmpty ? ["  (none recorded)"] : c.projects.map {
            "  - \($0.title.clean)" + ($0.peopleReached.map { ": \(Format.number($0)) people reached" } ?? "")
        }
        if !c.funding.isEmpty {
            lines.append("Funding:")
            lines += c.funding.map { "  - \($0.clean)" }
        }
        lines.append("Milestones:")
        lines += c.milestones.isEmpty ? ["  (none)"] : c.milestones.map { MilestoneText.line($0, today: today) }
        let events = programme.events(concerning: c.id)
        if !events.isEmpty {
            lines.append("Events:")
            lines += events.map { "  - \($0.date) \($0.title.clean)" }
        }
        if !c.notes.isEmpty {
            lines.append("Notes:")
            lines += c.notes.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + String($0).clean }
        }
        return lines.joined(separator: "\n")
    }
}
