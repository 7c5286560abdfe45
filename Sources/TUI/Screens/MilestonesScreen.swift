import Model
import Presentation

/// All milestones grouped by phase and country, filterable, tickable in place.
enum MilestonesScreen {
    /// A milestone's line: its box, title and due day; then who ticked it and when.
    static func lines(for m: Milestone, today: CalendarDate, width: Int, indent: String) -> [StyledLine] {
        let status = m.status(today: today)
        let box: StyledLine.Span
        switch status {
        case .done: box = .init(text: "[x]", style: .done)
        case .open: box = .init(text: "[ ]", style: .plain)
        case .overdue: box = .init(text: "[!]", style: .overdue)
        }
        var due = ""
        if let d = m.due { due = "  due \(d)" + (status == .overdue ? " OVERDUE" : "") }
        let room = max(4, width - indent.displayWidth - 4 - due.displayWidth)
        var first = StyledLine(spans: [.init(text: indent, style: .plain), box, .init(text: " " + m.title.truncated(to: room), style: .plain)],
                               milestoneID: m.id)
        if !due.isEmpty { first.spans.append(.init(text: due, style: status == .overdue ? .overdue : .dim)) }
        var result = [first]
        if m.done, m.doneBy != nil || m.doneAt != nil {
            let who = "ticked" + (m.doneBy.map { " by \($0)" } ?? "") + (m.doneAt.map { " at \($0)" } ?? "")
            result.append(StyledLine(indent + "    " + who, style: .dim, milestoneID: m.id))
        }
        return result
    }

    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        let counts = "\(state.derived.programmeProgress.done)/\(state.derived.programmeProgress.total) done · \(state.derived.overdue.count) overdue"
        screen.put("Milestones · filter: \(state.statusFilter.rawValue) (f) · \(counts)", x: area.x, y: area.y, style: .bold, limit: area.width)
        let rows = state.milestoneRows
        let visible = area.rows(from: 1, count: area.height - 1)
        for i in 0..<visible.height {
            let index = state.milestoneCursor.scroll + i
            guard index < rows.count else { break }
            let y = visible.y + i
            switch rows[index] {
            case .header(let label):
                screen.put(label, x: area.x, y: y, style: label.hasPrefix(" ") ? .bold : .title, limit: area.width)
            case .milestone(let entry):
                let m = entry.milestone
                var ticker = ""
                if m.done, let by = m.doneBy { ticker = "  ✓ \(by)" + (m.doneAt.map { " " + String($0.prefix(10)) } ?? "") }
                var line = lines(for: m, today: state.today, width: area.width - ticker.displayWidth, indent: "    ")[0]
                if !ticker.isEmpty { line.spans.append(.init(text: ticker, style: .dim)) }
                line.draw(into: &screen, x: area.x, y: y, width: area.width)
                if index == state.milestoneCursor.index {
                    screen.restyle(Rect(x: area.x, y: y, width: area.width, height: 1)) { $0.reverse = true }
                }
            }
        }
        if rows.isEmpty {
            screen.put("No \(state.statusFilter.rawValue) milestones. Press f to change the filter.", x: area.x + 2, y: visible.y, style: .dim)
        }
    }
}
