import Model

/// The programme as plain text, for `knupp show programme`: everything the record holds
/// beyond the countries.
public enum ProgrammeText {
    public static func render(_ p: Programme, today: CalendarDate) -> String {
        var lines = [p.name + (p.shortName.isEmpty ? "" : " (\(p.shortName))")]
        if !p.summary.isEmpty { lines += ["", p.summary] }
        if !p.partners.isEmpty { lines += ["", L("Partners:")] + p.partners.map { "  - \($0.name)" } }
        if !p.goals.isEmpty { lines += ["", L("Goals:")] + p.goals.map { "  - \($0.title)" + ($0.detail.map { ": \($0)" } ?? "") } }
        let progress = p.progress
        lines += ["", L("Progress: %@ milestones done (%@%) · %@ people reached", "\(progress.done)/\(progress.total)", "\(progress.percent)", Format.number(p.peopleReached))]
        lines.append(SDGRow.line(p, asOf: today) + " (`knupp sdg11a1`)")
        for phase in p.phases {
            let tally = p.progress(phase: phase.number)
            lines += ["", L("Phase %@", "\(phase.number)") + " (\(phase.periodText)): \(phase.title)",
                      "  " + L("%@ milestones done · countries:", "\(tally.done)/\(tally.total)") + " "
                      + p.countries(inPhase: phase.number).map { "\($0.name) (\($0.id))" }.joined(separator: ", ")]
            if let launch = phase.launch { lines.append("  " + L("Launched %@", "\(launch)") + (phase.launchNote.map { ": \($0)" } ?? "")) }
            if let start = phase.implementationStart { lines.append("  " + L("Implementation began %@", "\(start)")) }
            // The phase's own money (a country's is on its page: `knupp show COUNTRY`).
            let own = FundingSummary.of(p.budgets.filter { $0.phase == phase.number && $0.country == nil },
                                        p.expenditures.filter { $0.phase == phase.number && $0.country == nil }, asOf: today)
            lines += own.map { "  " + L("Budget of the phase as a whole:") + " " + $0.sentence }
        }
        if !p.events.isEmpty {
            lines += ["", L("Events:")] + p.events.sorted { $0.date < $1.date }.map {
                "  - \($0.date) \($0.title)" + ($0.participants.map { " (" + L("%@ participants", "\($0)") + ")" } ?? "")
            }
        }
        if !p.publications.isEmpty {
            lines += ["", L("Publications:")] + p.publications.map { "  - " + ($0.title.map { $0 + ": " } ?? "") + $0.summary }
        }
        if !p.prospectiveCountries.isEmpty {
            lines += ["", L("Countries interested in joining:")] + p.prospectiveCountries.map { "  - \($0.name)" + ($0.note.map { ": \($0)" } ?? "") }
        }
        if !p.contacts.isEmpty {
            lines += ["", L("Contacts:")] + p.contacts.map { "  - \($0.name), \($0.title), \($0.unit)" }
        }
        return lines.map(\.clean).joined(separator: "\n")
    }
}
