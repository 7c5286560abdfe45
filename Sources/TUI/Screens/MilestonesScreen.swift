import Model
import Presentation

/// All milestones grouped by phase and country, filterable, tickable in place.
enum MilestonesScreen {
    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        let counts = L("%@ done · %@ overdue", "\(state.derived.programmeProgress.done)/\(state.derived.programmeProgress.total)", "\(state.derived.overdue.count)")
        var list = ListView(rows: state.milestoneRows, cursor: state.milestoneCursor) { row -> String? in
            if case .header(let label) = row { label } else { nil }
        }
        list.ranks = state.milestoneRanks
        let query = state.search?.query.trimmingCharacters(in: .whitespaces) ?? ""
        let empty = !query.isEmpty ? L("No milestone matches “%@”. Esc shows them all again.", query)
            : state.statusFilter == .all ? L("No milestones in the record yet.")
            : L("No %@ milestones. Press f to change the filter.", state.statusFilter.text)
        let narrowed = state.search.map { $0.query.trimmingCharacters(in: .whitespaces).isEmpty ? "" : " · " + L("search: “%@”", $0.query) } ?? ""
        list.render(header: L("Milestones · filter: %@ (f) · %@ (s)", state.statusFilter.text, state.milestoneSort.label) + "\(narrowed) · \(counts)",
                    into: &screen, area: area,
                    empty: empty) { row, y, screen in
            switch row {
            case .header(let label):
                screen.put(label, x: area.x, y: y, style: label.hasPrefix(" ") ? .bold : .title, limit: area.width)
            case .milestone(let place):
                let m = state.derived.entries[place].milestone
                var ticker = ""
                // Who ticked it, and the day it was achieved (the day given, else the tick's).
                if m.done, let by = m.doneBy {
                    ticker = "  ✓ \(by)" + (m.doneOn.map { " " + L("achieved %@", "\($0)") } ?? m.doneAt.map { " " + MomentFormat.day($0, timeZone: state.timeZone) } ?? "")
                }
                var line = MilestoneLines.lines(for: m, today: state.today, width: area.width - ticker.displayWidth, indent: "    ",
                                                 timeZone: state.timeZone)[0]
                if !ticker.isEmpty { line.spans.append(.init(text: ticker, style: .dim)) }
                line.draw(into: &screen, x: area.x, y: y, width: area.width)
            }
        }
    }
}
