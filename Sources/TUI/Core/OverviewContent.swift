import Model
import Presentation

/// The Overview as styled lines for the state's width: built when the record, the width or the
/// day changes, so scrolling and drawing do not build it again.
enum OverviewContent {
    /// One width for every progress bar on the page, so they compare at a glance.
    static let barWidth = 16
    static var fundingHeading: String { L("Funding") }
    static var publicationsHeading: String { L("Publications") }
    static var prospectsHeading: String { L("Countries interested in joining") }
    static var contactsHeading: String { L("Contacts") }

    static func lines(state: AppState) -> [StyledLine] {
        let p = state.programme
        let width = max(10, state.width - 2)
        var lines: [StyledLine] = []
        lines.append(StyledLine(p.name + (p.shortName.isEmpty ? "" : " (\(p.shortName))"), style: .title))
        // Each record on a line of its own, which the cursor selects (e edits, d removes, a adds
        // another); a kind with none yet has a line where a adds the first.
        func none(_ kind: RecordKind, _ label: String) -> StyledLine {
            StyledLine("  " + L("%@: none yet — a adds one", label), style: .dim, target: .kind(kind, country: nil))
        }
        if p.partners.isEmpty { lines.append(none(.partner, L("Partners"))) }
        for partner in p.partners {
            lines += StyledLine.wrapped(L("Partner:") + " " + partner.name, width: width, indent: "    ", firstIndent: "  ", target: .record(RecordRef(.partner, partner.id)))
        }
        if p.goals.isEmpty { lines.append(none(.goal, L("Goals"))) }
        for goal in p.goals {
            lines += StyledLine.wrapped(L("Goal:") + " " + goal.title, width: width, indent: "    ", firstIndent: "  ", target: .record(RecordRef(.goal, goal.id)))
        }
        let total = state.derived.programmeProgress
        var overall = StyledLine(L("Programme"), style: .bold)
        overall.spans.append(.init(text: "  ", style: .plain))
        overall.spans += ProgressBar.spans(total, bar: OverviewContent.barWidth)
        overall.spans.append(.init(text: " " + L("milestones · %@ people reached", Format.number(state.derived.totalPeopleReached)), style: .plain))
        lines.append(StyledLine())
        lines.append(overall)
        // The programme's goal, by the indicator's method (6 lists the indicators).
        let standings = p.sdg11a1Standings(asOf: state.today)
        lines += StyledLine.wrapped(SDGRow.line(p, asOf: state.today), width: width,
                                    style: standings.contains(where: \.meets) ? .done : .dim, indent: "  ")
        lines.append(StyledLine())
        if p.phases.isEmpty { lines.append(none(.phase, L("Phases"))) }
        for phase in p.phases {
            let phaseTarget = DetailTarget.record(RecordRef(.phase, String(phase.number)))
            var line = StyledLine(L("Phase %@", "\(phase.number)").padded(to: 9), style: .bold, target: phaseTarget)
            line.spans.append(.init(text: "  ", style: .plain))
            line.spans += ProgressBar.spans(state.derived.phaseProgress[phase.number] ?? MilestoneProgress(done: 0, total: 0), bar: OverviewContent.barWidth)
            line.spans.append(.init(text: "  \(phase.periodText)", style: .plain))
            let reached = state.derived.peopleReached[phase.number] ?? 0
            if reached > 0 { line.spans.append(.init(text: " · " + L("%@ people reached", Format.number(reached)), style: .accent)) }
            lines.append(line)
            lines += StyledLine.wrapped(phase.title, width: width, style: .dim, indent: "         ", target: phaseTarget)
            let names = p.countries(inPhase: phase.number).map { $0.scope.level == .national ? $0.name : "\($0.name) (\($0.scope.text))" }
            lines += StyledLine.wrapped(L("Countries:") + " " + (names.isEmpty ? L("none yet (2, then a, adds one)") : names.joined(separator: ", ")),
                                        width: width, indent: "         ", target: phaseTarget)
        }
        if let last = p.phases.last {
            let days = last.end.lastOrdinal - state.today.firstOrdinal
            let phase = "\(last.number)", end = Texts.prose(last.end)
            let text = last.endIsExpected
                ? (days >= 0 ? (days == 1 ? L("Phase %@ expected end: %@ — 1 day left", phase, end) : L("Phase %@ expected end: %@ — %@ days left", phase, end, "\(days)"))
                    : (days == -1 ? L("Phase %@ expected end: %@ — passed 1 day ago", phase, end) : L("Phase %@ expected end: %@ — passed %@ days ago", phase, end, "\(-days)")))
                : (days >= 0 ? (days == 1 ? L("Phase %@ end: %@ — 1 day left", phase, end) : L("Phase %@ end: %@ — %@ days left", phase, end, "\(days)"))
                    : (days == -1 ? L("Phase %@ end: %@ — passed 1 day ago", phase, end) : L("Phase %@ end: %@ — passed %@ days ago", phase, end, "\(-days)")))
            lines.append(StyledLine(text, style: days >= 0 && days < 60 ? .warning : .bold))
        }
        lines.append(StyledLine())
        lines.append(StyledLine(L("Where each country stands in the NUP process"), style: .bold))
        let nameWidth = min(22, max(8, p.countries.map { $0.name.displayWidth }.max() ?? 8))
        // The stages written in full where the width allows; else abbreviated, with a legend.
        let fullColumns = NUPStage.allCases.map { $0.text.displayWidth + 2 }
        let full = 2 + nameWidth + 1 + fullColumns.reduce(0, +) + 8 <= width
        func column(_ stage: NUPStage) -> Int { full ? fullColumns[NUPStage.allCases.firstIndex(of: stage) ?? 0] : 6 }
        var header = StyledLine("  " + "".padded(to: nameWidth + 1), style: .dim)
        for stage in NUPStage.allCases { header.spans.append(.init(text: (full ? stage.text : stage.shortText).padded(to: column(stage)), style: .dim)) }
        lines.append(header)
        for c in p.countries {
            var row = StyledLine("  " + c.name.padded(to: nameWidth) + " ")
            for stage in NUPStage.allCases {
                let mark = c.stage == stage ? "●" : (c.stage.map { NUPStage.allCases.firstIndex(of: $0) ?? 0 } ?? -1) > (NUPStage.allCases.firstIndex(of: stage) ?? 0) ? "✓" : "·"
                row.spans.append(.init(text: mark.padded(to: column(stage)), style: mark == "●" ? .accent : (mark == "✓" ? .done : .dim)))
            }
            // Its checklist says otherwise: said, not chosen between (`Country.checklistStage`).
            if let checklist = c.checklistStage, checklist != c.stage {
                row.spans.append(.init(text: L("checklist: %@", checklist.text), style: .warning))
            } else if c.stage == nil {
                row.spans.append(.init(text: L("unknown"), style: .dim))
            }
            lines.append(row)
        }
        if !full {
            lines += StyledLine.wrapped(NUPStage.allCases.map { "\($0.shortText) \($0.text)" }.joined(separator: " · ")
                                        + " · " + L("● now · ✓ passed"), width: width, style: .dim, indent: "  ")
        }
        lines.append(StyledLine())
        let overdue = state.derived.overdue
        lines.append(StyledLine(L("Overdue"), style: .bold) + StyledLine(overdue.isEmpty ? "  " + L("none") : "  \(overdue.count)", style: overdue.isEmpty ? .done : .overdue)
                     + StyledLine(overdue.count > 5 ? "  " + L("(the first 5; o shows them all)") : (overdue.isEmpty ? "" : "  " + L("(o: in the Milestones panel)")), style: .dim))
        for e in overdue.prefix(5).map({ state.derived.entries[$0] }) {
            lines += StyledLine.wrapped("\(e.milestone.due?.description ?? "") \(e.milestone.title) (\(p.ownerText(e.owner)))", width: width, style: .overdue,
                                        indent: "    ", firstIndent: "  ", target: .milestone(e.milestone.id))
        }
        let next = state.derived.dueNext
        lines.append(StyledLine(L("Due next"), style: .bold) + StyledLine(next.isEmpty ? "  " + L("nothing dated") : "", style: .dim))
        for e in next.prefix(5).map({ state.derived.entries[$0] }) {
            lines += StyledLine.wrapped("\(e.milestone.due?.description ?? "") \(e.milestone.title) (\(p.ownerText(e.owner)))", width: width,
                                        indent: "    ", firstIndent: "  ", target: .milestone(e.milestone.id))
        }
        let events = p.events.sorted { $0.date > $1.date }.prefix(3)
        if events.isEmpty { lines.append(none(.event, L("Events"))) } else {
            lines.append(StyledLine(L("Recent events"), style: .bold) + StyledLine(p.events.count > 3 ? "  " + L("(3 of %@; all on the Timeline)", "\(p.events.count)") : "", style: .dim))
            for e in events {
                lines += StyledLine.wrapped("\(e.date) \(e.title)" + (e.participants.map { " · " + L("%@ participants", "\($0)") } ?? ""), width: width, indent: "    ",
                                            firstIndent: "  ", target: .record(RecordRef(.event, e.id)))
            }
        }
        // The rest of the record: everything it holds is on a screen somewhere.
        let funded = p.countries.filter { !$0.funding.isEmpty }
        if !funded.isEmpty {
            lines.append(StyledLine())
            lines.append(StyledLine(OverviewContent.fundingHeading, style: .bold))
            for c in funded {
                for f in c.funding { lines += StyledLine.wrapped("\(c.name): \(f)", width: width, indent: "    ", firstIndent: "  ") }
            }
        }
        lines += money(p, width: width, none: none)
        lines.append(StyledLine())
        lines.append(StyledLine(OverviewContent.publicationsHeading, style: .bold))
        if p.publications.isEmpty { lines.append(none(.publication, L("Publications"))) }
        for pub in p.publications {
            lines += StyledLine.wrapped((pub.title.map { $0 + ": " } ?? "") + pub.summary + (pub.year.map { " (\($0))" } ?? "")
                                        + (pub.link.map { " \($0)" } ?? ""), width: width, indent: "    ", firstIndent: "  • ",
                                        target: .record(RecordRef(.publication, pub.id)))
        }
        lines.append(StyledLine())
        lines.append(StyledLine(OverviewContent.prospectsHeading, style: .bold))
        if p.prospectiveCountries.isEmpty { lines.append(none(.prospect, L("Countries interested"))) }
        for c in p.prospectiveCountries {
            lines += StyledLine.wrapped(c.name + (c.note.map { ": " + $0 } ?? ""), width: width, indent: "    ", firstIndent: "  • ",
                                        target: .record(RecordRef(.prospect, c.id)))
        }
        lines.append(StyledLine())
        lines.append(StyledLine(OverviewContent.contactsHeading, style: .bold))
        if p.contacts.isEmpty { lines.append(none(.contact, L("Contacts"))) }
        for c in p.contacts {
            lines += StyledLine.wrapped("\(c.name), \(c.title), \(c.unit)", width: width, indent: "    ", firstIndent: "  • ",
                                        target: .record(RecordRef(.contact, c.id)))
        }
        return lines
    }

