import Model

/// The progress report as RFC 4180 CSV: one row per country, phase milestone or country milestone, and event.
public enum CSVReport {
    public static let header = ["record", "phase", "country_id", "country", "scope", "nup_stage", "policies", "people_reached",
                         "milestones_done", "milestones_total", "percent", "overdue",
                         "id", "title", "status", "due", "done_by", "done_at", "date", "participants"]

    public static func render(_ r: ProgressReport) -> String {
        var rows: [[String]] = [header]
        func milestoneRow(_ m: ProgressReport.MilestoneLine, phase: Int, country: ProgressReport.CountryLine?) -> [String] {
            ["milestone", "\(phase)", country?.id ?? "", country?.name ?? "", "", "", "", "", "", "", "", "",
             m.id, m.title, m.status, m.due ?? "", m.doneBy ?? "", m.doneAt ?? "", "", ""]
        }
        for phase in r.phases {
            rows.append(["phase", "\(phase.number)", "", "", "", "", "", "\(phase.peopleReached)",
                         "\(phase.progress.done)", "\(phase.progress.total)", "\(phase.progress.percent)",
                         "\(phase.progress.overdue)", "", phase.title, "", "", "", "", phase.period, ""])
            rows += phase.milestones.map { milestoneRow($0, phase: phase.number, country: nil) }
            for c in phase.countries {
                rows.append(["country", "\(phase.number)", c.id, c.name, c.scope, c.stage ?? "",
                             c.policies.map { "\($0.title) (\($0.status))" }.joined(separator: "; "),
                             "\(c.peopleReached)", "\(c.progress.done)", "\(c.progress.total)",
                             "\(c.progress.percent)", "\(c.progress.overdue)", "", "", "", "", "", "", "", ""])
                rows += c.milestones.map { milestoneRow($0, phase: phase.number, country: c) }
            }
        }
        rows += r.events.map { ["event", "", "", "", "", "", "", "", "", "", "", "", "", $0.title, "", "", "", "",
                                $0.date, $0.participants.map { "\($0)" } ?? ""] }
        // Changes of the period (--since): the moment in `date`, the officer in `done_by`, the kind in `status`.
        rows += (r.changes?.items ?? []).map { ["change", "", "", "", "", "", "", "", "", "", "", "",
                                                $0.id, $0.title, $0.kind, "", $0.officer, "", $0.moment, ""] }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A field quoted when it holds a comma, a quote, a line break or edge spaces; quotes doubled.
    /// A cell a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
    /// return) gets a single quote in front, as OWASP recommends: shown, never run.
    public static func field(_ text: String) -> String {
        let text = ["=", "+", "-", "@", "\t", "\r"].contains(where: { text.hasPrefix($0) }) ? "'" + text : text
        // Line breaks are data here; other control characters are not, and never reach a terminal raw.
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0 == "\n" || $0 == "\r" ? String($0) : String($0).clean
        }.joined().unicodeScalars))
        let needsQuotes = cleaned.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || cleaned.hasPrefix(" ") || cleaned.hasSuffix(" ")
        return needsQuotes ? "\"" + cleaned.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cleaned
    }
}
