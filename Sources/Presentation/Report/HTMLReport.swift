import Foundation
import Model

/// The progress report as one self-contained HTML page: inline CSS and SVG, no script, nothing
/// fetched. Opens in any browser, prints to A4 (a section a page where it helps), reads in a
/// narrow window.
public enum HTMLReport {
    public static func render(_ r: ProgressReport, timeZone: TimeZone = .current) -> String {
        let name = r.shortName.isEmpty ? r.programme : r.shortName
        var body: [String] = []
        body.append("<header><h1>\(e(L("%@ progress report", name)))</h1>")
        body.append("<p class=\"lead\">\(e(r.programme))</p>")
        body.append("<p class=\"period\">" + (r.from.map { L("Reporting period %@ to %@", "<b>\(e(Texts.prose($0)))</b>", "<b>\(e(Texts.prose(r.asOf)))</b>") } ?? L("As of %@", "<b>\(e(Texts.prose(r.asOf)))</b>"))
                    + (r.partners.isEmpty ? "" : " · " + r.partners.map(e).joined(separator: " · "))
                    + " · " + e(L("days and times in %@", MomentFormat.zone(timeZone)))
                    + (r.recordSource.map { " · " + e(L("the record as it stood in %@", $0)) } ?? "")
                    + (r.undatedMayBeLater == true ? " · " + e(L("notes the record does not date are marked (undated): they may have been written after %@", r.asOf)) : "") + "</p>")
        if let summary = r.summary { body.append("<p class=\"summary\">\(e(summary))</p>") }
        if !r.goals.isEmpty {
            body.append("<ul class=\"goals\">" + r.goals.map { "<li><b>\(e($0.title))</b>" + ($0.detail.map { ": \(e($0))" } ?? "") + "</li>" }.joined() + "</ul>")
        }
        body.append("</header>")

        // Totals.
        body.append("<section class=\"totals\">")
        body.append(stat("\(r.progress.percent)%", L("milestones done"), L("%@ of %@", "\(r.progress.done)", "\(r.progress.total)")))
        body.append(stat("\(r.progress.total - r.progress.done)", L("open"), L("%@ overdue", "\(r.progress.overdue)")))
        body.append(stat(Format.number(r.peopleReached), L("people reached"), L("by demonstration projects")))
        body.append(stat("\(r.phases.reduce(0) { $0 + $1.countries.count })", L("countries"), r.phases.count == 1 ? L("1 phase") : L("%@ phases", "\(r.phases.count)")))
        body.append("</section>")

        // Progress by phase and country.
        body.append("<section><h2>\(e(L("Progress")))</h2><table class=\"progress\">")
        for phase in r.phases {
            body.append("<tr class=\"phase\"><th>\(e(phase.heading))</th><td>\(bar(phase.progress))</td><td class=\"n\">\(phase.progress.done)/\(phase.progress.total)</td></tr>")
            for c in phase.countries {
                body.append("<tr><td class=\"country\">\(e(c.name)) <span class=\"id\">\(e(c.id))</span></td><td>\(bar(c.progress))</td>"
                            + "<td class=\"n\">\(c.progress.done)/\(c.progress.total)</td></tr>")
            }
        }
        body.append("</table></section>")

        // Where each country stands in the NUP process.
        let stages = NUPStage.allCases
        body.append("<section><h2>\(e(L("Where each country stands in the NUP process")))</h2><table class=\"matrix\"><thead><tr><th></th>")
        // Each stage's name, and its short form for a narrow window (the CSS shows one of them).
        body.append(stages.map { "<th><span class=\"long\">\(e($0.text))</span><span class=\"short\" title=\"\(e($0.text))\">\(e($0.shortText))</span></th>" }.joined()
                    + "</tr></thead>")
        for c in r.phases.flatMap(\.countries) {
            let at = stages.firstIndex { $0.label == c.stage }
            body.append("<tr><td class=\"country\">\(e(c.name))" + (at == nil ? " <span class=\"note\">\(e(L("stage not recorded")))</span>" : "")
                        + (c.checklistStage.map { " <span class=\"note\">\(e(L("its checklist:"))) \(e($0))</span>" } ?? "") + "</td>"
                        + stages.indices.map { i -> String in
                guard let at else { return "<td class=\"unknown\">·</td>" }
                return i == at ? "<td class=\"here\">●</td>" : (i < at ? "<td class=\"past\">✓</td>" : "<td class=\"later\">·</td>")
            }.joined() + "</tr>")
        }
        body.append("</table></section>")

        body.append("<section><h2>\(e(L("Timeline")))</h2>\(timeline(r, timeZone: timeZone))</section>")

        // Checklists.
        for phase in r.phases {
            body.append("<section class=\"page\"><h2>\(e(phase.heading))</h2><p class=\"title\">\(e(phase.title))</p>")
            if let dates = MarkdownReport.phaseDates(phase) { body.append("<p>\(e(dates))</p>") }
            body.append("<p>" + e(L("%@ of %@ milestones done (%@%), %@ overdue", "\(phase.progress.done)", "\(phase.progress.total)", "\(phase.progress.percent)", "\(phase.progress.overdue)"))
                        + " · " + e(L("people reached:")) + " "
                        + (phase.peopleReached > 0 ? Format.number(phase.peopleReached) : e(L("no figure recorded"))) + "</p>")
            body += (phase.budget ?? []).map { spentBar($0, L("Budget of the phase as a whole:")) }
            if !phase.milestones.isEmpty { body.append("<h3>\(e(L("The phase as a whole")))</h3>" + checklist(Array(phase.milestones), timeZone, undated: r.undatedMayBeLater == true)) }
            for c in phase.countries {
                body.append("<h3>\(e(c.name)) <span class=\"id\">\(e(c.id))</span></h3>")
                var facts = [e(L("Scope:")) + " \(e(ReportWords.scope(c.scope)))", e(L("NUP stage:")) + " \(e(ReportWords.stage(c.stage) ?? L("not recorded")))"]
                if !c.policies.isEmpty { facts.append(e(L("Policies:")) + " " + c.policies.map { "\(e($0.title)) (\(e(ReportWords.status($0.status))))" }.joined(separator: "; ")) }
                facts += c.projects.map { e(L("Project:")) + " \(e($0.title))" + ($0.peopleReached.map { ", " + e(L("%@ people reached", Format.number($0))) } ?? "") }
                facts += c.funding.map { e(L("Funding:")) + " \(e($0))" }
                facts += MarkdownReport.countryFacts(c).map(e)
                body.append("<ul class=\"facts\">" + facts.map { "<li>\($0)</li>" }.joined() + "</ul>")
                body += (c.budget ?? []).map { spentBar($0, L("Budget:")) }
                if c.milestones.isEmpty { body.append("<p class=\"note\">\(e(L("No milestones of its own.")))</p>") }
                for group in StageGroups.group(Array(c.milestones), stage: \.stage) where !group.items.isEmpty {
                    if let title = group.title { body.append("<h4>\(e(title))</h4>") }
                    body.append(checklist(group.items, timeZone, undated: r.undatedMayBeLater == true))
                }
            }
            body.append("</section>")
        }

        body += ReportResults.html(r)
        body.append("<section><h2>\(e(L("Slippage")))</h2>" + r.phaseEnds.map { "<p>\(e(Slippage.phaseSentence($0)))</p>" }.joined())
        if r.slippage.isEmpty {
            body.append("<p class=\"note\">\(e(Slippage.none))</p>")
        } else {
            body.append("<table class=\"list\"><thead><tr>" + [L("Milestone"), L("For"), L("Planned"), L("Now or achieved")].map { "<th>\(e($0))</th>" }.joined()
                        + "<th class=\"n\">\(e(L("Slip")))</th><th class=\"n\">\(e(L("Moves")))</th><th>\(e(L("Last reason")))</th></tr></thead>")
            body += r.slippage.map {
                "<tr><td>\(e($0.title))</td><td>\(e(ReportWords.owner($0.owner)))</td><td class=\"date\">\(e($0.planned))</td>"
                    + "<td class=\"date\">\($0.status == "done" ? e(L("achieved")) + " " : "")\(e($0.current))</td><td class=\"n\">\(e(Slip.text(of: $0.slip)))</td>"
                    + "<td class=\"n\">\($0.moves)</td><td>\(e($0.lastReason ?? "—"))</td></tr>"
            }
            body.append("</table>")
        }
        body.append("</section>")
        if !r.events.isEmpty {
            body.append("<section><h2>\(e(L("Events")))</h2><table class=\"list\"><thead><tr><th>\(e(L("Date")))</th><th>\(e(L("Event")))</th><th class=\"n\">\(e(L("Participants")))</th>"
                        + "<th>\(e(L("What the record says")))</th></tr></thead>")
            body += r.events.map {
                "<tr><td class=\"date\">\(e($0.date))</td><td>\(e($0.title))</td><td class=\"n\">\($0.participants.map(Format.number) ?? "—")</td><td>\(e($0.summary ?? "—"))</td></tr>"
            }
            body.append("</table></section>")
        }
        if !r.publications.isEmpty {
            body.append("<section><h2>\(e(L("Publications")))</h2><ul>")
            body += r.publications.map { p in
                "<li>" + (p.title.map { "<b>\(e($0))</b>: " } ?? "") + e(p.summary) + (p.year.map { " (\($0))" } ?? "")
                    + (p.link.flatMap { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? " <a href=\"\(e($0))\">\(e($0))</a>" : " " + e($0) } ?? "") + "</li>"
            }
            body.append("</ul></section>")
        }
        if !r.prospectiveCountries.isEmpty {
            body.append("<section><h2>\(e(L("Countries interested in joining")))</h2><ul>")
            body += r.prospectiveCountries.map { "<li>\(e($0.name))" + ($0.note.map { ": \(e($0))" } ?? "") + "</li>" }
            body.append("</ul></section>")
        }
        if !r.contacts.isEmpty {
            body.append("<section><h2>\(e(L("Contacts")))</h2><ul>")
            body += r.contacts.map { "<li><b>\(e($0.name))</b>, \(e($0.title)), \(e($0.unit))</li>" }
            body.append("</ul></section>")
        }
        if let changes = r.changes {
            body.append("<section><h2>\(e(L("Changes in this period")))</h2><p class=\"note\">\(e(L("Since %@, from the %@, newest first.", changes.since, changes.source)))</p>")
            if changes.items.isEmpty { body.append("<p>\(e(L("No changes to the record in this period.")))</p>") }
            body.append("<ul>" + changes.items.map { c in
                let verb = RecordChange.Kind(rawValue: c.kind).map(RecordChangeText.verb) ?? c.kind
                return "<li>\(e(MomentFormat.local(c.moment, timeZone: timeZone))) — \(e(c.officer)) \(e(verb)) <b>\(e(c.title))</b>"
                    + (c.details.isEmpty ? "" : ": \(e(c.details.joined(separator: "; ")))") + "</li>"
            }.joined() + "</ul></section>")
        }
        body.append("<footer>" + L("Written by knupp from the programme's record, as of %@.", e(Texts.prose(r.asOf))) + "</footer>")
        return """
            <!DOCTYPE html>
            <html lang="\(Texts.language.rawValue)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(L("%@ progress report", name))), \(e(Texts.prose(r.asOf)))</title>
            <style>\(css)</style></head>
            <body>
            \(body.joined(separator: "\n"))
            </body></html>

            """
    }

