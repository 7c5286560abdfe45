import Model
import Presentation

/// One country: stages, policies, projects, funding, its milestone checklist, events and notes.
enum CountryDetailScreen {
    /// The screen's lines for the state's width; the cursor moves over them and ticks milestone lines.
    static func lines(country c: Country, state: AppState) -> [StyledLine] {
        let width = max(10, state.width - 2)
        var lines: [StyledLine] = []
        lines.append(StyledLine(c.name, style: .title) + StyledLine(" (\(c.id))" + (c.officialName.map { " — \($0)" } ?? ""), style: .dim))
        let progress = state.derived.countries[c.id]?.progress ?? MilestoneProgress.of(c.milestones)
        let phase = state.programme.phase(c.phase).map { ", \($0.periodLabel)" } ?? ""
        lines.append(StyledLine("Phase \(c.phase)\(phase) · \(c.scope.level == .national ? "national" : "sub-national: " + c.scope.label)"
                                + " · \(progress.done)/\(progress.total) milestones done"))
        lines.append(StyledLine())
        lines.append(StyledLine("NUP stage", style: .bold))
        var strip = StyledLine("  ")
        for (i, stage) in NUPStage.allCases.enumerated() {
            if i > 0 { strip.spans.append(.init(text: " › ", style: .dim)) }
            strip.spans.append(stage == c.stage ? .init(text: "[\(stage.label)]", style: Style(color: .cyan, bold: true, reverse: true))
                                                : .init(text: stage.label, style: .plain))
        }
        lines.append(strip)
        if c.stage == nil { lines.append(StyledLine("  The record does not say which stage.", style: .dim)) }
        if let basis = c.stageBasis { lines += StyledLine.wrapped("Basis: " + basis, width: width, style: .dim, indent: "    ", firstIndent: "  ") }
        section("Policy documents", into: &lines)
        if c.policies.isEmpty { lines.append(StyledLine("  none recorded", style: .dim)) }
        for p in c.policies {
            let style: Style = p.status == .adopted || p.status == .endorsed ? .done : .warning
            lines.append(StyledLine("  \(p.title) — ") + StyledLine(p.status.label, style: style))
            if let note = p.note { lines += StyledLine.wrapped(note, width: width, style: .dim, indent: "    ") }
        }
        section("Demonstration projects", into: &lines)
        if c.projects.isEmpty { lines.append(StyledLine("  none recorded", style: .dim)) }
        for p in c.projects {
            lines += StyledLine.wrapped(p.title, width: width, indent: "    ", firstIndent: "  ")
            if let n = p.peopleReached { lines.append(StyledLine("    \(Format.number(n)) people reached", style: .accent)) }
        }
        if !c.funding.isEmpty {
            section("Funding", into: &lines)
            for f in c.funding { lines += StyledLine.wrapped(f, width: width, indent: "    ", firstIndent: "  ") }
        }
        section("Milestones", into: &lines)
        if c.milestones.isEmpty { lines.append(StyledLine("  none yet: press a to add one", style: .dim)) }
        for m in c.milestones {
            lines += MilestonesScreen.lines(for: m, today: state.today, width: width, indent: "  ")
        }
        let events = state.programme.events(concerning: c.id)
        if !events.isEmpty {
            section("Events", into: &lines)
            for e in events { lines += StyledLine.wrapped("\(e.date) \(e.title)", width: width, indent: "    ", firstIndent: "  ") }
        }
        section("Notes", into: &lines)
        if c.notes.isEmpty {
            lines.append(StyledLine("  none: press e (on a line that is not a milestone) to write some", style: .dim))
        } else {
            lines += StyledLine.wrapped(c.notes, width: width, indent: "  ")
        }
        return lines
    }

    private static func section(_ title: String, into lines: inout [StyledLine]) {
        lines.append(StyledLine())
        lines.append(StyledLine(title, style: .bold))
    }

    static func render(_ state: AppState, country: Country, into screen: inout Screen, area: Rect) {
        let cursor = state.detail?.cursor ?? ListCursor()
        screen.put("Country detail", x: area.x, y: area.y, style: .dim)
        ScrollingText.render(lines(country: country, state: state), scroll: cursor.scroll, cursor: cursor.index,
                             into: &screen, area: area.rows(from: 1, count: area.height - 1))
    }
}
