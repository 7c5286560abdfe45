import Model

/// The programme as plain text, for `knupp show programme`: everything the record holds
/// beyond the countries.
public enum ProgrammeText {
    public static func render(_ p: Programme, today: CalendarDate) -> String {
        var lines = [p.name + (p.shortName.isEmpty ? "" : " (\(p.shortName))")]
        if !p.summary.isEmpty { lines += ["", p.summary] }
        if !p.partners.isEmpty { lines += ["", "Partners:"] + p.partners.map { "  - \($0.name)" } }
        if !p.goals.isEmpty { lines += ["", "Goals:"] + p.goals.map { "  - \($0.title)" + ($0.detail.map { ": \($0)" } ?? "") } }
        let progress = p.progress
        lines += ["", "Progress: \(progress.done)/\(progress.total) milestones done (\(progress.percent)%) · "
                  + "\(Format.number(p.peopleReached)) people reached"]
        lines.append(SDGRow.line(p, asOf: today) + " (`knupp sdg11a1`)")
        for phase in p.phases {
            let tally = p.progress(phase: phase.number)
            lines += ["", "Phase \(phase.number) (\(phase.periodLabel)): \(phase.title)",
                      "  \(tally.done)/\(tally.total) milestones done · countries: "
                      + p.countries(inPhase: phase.number).map { "\($0.name) (\($0.id))" }.joined(separator: ", ")]
            if let launch = phase.launch { lines.append("  Launched \(launch)" + (phase.launchNote.map { ": \($0)" } ?? "")) }
            if let start = phase.implementationStart { lines.append("  Implementation began \(start)") }
        }
        if !p.events.isEmpty {
            lines += ["", "Events:"] + p.events.sorted { $0.date < $1.date }.map {
                "  - \($0.date) \($0.title)" + ($0.participants.map { " (\($0) participants)" } ?? "")
            }
        }
        if !p.publications.isEmpty {
            lines += ["", "Publications:"] + p.publications.map { "  - " + ($0.title.map { $0 + ": " } ?? "") + $0.summary }
        }
        if !p.prospectiveCountries.isEmpty {
            lines += ["", "Countries interested in joining:"] + p.prospectiveCountries.map { "  - \($0.name)" + ($0.note.map { ": \($0)" } ?? "") }
        }
        if !p.contacts.isEmpty {
            lines += ["", "Contacts:"] + p.contacts.map { "  - \($0.name), \($0.title), \($0.unit)" }
        }
        return lines.map(\.clean).joined(separator: "\n")
    }
}
