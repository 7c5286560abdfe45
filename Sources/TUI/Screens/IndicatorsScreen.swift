import Foundation
import Model
import Presentation

/// The Indicators panel: one row per indicator, the programme's first: its country, title,
/// baseline, latest actual, target, a progress bar and an evidence mark; the SDG 11.a.1 line
/// above. r records an actual, t a target, b the baseline, v reads one whole; Enter opens the country.
enum IndicatorsScreen {
    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        let rows = state.indicatorRows
        let sdg = SDGRow.line(state.programme, asOf: state.today)
        screen.put(sdg.truncated(to: area.width), x: area.x, y: area.y, style: .dim, limit: area.width)
        let listArea = area.rows(from: 1, count: area.height - 1)
        // The columns that fit: the values go before the title gives way below 12 cells.
        // Wide: baseline, actual and target each in a column that grows with the room (a title
        // keeps 40 cells first); narrower: the actual and the target in one ("37.5 → 30").
        let wide = area.width >= 100
        let bar = 8
        let value = wide ? min(22, max(18, (area.width - 10 - 40 - (bar + 9)) / 3)) : 13
        let fixed = 10 + value * (wide ? 3 : 1) + (bar + 6) + 3
        let title = max(8, area.width - fixed)
        func cell(_ text: String, _ width: Int) -> String { text.truncated(to: width - 1).padded(to: width) }
        var header = cell(L("COUNTRY"), 10) + cell(L("INDICATOR"), title)
        header += wide ? cell(L("BASELINE"), value) + cell(L("ACTUAL"), value) + cell(L("TARGET"), value) : cell(L("ACTUAL"), value)
        header += L("PROGRESS")
        let list = ListView(rows: rows, cursor: state.indicatorCursor) { _ in nil }
        list.render(header: header, into: &screen, area: listArea,
                    empty: L("No indicators yet. a adds one (or knupp indicator add ID --title T --measure unit --country C).")) { row, y, screen in
            var line = StyledLine(cell(row.country ?? L("programme"), 10), style: row.country == nil ? .bold : .plain)
            line = line + StyledLine(cell(row.title.clean, title))
            if wide {
                line = line + StyledLine(cell(IndicatorRow.dated(row.baseline).clean, value), style: .dim)
                line = line + StyledLine(cell(IndicatorRow.dated(row.actual).clean, value))
                line = line + StyledLine(cell(IndicatorRow.dated(row.target).clean, value), style: .dim)
            } else {
                line = line + StyledLine(cell((row.actual?.shown ?? "—").clean + (row.target.map { " → " + $0.shown.clean } ?? ""), value))
            }
            // Less is better: ↓ after the figure (a title cut short keeps it).
            let direction = row.ascending ? " " : "↓"
            if let progress = row.progress {
                line.spans += ProgressBar.spans(fraction: progress, bar: bar, label: row.percent.padded(to: 4, alignRight: true) + direction)
            } else {
                // Nothing to measure yet (a number missing), or a measure that is no number.
                let numeric = row.measure == "unit" || row.measure == "percentage"
                line.spans.append(.init(text: cell(numeric ? "—" + (row.ascending ? "" : " ↓") : (Indicator.Measure(rawValue: row.measure)?.text ?? row.measure), bar + 6), style: .dim))
            }
            line.spans.append(.init(text: row.hasEvidence ? " ✓" : "  ", style: .done))
            line.draw(into: &screen, x: listArea.x, y: y, width: listArea.width)
        }
    }
}
