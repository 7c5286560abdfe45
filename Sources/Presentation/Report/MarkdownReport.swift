import Foundation
import Model

/// The progress report as Markdown: reads well as plain text and renders cleanly.
public enum MarkdownReport {
    /// Moments (ticks) are shown as local times in `timeZone`; the JSON keeps them in UTC.
    public static func render(_ r: ProgressReport, timeZone: TimeZone = .current) -> String {
        var out: [String] = []
        out.append("# " + L("%@ progress report", inline(r.shortName.isEmpty ? r.programme : r.shortName)))
        out.append("")
        out.append("\(inline(r.programme)), " + (r.from.map { L("for the period %@ to %@.", Texts.prose($0), Texts.prose(r.asOf)) } ?? L("as of %@.", Texts.prose(r.asOf)))
                   + " " + L("Days and times are in %@.", MomentFormat.zone(timeZone))
                   + (r.recordSource.map { " " + L("The record as it stood in %@.", "\($0)") } ?? "")
                   + (r.undatedMayBeLater == true ? " " + L("Notes the record does not date are marked (undated): they may have been written after %@.", "\(r.asOf)") : ""))
        if !r.partners.isEmpty { out.append(L("Partners:") + " " + r.partners.map(inline).joined(separator: " · ") + ".") }
        if let summary = r.summary { out.append(""); out.append(inline(summary)) }
        if !r.goals.isEmpty {
            out.append("")
            out += r.goals.map { "- " + L("Goal:") + " \(inline($0.title))" + ($0.detail.map { ": \(inline($0))" } ?? "") }
        }
        out.append("")
        out.append("- " + L("Milestones: %@ of %@ done (%@%), %@ open, %@ overdue", "\(r.progress.done)", "\(r.progress.total)", "\(r.progress.percent)",
                               "\(r.progress.total - r.progress.done)", "\(r.progress.overdue)"))
        out.append("- " + L("People reached by demonstration projects:") + " " + (r.peopleReached > 0 ? Format.number(r.peopleReached) : L("no figure recorded")))
        for phase in r.phases {
            out.append("")
            out.append("## \(inline(phase.heading))")
            out.append("")
            out.append("\(inline(phase.title)).")
            if let dates = phaseDates(phase) { out.append(""); out.append(inline(dates)) }
            out.append("")
            out.append("- " + L("Milestones: %@ of %@ done (%@%), %@ overdue", "\(phase.progress.done)", "\(phase.progress.total)", "\(phase.progress.percent)", "\(phase.progress.overdue)"))
            out.append("- " + L("People reached:") + " " + (phase.peopleReached > 0 ? Format.number(phase.peopleReached) : L("no figure recorded")))
            out += (phase.budget ?? []).map { "- " + L("Budget of the phase as a whole:") + " " + $0.sentence }
            if !phase.countries.isEmpty {
                out.append("")
                out.append("| " + [L("Country"), L("Scope"), L("NUP stage"), L("Policies"), L("People reached"), L("Milestones done")].joined(separator: " | ") + " |")
                out.append("|---|---|---|---|---:|---:|")
                for c in phase.countries {
                    let policies = c.policies.map { "\($0.title) (\(ReportWords.status($0.status)))" }.joined(separator: "; ")
                    out.append("| \(cell(c.name)) (\(cell(c.id))) | \(cell(ReportWords.scope(c.scope))) | \(ReportWords.stage(c.stage) ?? L("unknown")) | "
                               + "\(cell(policies.isEmpty ? "—" : policies)) | \(c.peopleReached > 0 ? Format.number(c.peopleReached) : "—") | "
                               + "\(c.progress.done)/\(c.progress.total) |")
                }
            }
            if !phase.milestones.isEmpty {
                out.append("")
                out.append("### " + L("Phase %@ milestones", "\(phase.number)"))
                out.append("")
                for m in phase.milestones { out += item(m, timeZone, undated: r.undatedMayBeLater == true) }
            }
            for c in phase.countries where !c.milestones.isEmpty || !c.projects.isEmpty || !c.funding.isEmpty || c.budget != nil || !countryFacts(c).isEmpty {
                out.append("")
                out.append("### \(inline(c.name)) (\(inline(c.id)))")
                out.append("")
                out += countryFacts(c).map { "- " + inline($0) }
                out += c.projects.map { "- " + L("Project:") + " \(inline($0.title))" + ($0.peopleReached.map { ", " + L("%@ people reached", Format.number($0)) } ?? "") }
                out += c.funding.map { "- " + L("Funding:") + " \(inline($0))" }
                out += (c.budget ?? []).map { "- " + L("Budget:") + " " + $0.sentence }
                for group in StageGroups.group(Array(c.milestones), stage: \.stage) {
                    if let title = group.title { out += ["", "#### \(title)", ""] }
                    for m in group.items { out += item(m, timeZone, undated: r.undatedMayBeLater == true) }
                }
            }
        }
        out += ReportResults.markdown(r)
        out.append("")
        out.append("## " + L("Slippage"))
        out.append("")
        out += r.phaseEnds.map { "- " + inline(Slippage.phaseSentence($0)) }
        if !r.phaseEnds.isEmpty { out.append("") }
        if r.slippage.isEmpty {
            out.append(Slippage.none)
        } else {
            out.append("| " + [L("Milestone"), L("For"), L("Planned"), L("Now or achieved"), L("Slip"), L("Moves"), L("Last reason")].joined(separator: " | ") + " |")
            out.append("|---|---|---|---|---:|---:|---|")
            out += r.slippage.map {
                "| \(cell($0.title)) (`\($0.id.clean)`) | \(cell(ReportWords.owner($0.owner))) | \($0.planned) | \($0.status == "done" ? L("achieved") + " " : "")\($0.current) | "
                    + "\(Slip.text(of: $0.slip)) | \($0.moves) | \(cell($0.lastReason ?? "—")) |"
            }
        }
        if !r.events.isEmpty {
            out.append("")
            out.append("## " + L("Events"))
            out.append("")
            out.append("| " + [L("Date"), L("Event"), L("Participants"), L("What the record says")].joined(separator: " | ") + " |")
            out.append("|---|---|---:|---|")
            out += r.events.map { "| \($0.date) | \(cell($0.title)) | \($0.participants.map(Format.number) ?? "—") | \(cell($0.summary ?? "—")) |" }
        }
        if !r.publications.isEmpty {
            out.append("")
            out.append("## " + L("Publications"))
            out.append("")
            out += r.publications.map { p in
                "- " + (p.title.map { "**\(inline($0))**: " } ?? "") + inline(p.summary) + (p.year.map { " (\($0))" } ?? "")
                    + (p.link.map { " <\(inline($0))>" } ?? "")
            }
        }
        if !r.prospectiveCountries.isEmpty {
            out.append("")
            out.append("## " + L("Countries interested in joining"))
            out.append("")
            out += r.prospectiveCountries.map { "- \(inline($0.name))" + ($0.note.map { ": \(inline($0))" } ?? "") }
        }
        if !r.contacts.isEmpty {
            out.append("")
            out.append("## " + L("Contacts"))
            out.append("")
            out += r.contacts.map { "- \(inline($0.name)), \(inline($0.title)), \(inline($0.unit))" }
        }
        if let changes = r.changes {
            out.append("")
            out.append("## " + L("Changes in this period"))
            out.append("")
            out.append(L("Since %@, from the %@, newest first.", "\(changes.since)", "\(changes.source)"))
            out.append("")
            if changes.items.isEmpty { out.append(L("No changes to the record in this period.")) }
            for c in changes.items {
                let verb = RecordChange.Kind(rawValue: c.kind).map(RecordChangeText.verb) ?? c.kind
                out.append("- \(MomentFormat.local(c.moment, timeZone: timeZone)) — \(inline(c.officer)) \(verb) \(inline(c.title)) (`\(c.id.clean)`)"
                           + (c.details.isEmpty ? "" : ": " + inline(c.details.joined(separator: "; "))))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// "Launched 2022-06. (The record's note on it.) Implementation began 2022-11.": the dates the
    /// record gives a phase besides its period; nil when it gives none.
    static func phaseDates(_ phase: ProgressReport.PhaseLine) -> String? {
        var sentences: [String] = []
        if let launch = phase.launch {
            sentences.append(L("Launched %@.", "\(launch)"))
            if let note = phase.launchNote { sentences.append(note.hasSuffix(".") ? note : note + ".") }
        }
        if let start = phase.implementationStart { sentences.append(L("Implementation began %@.", "\(start)")) }
        return sentences.isEmpty ? nil : sentences.joined(separator: " ")
    }

    /// What the record says of a country beyond its figures: its official name, the basis of its
    /// NUP stage, each policy's note, its notes.
    static func countryFacts(_ c: ProgressReport.CountryLine) -> [String] {
        var facts: [String] = []
        if let official = c.officialName, official != c.name { facts.append(L("Official name:") + " \(official)") }
        if let basis = c.stageBasis { facts.append(L("What the NUP stage rests on:") + " \(basis)") }
        if let checklist = c.checklistStage { facts.append(L("Its checklist puts it at %@ (the record's stage: %@)", checklist, c.stage ?? L("not recorded"))) }
        facts += c.policies.compactMap { p in p.note.map { L("On %@:", p.title) + " \($0)" } }
        facts += (c.counterparts ?? []).map { L("Government counterpart:") + " \($0.name) (\((Counterpart.Role(rawValue: $0.role)?.text ?? $0.role)))" }
        if let notes = c.notes { facts.append(L("Notes:") + " \(notes)") }
        return facts
    }

    /// A milestone as a checklist item, with its note and evidence under it.
    private static func item(_ m: ProgressReport.MilestoneLine, _ timeZone: TimeZone, undated: Bool) -> [String] {
        let status = MilestoneStatus(rawValue: m.status) ?? .open
        var text = "- \(MilestoneFormat.box(status == .overdue ? .open : status)) \(inline(m.title))"
        if let due = m.due { text += " (" + L("due %@", "\(due)") + (m.plannedDue.map { ", " + L("planned %@", "\($0)") } ?? "") + ")" }
        if status == .overdue { text += " **\(MilestoneFormat.label(.overdue))**" }
        if status == .done, let who = MilestoneFormat.achieved(by: m.doneBy.map(inline), at: m.doneAt, knownBy: m.knownBy, on: m.doneOn, timeZone: timeZone) {
            text += " — " + who
        } else if status != .done, let later = MilestoneFormat.countedLater(knownBy: m.knownBy) {
            text += " — " + later
        }
        var lines = [text]
        let mark = undated ? " (" + L("undated") + ")" : ""
        if let note = m.note { lines.append("  - " + L("Note") + "\(mark): \(inline(note))") }
        if let evidence = m.evidence { lines.append("  - " + L("Evidence") + "\(mark): \(inline(evidence))") }
        for n in m.notes ?? [] { lines.append("  - " + inline(noteHeading(n, timeZone)) + ": " + inline(n.text)) }
        return lines
    }

    /// "Note, Amina, 2026-03-15 10:30", "Evidence, Ji-woo, 2026-03-16 09:00": a dated entry's
    /// heading, its moment in the report's zone.
    static func noteHeading(_ n: ProgressReport.NoteLine, _ timeZone: TimeZone) -> String {
        (n.kind == "evidence" ? L("Evidence") : L("Note")) + ", \(n.by), " + MomentFormat.local(n.at, timeZone: timeZone)
    }

    /// Markdown's own characters, escaped where they would change the meaning.
    static let special: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|"]

    /// Text on one line (a line break, CR LF or LF, is a space) with Markdown's own characters
    /// escaped. Decided on code points: a `|` followed by a combining mark is one character to
    /// Swift but still ends a table cell.
    public static func inline(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if scalar == "\n" {
                if previous != "\r" { out.append(" ") }
                continue
            }
            if scalar == "\r" { out.append(" "); continue }
            if special.contains(scalar) { out.append("\\") }
            if scalar.value < 0x20 || scalar.value == 0x7F || String.needsReplacing(scalar) {
                out.append(contentsOf: String(scalar).clean.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    static func cell(_ text: String) -> String { inline(text) }
}