    /// Budgets and expenditures, the phase's own and each country's: each a record (e, d, v).
    private static func money(_ p: Programme, width: Int, none: (RecordKind, String) -> StyledLine) -> [StyledLine] {
        var lines = [StyledLine(), StyledLine(L("Budgets and expenditures"), style: .bold)]
        func owner(_ phase: Int, _ country: String?) -> String { L("Phase %@", "\(phase)") + (country.map { " · \($0)" } ?? "") }
        if p.budgets.isEmpty { lines.append(none(.budget, L("Budgets"))) }
        for b in p.budgets {
            lines += StyledLine.wrapped("\(owner(b.phase, b.country)) · \(b.periodStart)–\(b.periodEnd): \(b.currency) \(FundingSummary.amount(b.value)) (\(b.type.text), \(b.status.text))",
                                        width: width, indent: "    ", firstIndent: "  ", target: .record(RecordRef(.budget, b.id)))
        }
        if p.expenditures.isEmpty { lines.append(none(.expenditure, L("Expenditures"))) }
        for e in p.expenditures.sorted(by: { $0.date < $1.date }) {
            lines += StyledLine.wrapped("\(owner(e.phase, e.country)) · \(e.date): \(e.currency) \(FundingSummary.amount(e.value))" + (e.note.map { " · \($0)" } ?? ""),
                                        width: width, indent: "    ", firstIndent: "  ", target: .record(RecordRef(.expenditure, e.id)))
        }
        return lines
    }
}