    // MARK: Parts

    private static func stat(_ figure: String, _ label: String, _ detail: String) -> String {
        "<div class=\"stat\"><div class=\"figure\">\(e(figure))</div><div class=\"label\">\(e(label))</div><div class=\"detail\">\(e(detail))</div></div>"
    }

    /// A progress bar as inline SVG: done in green, open in grey, the percentage written.
    private static func bar(_ t: ProgressReport.Tally) -> String {
        guard t.total > 0 else { return "<span class=\"note\">\(e(L("no milestones of its own")))</span>" }
        let width = 240.0
        let done = t.total == 0 ? 0 : width * Double(t.done) / Double(t.total)
        return "<svg class=\"bar\" viewBox=\"0 0 300 16\" width=\"300\" height=\"16\" role=\"img\" aria-label=\"\(t.percent)% done\">"
            + "<rect x=\"0\" y=\"2\" width=\"\(Int(width))\" height=\"12\" rx=\"3\" fill=\"#e3e7ec\"/>"
            + "<rect x=\"0\" y=\"2\" width=\"\(Int(done.rounded()))\" height=\"12\" rx=\"3\" fill=\"#2e8b57\"/>"
            + "<text x=\"248\" y=\"13\" font-size=\"12\" fill=\"#333\">\(t.percent)%</text></svg>"
    }

