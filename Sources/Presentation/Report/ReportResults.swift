import Foundation
import Model

/// The report's Indicators and SDG 11.a.1 sections, for Markdown, HTML and CSV: one reading of
/// `ProgressReport.indicators` and `.sdg11a1` (the JSON writes them as they are).
enum ReportResults {
    /// "0 of 8 countries meet the three qualifiers (X ≥ 51) · 0 assessed."
    static func summary(_ s: ProgressReport.SDGSection) -> String {
        (s.countries.count == 1 ? L("%@ of 1 country meets the three qualifiers (X ≥ 51)", "\(s.countriesMeeting)")
            : L("%@ of %@ countries meet the three qualifiers (X ≥ 51)", "\(s.countriesMeeting)", "\(s.countries.count)"))
            + " · " + L("%@ assessed.", "\(s.countriesAssessed)")
    }

    /// The roll-ups of the indicators that add up (`IndicatorRollUp`).
    static func rollUps(_ r: ProgressReport) -> [IndicatorRollUp] {
        IndicatorRollUp.all(r.indicators.map { ($0.sdg, $0.aggregate, $0.measure, $0.actual?.value, $0.target?.value) })
    }

    static func place(_ i: ProgressReport.IndicatorLine, _ r: ProgressReport) -> String {
        guard let id = i.country else { return L("Programme") }
        return (r.sdg11a1.countries.first { $0.country == id }?.name).map { "\($0) (\(id))" } ?? id
    }

    static func markdown(_ r: ProgressReport) -> [String] {
        let cell = MarkdownReport.cell, inline = MarkdownReport.inline
        var out = ["", "## SDG 11.a.1", "",
                   L("National urban policies that (a) respond to population dynamics, (b) ensure balanced territorial development and (c) increase local fiscal space, scored by the indicator's method.")
                   + " " + summary(r.sdg11a1) + " " + SDGRow.ruleText, "",
                   "| " + [L("Country"), L("Date"), "Qa", "Qb", "Qc", "X", L("Category"), L("Meets"), L("Stage")].joined(separator: " | ") + " |", "|---|---|---:|---:|---:|---:|---:|---|---|"]
        out += r.sdg11a1.countries.map { c in
            "| \(cell(c.name)) (\(cell(c.country))) | \(c.date ?? L("not assessed")) | \(c.qa) | \(c.qb) | \(c.qc) | \(c.x) | \(c.category) | "
                + (c.meets ? L("yes") : L("no")) + " | \(c.stage.map { L($0) } ?? "—") |"
        }
        let scored = r.sdg11a1.countries.filter { $0.date != nil && ($0.evidence != nil || $0.note != nil || !$0.evaluations.isEmpty) }
        if !scored.isEmpty { out.append("") }
        for c in scored {
            out.append("- \(inline(c.name)), \(c.date ?? ""): " + c.evaluations.map { "\(inline($0.evaluator)) a \($0.a), b \($0.b), c \($0.c)" }.joined(separator: "; ")
                       + (c.evidence.map { " · " + L("evidence:") + " " + inline($0) } ?? "") + (c.note.map { " · " + inline($0) } ?? ""))
        }
        out += ["", "## " + L("Indicators"), ""]
        guard !r.indicators.isEmpty else { return out + [L("No indicators recorded.")] }
        out += ["| " + [L("Where"), L("Indicator"), L("Measure"), L("Baseline"), L("Latest actual"), L("Target"), L("Progress")].joined(separator: " | ") + " |", "|---|---|---|---|---|---|---:|"]
        out += r.indicators.map { i in
            "| \(cell(place(i, r))) | \(cell(i.title)) | \(Indicator.Measure(rawValue: i.measure)?.text ?? i.measure)\(i.ascending ? "" : ", " + L("less is better")) | \(cell(i.baseline?.shown ?? "—")) | "
                + "\(cell(i.actual?.shown ?? "—")) | \(cell(i.target?.shown ?? "—")) | \(i.progressPercent.map { "\($0)%" } ?? "—") |"
        }
        let rollUps = rollUps(r)
        if !rollUps.isEmpty { out += [""] + rollUps.map { "- " + L("Roll-up,") + " " + inline($0.sentence) } }
        if r.indicators.contains(where: { $0.actuals.contains { $0.comment != nil || $0.evidence != nil } }) { out.append("") }
        for i in r.indicators {
            for a in i.actuals where a.comment != nil || a.evidence != nil {
                out.append("- \(inline(i.title)), \(inline(a.shown))" + (a.comment.map { ": " + inline($0) } ?? "")
                           + (a.evidence.map { " · " + L("evidence:") + " " + inline($0) } ?? "") + (a.by.map { " · " + L("recorded by %@", inline($0)) } ?? ""))
            }
        }
        return out
    }

