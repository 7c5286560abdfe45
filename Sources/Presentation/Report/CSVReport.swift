import Model

/// The progress report as RFC 4180 CSV: one row per country, phase milestone or country milestone, and event.
public enum CSVReport {
    /// The columns, in this order, in every version of knupp since the report was versioned 2;
    /// new columns are only ever added at the end (docs/REPORT.md describes each).
    public static let header = ["record", "phase", "country_id", "country", "scope", "nup_stage", "policies", "people_reached",
                                "milestones_done", "milestones_total", "percent", "overdue",
                                "id", "title", "status", "due", "done_by", "done_at", "date", "participants",
                                "period", "note", "evidence", "known_by", "official_name", "stage_basis", "launch", "implementation_start", "done_on", "time_zone",
                                "planned_due", "slip_days", "due_changes", "actual_end", "notes",
                                "measure", "baseline", "baseline_date", "target", "target_date", "actual", "actual_date",
                                "qa", "qb", "qc", "x", "category", "meets",
                                "currency", "budgeted", "spent"]

    public static func render(_ r: ProgressReport) -> String {
        var rows: [[String]] = [header]
        /// A row with the named columns set, the others empty.
        func row(_ values: [String: String]) -> [String] { header.map { values[$0] ?? "" } }
        /// No figure recorded is an empty cell, as Markdown's "—", never a 0 that reads as one.
        func figure(_ n: Int) -> String { n > 0 ? "\(n)" : "" }
        /// No percentage of nothing: empty where there are no milestones.
        func percent(_ t: ProgressReport.Tally) -> String { t.total > 0 ? "\(t.percent)" : "" }
        // What the report is of: the programme, the day it is as of, the period when there is one.
        rows.append(row(["record": "report", "title": r.programme, "date": r.asOf, "period": r.from.map { "\($0)–\(r.asOf)" } ?? "",
                         "note": r.summary ?? "", "time_zone": r.timeZone ?? "",
                         "people_reached": figure(r.peopleReached), "milestones_done": "\(r.progress.done)",
                         "milestones_total": "\(r.progress.total)", "percent": percent(r.progress), "overdue": "\(r.progress.overdue)"]))
        func milestoneRow(_ m: ProgressReport.MilestoneLine, phase: Int, country: ProgressReport.CountryLine?) -> [String] {
            row(["record": "milestone", "phase": "\(phase)", "country_id": country?.id ?? "", "country": country?.name ?? "",
                 "nup_stage": m.stage.flatMap(NUPStage.init(rawValue:))?.label ?? "",
                 "id": m.id, "title": m.title, "status": m.status, "due": m.due ?? "", "done_by": m.doneBy ?? "",
                 "done_at": m.doneAt ?? "", "note": m.note ?? "", "evidence": m.evidence ?? "", "known_by": m.knownBy ?? "", "done_on": m.doneOn ?? "",
                 "planned_due": m.plannedDue ?? "", "slip_days": m.slipDays.map(String.init) ?? "",
                 "due_changes": (m.dueChanges ?? []).map(DateChangeLine.sentence).joined(separator: "; "),
                 "notes": (m.notes ?? []).map(ProgressReport.NoteLine.sentence).joined(separator: "; ")])
        }
        /// Spent against budget in one currency, for a phase's own money or a country's.
        func moneyRow(_ m: FundingSummary, phase: Int, country: ProgressReport.CountryLine?) -> [String] {
            row(["record": "budget", "phase": "\(phase)", "country_id": country?.id ?? "", "country": country?.name ?? "",
                 "currency": m.currency, "budgeted": "\(m.budgeted)", "spent": "\(m.spent)", "percent": m.percent.map(String.init) ?? ""])
        }
        rows += r.goals.map { row(["record": "goal", "title": $0.title, "note": $0.detail ?? ""]) }
        for phase in r.phases {
            rows.append(row(["launch": phase.launch ?? "", "implementation_start": phase.implementationStart ?? "", "note": phase.launchNote ?? "",
                             "record": "phase", "phase": "\(phase.number)", "people_reached": figure(phase.peopleReached),
                             "milestones_done": "\(phase.progress.done)", "milestones_total": "\(phase.progress.total)",
                             "percent": percent(phase.progress), "overdue": "\(phase.progress.overdue)",
                             "title": phase.title, "period": phase.period,
                             // A phase's end: as first planned when it moved, and the actual one when recorded.
                             "planned_due": phase.plannedEnd ?? "", "actual_end": phase.actualEnd ?? "",
                             "slip_days": r.phaseEnds.first { $0.number == phase.number }.map { "\($0.slipDays)" } ?? "",
                             "due_changes": (r.phaseEnds.first { $0.number == phase.number }?.endChanges ?? []).map(DateChangeLine.sentence)
                                 .joined(separator: "; ")]))
            rows += phase.milestones.map { milestoneRow($0, phase: phase.number, country: nil) }
            rows += (phase.budget ?? []).map { moneyRow($0, phase: phase.number, country: nil) }
            for c in phase.countries {
                rows.append(row(["record": "country", "phase": "\(phase.number)", "country_id": c.id, "country": c.name,
                                 "scope": c.scope, "nup_stage": c.stage ?? "",
                                 "policies": c.policies.map { "\($0.title) (\($0.status))" + ($0.note.map { " — \($0)" } ?? "") }.joined(separator: "; "),
                                 "official_name": c.officialName ?? "", "stage_basis": c.stageBasis ?? "", "note": c.notes ?? "",
                                 "people_reached": figure(c.peopleReached), "milestones_done": "\(c.progress.done)",
                                 "milestones_total": "\(c.progress.total)", "percent": percent(c.progress),
                                 "overdue": "\(c.progress.overdue)"]))
                rows += c.milestones.map { milestoneRow($0, phase: phase.number, country: c) }
                rows += (c.budget ?? []).map { moneyRow($0, phase: phase.number, country: c) }
            }
        }
        rows += ReportResults.csvRows(r, row)
        rows += r.events.map {
            row(["record": "event", "title": $0.title, "date": $0.date, "participants": $0.participants.map { "\($0)" } ?? "", "note": $0.summary ?? ""])
        }
        // Changes of the period (--since): the moment in `date`, the officer in `done_by`, the kind in `status`.
        rows += (r.changes?.items ?? []).map {
            row(["record": "change", "id": $0.id, "title": $0.title, "status": $0.kind, "done_by": $0.officer, "date": $0.moment,
                 "note": $0.details.joined(separator: "; ")])
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// "-3", "-0.5": a minus, ASCII digits, and at most one point with digits after it. Read
    /// byte by byte: a regular expression per cell made a report of 10,000 milestones take 17 s.
    static func isNegativeNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            func digits(from start: Int) -> Int {
                var i = start
                while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
                return i
            }
            guard b.count >= 2, b[0] == UInt8(ascii: "-") else { return false }
            let whole = digits(from: 1)
            guard whole > 1 else { return false }
            if whole == b.count { return true }
            guard b[whole] == UInt8(ascii: "."), whole + 1 < b.count else { return false }
            return digits(from: whole + 1) == b.count
        }
    }