    /// Spent against budget: a bar of the budget with what is spent in it (overspent: full, in
    /// the warning colour), and the sentence.
    private static func spentBar(_ m: FundingSummary, _ label: String) -> String {
        let width = 240.0, percent = m.percent ?? 0
        let spent = min(width, width * Double(percent) / 100)
        let colour = percent > 100 ? "#b35900" : "#1f6fb2"
        return "<p class=\"money\">\(e(label)) \(e(m.sentence))<br><svg class=\"bar\" viewBox=\"0 0 300 16\" width=\"300\" height=\"16\" role=\"img\" "
            + "aria-label=\"\(e(m.sentence))\"><rect x=\"0\" y=\"2\" width=\"\(Int(width))\" height=\"12\" rx=\"3\" fill=\"#e3e7ec\"/>"
            + "<rect x=\"0\" y=\"2\" width=\"\(Int(spent.rounded()))\" height=\"12\" rx=\"3\" fill=\"\(colour)\"/>"
            + "<text x=\"248\" y=\"13\" font-size=\"12\" fill=\"#333\">\(m.percent.map { "\($0)%" } ?? "—")</text></svg></p>"
    }

    private static func checklist(_ milestones: [ProgressReport.MilestoneLine], _ timeZone: TimeZone, undated: Bool) -> String {
        "<ul class=\"checklist\">" + milestones.map { m in
            let status = MilestoneStatus(rawValue: m.status) ?? .open
            var line = "<li class=\"\(status.rawValue)\"><span class=\"box\">\(status == .done ? "✔" : (status == .overdue ? "!" : "○"))</span> "
                + "<b>\(e(m.title))</b>"
            if let due = m.due {
                line += " <span class=\"due\">" + e(L("due")) + " <span class=\"date\">\(e(due))</span>"
                    + (m.plannedDue.map { ", " + e(L("planned")) + " <span class=\"date\">\(e($0))</span>" } ?? "") + "</span>"
            }
            if status == .overdue { line += " <span class=\"overdue\">\(e(L("OVERDUE")))</span>" }
            if status == .done, let who = MilestoneFormat.achieved(by: m.doneBy.map(e), at: m.doneAt, knownBy: m.knownBy, on: m.doneOn, timeZone: timeZone) {
                line += "<div class=\"who\">\(who)</div>"
            } else if status != .done, let later = MilestoneFormat.countedLater(knownBy: m.knownBy) {
                line += "<div class=\"who\">\(later)</div>"
            }
            let mark = undated ? " (" + e(L("undated")) + ")" : ""
            if let note = m.note { line += "<div class=\"note\">\(e(L("Note")))\(mark): \(e(note))</div>" }
            if let evidence = m.evidence { line += "<div class=\"note\">\(e(L("Evidence")))\(mark): \(e(evidence))</div>" }
            for n in m.notes ?? [] { line += "<div class=\"note\">\(e(MarkdownReport.noteHeading(n, timeZone))): \(e(n.text))</div>" }
            return line + "</li>"
        }.joined() + "</ul>"
    }