    static func html(_ r: ProgressReport) -> [String] {
        let e = HTMLReport.e
        var body = ["<section><h2>SDG 11.a.1</h2><p>\(e(summary(r.sdg11a1))) \(e(SDGRow.ruleText))</p>",
                    "<table class=\"list sdg\"><thead><tr><th>\(e(L("Country")))</th><th>\(e(L("Date")))</th><th class=\"n q\">Qa</th><th class=\"n q\">Qb</th>"
                    + "<th class=\"n q\">Qc</th><th class=\"n\">X</th><th>\(e(L("X against 51")))</th><th class=\"n q\">\(e(L("Category")))</th><th>\(e(L("Meets")))</th><th class=\"q\">\(e(L("Stage")))</th></tr></thead>"]
        for c in r.sdg11a1.countries {
            body.append("<tr><td class=\"country\">\(e(c.name)) <span class=\"id\">\(e(c.country))</span></td><td>\(e(c.date ?? L("not assessed")))</td>"
                        + "<td class=\"n q\">\(c.qa)</td><td class=\"n q\">\(c.qb)</td><td class=\"n q\">\(c.qc)</td><td class=\"n\">\(c.x)</td>"
                        + "<td>\(sdgBar(c))</td><td class=\"n q\">\(c.category)</td><td>\(c.meets ? L("yes") : L("no"))</td><td class=\"q\">\(e(c.stage.map { L($0) } ?? "—"))</td></tr>")
        }
        body.append("</table>")
        let scored = r.sdg11a1.countries.filter { $0.date != nil && ($0.evidence != nil || $0.note != nil || !$0.evaluations.isEmpty) }
        if !scored.isEmpty {
            body.append("<ul class=\"facts\">" + scored.map { c in
                "<li>\(e(c.name)), \(e(c.date ?? "")): " + c.evaluations.map { "\(e($0.evaluator)) a \($0.a), b \($0.b), c \($0.c)" }.joined(separator: "; ")
                    + (c.evidence.map { " · " + e(L("evidence:")) + " \(e($0))" } ?? "") + (c.note.map { " · \(e($0))" } ?? "") + "</li>"
            }.joined() + "</ul>")
        }
        body.append("</section>")
        body.append("<section><h2>\(e(L("Indicators")))</h2>")
        guard !r.indicators.isEmpty else { return body + ["<p class=\"note\">\(e(L("No indicators recorded.")))</p></section>"] }
        body.append("<table class=\"list\"><thead><tr>" + [L("Where"), L("Indicator"), L("Measure"), L("Baseline"), L("Latest actual"), L("Target")].map { "<th>\(e($0))</th>" }.joined()
                    + "<th class=\"n\">\(e(L("Progress")))</th></tr></thead>")
        for i in r.indicators {
            let evidence = i.actual?.evidence.map { e in " <span class=\"note\">\(HTMLReport.e(L("evidence:"))) \(HTMLReport.e(e))</span>" } ?? ""
            body.append("<tr><td>\(e(place(i, r)))</td><td>\(e(i.title))</td><td>\(e((Indicator.Measure(rawValue: i.measure)?.text ?? i.measure) + (i.ascending ? "" : ", " + L("less is better"))))</td><td>\(e(i.baseline?.shown ?? "—"))</td>"
                        + "<td>\(e(i.actual?.shown ?? "—"))\(evidence)</td><td>\(e(i.target?.shown ?? "—"))</td>"
                        + "<td class=\"n\">\(i.progressPercent.map { "\($0)%" } ?? "—")</td></tr>")
        }
        return body + ["</table>"] + rollUps(r).map { "<p>Roll-up, \(e($0.sentence))</p>" } + ["</section>"]
    }

    /// X as a bar of 0–100 with the line at 51.
    static func sdgBar(_ c: ProgressReport.SDGLine) -> String {
        let x = Double(c.x) ?? 0
        let width = String(format: "%.1f", min(max(x, 0), 100) * 1.2)
        return "<svg class=\"sdg\" width=\"120\" height=\"10\" viewBox=\"0 0 120 10\" role=\"img\" aria-label=\"X \(c.x) of 100; the line is 51\">"
            + "<rect width=\"120\" height=\"10\" fill=\"#eee\"/><rect width=\"\(width)\" height=\"10\" fill=\"\(c.meets ? "#2e7d32" : "#9e9e9e")\"/>"
            + "<line x1=\"61.2\" x2=\"61.2\" y1=\"0\" y2=\"10\" stroke=\"#000\" stroke-width=\"2\"/></svg>"
    }

    /// CSV rows: an `indicator` row per indicator and an `sdg11a1` row per country.
    static func csvRows(_ r: ProgressReport, _ row: ([String: String]) -> [String]) -> [[String]] {
        var rows = r.indicators.map { i in
            row(["record": "indicator", "country_id": i.country ?? "", "id": i.id, "title": i.title, "measure": i.measure,
                 "baseline": i.baseline?.value ?? i.baseline?.comment ?? "", "baseline_date": i.baseline?.date ?? "",
                 "target": i.target?.value ?? i.target?.comment ?? "", "target_date": i.target?.date ?? "",
                 "actual": i.actual?.value ?? i.actual?.comment ?? "", "actual_date": i.actual?.date ?? "",
                 "percent": i.progressPercent.map(String.init) ?? "", "evidence": i.actual?.evidence ?? "",
                 "done_by": i.actual?.by ?? "", "done_at": i.actual?.at ?? ""])
        }
        rows += r.sdg11a1.countries.map { c in
            row(["record": "sdg11a1", "country_id": c.country, "country": c.name, "date": c.date ?? "", "policies": c.policy ?? "",
                 "status": c.date == nil ? "not assessed" : (c.meets ? "meets" : "does not meet"), "nup_stage": c.stage ?? "",
                 "qa": c.qa, "qb": c.qb, "qc": c.qc, "x": c.x, "category": "\(c.category)", "meets": c.meets ? "yes" : "no",
                 "evidence": c.evidence ?? "", "note": c.note ?? "",
                 "notes": c.evaluations.map { "\($0.evaluator): a \($0.a), b \($0.b), c \($0.c)" }.joined(separator: "; ")])
        }
        return rows
    }
}