    /// What a spreadsheet runs as a formula when a cell starts with it (OWASP's list).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A field quoted when it holds a comma, a quote, a line break or edge spaces; quotes doubled.
    /// A cell a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage
    /// return, also after line breaks) gets a single quote in front, as OWASP recommends: shown,
    /// never run (a negative number, "-3" or "-0.5" alone, is no formula and stays a number). Decided on code points, as a spreadsheet reads them: a comma or a quote followed
    /// by a combining mark is one character to Swift but still splits or ends a CSV cell.
    public static func field(_ text: String) -> String {
        // A negative number is a number, not a formula: "-3" stays one a spreadsheet adds up.
        if isNegativeNumber(text) { return text }
        let scalars = text.unicodeScalars
        let afterBreaks = scalars.drop { $0 == "\r" || $0 == "\n" }
        let guarded = scalars.first.map(formulaStarts.contains) == true || afterBreaks.first.map(formulaStarts.contains) == true
        var out = String.UnicodeScalarView()
        var needsQuotes = false
        if guarded { out.append("'") }
        for scalar in scalars {
            switch scalar {
            // Line breaks are data here; other control characters are not, and never reach a terminal raw.
            case "\n", "\r", ",": out.append(scalar); needsQuotes = true
            case "\"": out.append(scalar); out.append(scalar); needsQuotes = true
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || String.needsReplacing(scalar):
                out.append(contentsOf: String(scalar).clean.unicodeScalars)
            default: out.append(scalar)
            }
        }
        if out.first == " " || out.last == " " { needsQuotes = true }
        return needsQuotes ? "\"" + String(out) + "\"" : String(out)
    }
}
