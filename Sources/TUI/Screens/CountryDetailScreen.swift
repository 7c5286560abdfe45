import Model

/// One country: stages, policies, projects, funding, its milestone checklist, events and notes.
enum CountryDetailScreen {
    /// The screen's lines for the state's width; the cursor moves over them and ticks milestone lines.
    static func lines(country c: Country, state: AppState) -> [StyledLine] {
        let width = max(10, state.width - 2)
        var lines: [StyledLine] = []
        lines.append(StyledLine(c.name, style: .title) + StyledLine(" (\(c.id))" + (c.officialName.map { " — \($0)" } ?? ""), style: .dim))
        let progress = state.derived.countries[c.id]?.progress ?? MilestoneProgress.of(c.milestones)
        let phase = state.programme.phase(c.phase).map { " (\($0.periodLabel))" } ?? ""
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
        let lines = self.lines(country: country, state: state)
        let cursor = state.detail?.cursor ?? ListCursor()
        let body = area.rows(from: 1, count: area.height - 1)
        let hint = "Esc back"
        screen.put("Country detail", x: area.x, y: area.y, style: .dim)
        screen.put(hint, x: area.maxX - hint.count - 1, y: area.y, style: .dim)
        for i in 0..<body.height {
            let index = cursor.scroll + i
            guard index < lines.count else { break }
            lines[index].draw(into: &screen, x: area.x + 1, y: body.y + i, width: area.width - 2)
            if index == cursor.index {
                screen.restyle(Rect(x: area.x, y: body.y + i, width: area.width, height: 1)) { $0.reverse = true }
            }
        }
        if lines.count > body.height {
            let more = " \(min(lines.count, cursor.scroll + body.height))/\(lines.count) "
            screen.put(more, x: area.maxX - more.count - 1, y: body.maxY - 1, style: .dim)
        }
    }
}
