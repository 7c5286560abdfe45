import Model
import Presentation

/// The countries panel: phase, scope, NUP stage, progress and open/overdue counts per country.
enum CountriesScreen {
    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        let wide = area.width >= 154
        // Room at the right of the header for the filter and the position ("all phases (p) · 3/8").
        let columns = Columns(width: area.width - (area.width >= 100 ? 44 : 8), wide: wide)
        let filter = state.phaseFilterNumber.map { L("phase %@", "\($0)") } ?? L("all phases")
        let header = "ID".padded(to: 4) + " " + L("Country").padded(to: columns.name) + (columns.scope > 0 ? " " + L("Scope").padded(to: columns.scope) : "")
            + " " + L("Stage").padded(to: columns.stage) + " " + L("Progress").padded(to: columns.progress)
            + " " + L("Open").padded(to: 4, alignRight: true) + " " + L("Overdue").padded(to: 7, alignRight: true)
        let list = ListView(rows: state.countryRows, cursor: state.countryCursor) { row -> String? in
            if case .header(_, let label) = row { label } else { nil }
        }
        list.render(header: header, note: "\(filter) (p) · \(state.countrySort.label) (s)", into: &screen, area: area, empty: state.isReadOnly ? L("No countries in the record.") : L("No countries in the record: a adds one.")) { row, y, screen in
            switch row {
            case .header(_, let label):
                screen.put(label, x: area.x, y: y, style: .title, limit: area.width)
            case .country(let id):
                guard let c = state.programme.country(id) else { return }
                let summary = state.derived.countries[id]
                var line = StyledLine(c.id.padded(to: 4) + " " + c.name.padded(to: columns.name) + " "
                                      + (columns.scope > 0 ? c.scope.text.padded(to: columns.scope) + " " : "")
                                      + (c.stage.map { wide ? $0.text : $0.shortText } ?? L("unknown")).padded(to: columns.stage) + " ")
                let progress = summary?.progress ?? MilestoneProgress(done: 0, total: 0)
                let bar = ProgressBar.spans(progress, width: columns.progress)
                line.spans += bar
                let progressWidth = bar.map(\.text).joined().displayWidth
                line.spans.append(.init(text: String(repeating: " ", count: max(0, columns.progress - progressWidth)) + " ", style: .plain))
                line.spans.append(.init(text: "\(summary?.open ?? 0)".padded(to: 4, alignRight: true) + " ", style: .plain))
                let overdue = summary?.overdue ?? 0
                line.spans.append(.init(text: "\(overdue)".padded(to: 7, alignRight: true), style: overdue > 0 ? .overdue : .plain))
                line.draw(into: &screen, x: area.x, y: y, width: area.width)
            }
        }
    }

    /// Column widths for a panel width; the name takes what is left.
    struct Columns {
        var name: Int
        var scope: Int
        var stage: Int
        var progress: Int

        init(width: Int, wide: Bool) {
            // Narrow, the scope gives way (the country's page shows it): names stay readable.
            scope = wide ? 14 : (width < 70 ? 0 : 11)
            stage = wide ? 23 : 7
            progress = wide ? 24 : 14
            name = max(6, width - (4 + scope + (scope > 0 ? 1 : 0) + stage + progress + 4 + 7 + 5))
        }
    }
}