    /// Text escaped for HTML, and passed through the sanitiser.
    static func e(_ text: String) -> String {
        var out = ""
        for c in text.clean {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    private static let css = """
        :root{--ink:#1d2733;--muted:#5b6672;--line:#e3e7ec;--accent:#1f4e8c}
        *{box-sizing:border-box}
        body{font:15px/1.5 -apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--ink);margin:0 auto;max-width:960px;padding:24px}
        header{border-bottom:3px solid var(--accent);margin-bottom:18px}
        h1{font-size:28px;margin:0 0 4px;color:var(--accent)} h2{font-size:20px;border-bottom:1px solid var(--line);padding-bottom:4px;margin-top:28px}
        h3{font-size:16px;margin:18px 0 6px} .lead{font-size:17px;margin:0 0 4px} .period{color:var(--muted);margin:0 0 12px}
        .totals{display:flex;flex-wrap:wrap;gap:12px}
        .stat{flex:1 1 180px;border:1px solid var(--line);border-radius:8px;padding:12px 14px}
        .figure{font-size:26px;font-weight:700;color:var(--accent)} .label{font-weight:600} .detail{color:var(--muted);font-size:13px}
        table{border-collapse:collapse;width:100%} td,th{padding:4px 6px;text-align:left;vertical-align:top;border-bottom:1px solid var(--line)}
        .n{text-align:right;white-space:nowrap} .id{color:var(--muted);font-size:12px} tr.phase th{padding-top:10px}
        .country{padding-left:18px} svg.bar{width:100%;max-width:300px;height:auto}
        .matrix td{text-align:center} .matrix td.country{text-align:left} .here{color:var(--accent);font-weight:700} .past{color:#1e7b3c} .later,.unknown{color:#b8c0c8}
        svg.timeline{width:100%;height:auto;border:1px solid var(--line);border-radius:8px}
        .legend{color:var(--muted);font-size:13px} .title{color:var(--muted)}
        ul.checklist{list-style:none;padding-left:0} ul.checklist li{padding:4px 0;border-bottom:1px dotted var(--line)}
        .box{display:inline-block;width:1.3em;text-align:center} li.done .box{color:#1e7b3c} li.overdue .box,.overdue{color:#b3261e;font-weight:700}
        li.open .box{color:#8a5300} .due{color:var(--muted);font-size:13px} .who,.note{color:var(--muted);font-size:13px;margin-left:1.6em}
        .date{white-space:nowrap} .matrix .short{display:none} .matrix .note{display:block;font-size:12px}
        ul.facts{color:var(--muted);font-size:14px;margin:0 0 6px}
        footer{margin-top:32px;color:var(--muted);font-size:12px;border-top:1px solid var(--line);padding-top:8px}
        body{overflow-wrap:break-word} svg{max-width:100%}
        @media (max-width:600px){body{padding:12px} h1{font-size:22px} .matrix{font-size:12px} .matrix td,.matrix th{padding:3px 2px}
          .matrix .long{display:none} .matrix .short{display:inline}
          table.list td,table.list th{padding:3px 4px;font-size:13px} table.sdg .q{display:none}}
        @page{size:A4;margin:16mm}
        @media print{body{max-width:none;padding:0;font-size:11pt} h2,h3{break-after:avoid} li,tr,.stat,svg,ul.facts{break-inside:avoid}
          thead{display:table-header-group} table.matrix,section.totals{break-inside:avoid}}
        """
}
