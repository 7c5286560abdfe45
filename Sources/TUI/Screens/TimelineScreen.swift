import Model
import Presentation

/// The phase timeline: a time axis, a bar per phase, a row per country, milestones, events, today.
enum TimelineScreen {
    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        let layout = TimelineLayout(state: state)
        let left = area.x + TimelineLayout.labelWidth + 1
        let rows = state.derived.timelineRows
        drawAxis(layout, state: state, into: &screen, x: left, y: area.y)
        let legendRows = 1
        let body = area.rows(from: 2, count: area.height - 2 - legendRows)
        let firstRow = max(0, min(state.timeline.row - body.height / 2, rows.count - body.height))
        let todayColumn = layout.column(of: state.today.firstOrdinal)
        for i in 0..<body.height {
            let r = firstRow + i
            guard r < rows.count else { break }
            let y = body.y + i
            let row = rows[r]
            let labelStyle: Style
            switch row.kind {
            case .phase: labelStyle = .title
            case .events: labelStyle = .event
            case .country: labelStyle = .plain
            }
            let isSelectedRow = r == state.timeline.row
            let label = (row.kind == .events || isPhase(row.kind) ? "" : "  ") + row.label
            screen.put(label.padded(to: TimelineLayout.labelWidth), x: area.x, y: y,
                       style: isSelectedRow && state.timeline.item == 0 && !isPhase(row.kind) && row.kind != .events
                           ? Style(reverse: true) : labelStyle)
            if (0..<layout.columns).contains(todayColumn) { screen.put("│", x: left + todayColumn, y: y, style: .warning) }
            // Marks that fall in one column are counted, so that two events do not look like one.
            var perColumn: [Int: Int] = [:]
            for item in row.items where item.glyph != .bar && item.glyph != .country { perColumn[layout.column(of: item.start), default: 0] += 1 }
            for (i, item) in row.items.enumerated() {
                let selected = isSelectedRow && i == state.timeline.item
                draw(item, selected: selected, layout: layout, into: &screen, x: left, y: y)
                let column = layout.column(of: item.start)
                if let count = perColumn[column], count > 1, item.glyph != .bar, (0..<layout.columns).contains(column) {
                    screen.put(count > 9 ? "+" : "\(count)", x: left + column, y: y, style: selected ? Style(bold: true, reverse: true) : .bold)
                }
            }
            // The baseline: a dim ◇ where a moved due was first planned, joined by ┄ to where it is
            // now; over the phase's bar and empty cells, never over another mark or today's line.
            if state.timeline.baseline {
                func free(_ column: Int) -> Bool {
                    guard (0..<layout.columns).contains(column), left + column < screen.width else { return false }
                    let text = screen[left + column, y].text
                    return text == " " || text == "█"
                }
                for item in row.items {
                    guard let planned = item.planned else { continue }
                    let from = layout.column(of: planned), to = layout.column(of: item.glyph == .bar ? item.end : item.start)
                    // (A plan in the column of the mark, or the next: nothing between them to join.)
                    let low = max(min(from, to) + 1, 0), high = min(max(from, to), layout.columns)
                    if low < high {
                        for column in low..<high where free(column) { screen.put("┄", x: left + column, y: y, style: .dim) }
                    }
                    if free(from) { screen.put("◇", x: left + from, y: y, style: .dim) }
                }
            }
            // The selected item's words beside it on the chart, where there is room.
            if isSelectedRow, state.timeline.item < row.items.count {
                let item = row.items[state.timeline.item]
                let column = layout.column(of: item.start) + 2
                if item.glyph != .country, item.glyph != .bar, column >= 0, column < layout.columns - 8 {
                    screen.put(" " + item.text + " ", x: left + column, y: y, style: Style(bold: true), limit: layout.columns - column)
                }
            }
        }
        let zoom = state.timeline.fit ? L("fit") : state.timeline.zoom.label
        let base = state.timeline.baseline ? " " + L("◇ first plan (b)") : " · " + L("b baseline")
        let legends = [L("█ phase ▲ start ✓ done ○ open ! overdue ◆ event 2 two in a cell │ today") + " · \(zoom)\(base)",
                       L("█ phase ▲ start ✓ done ○ open ! overdue ◆ event │ today") + " · \(zoom)\(base)",
                       L("█ phase ▲ start ✓ done ○ open ! overdue ◆ event │ today") + " · \(zoom)",
                       L("█ phase ▲ start ✓ done ○ open ! late ◆ event │ today")]
        let legend = legends.first { $0.displayWidth <= area.width } ?? legends[legends.count - 1]
        screen.put(legend, x: area.x, y: area.maxY - 1, style: .dim, limit: area.width)
    }

    private static func isPhase(_ kind: TimelineRow.Kind) -> Bool { if case .phase = kind { true } else { false } }

    private static func draw(_ item: TimelineRow.Item, selected: Bool, layout: TimelineLayout, into screen: inout Screen, x: Int, y: Int) {
        let first = layout.column(of: item.start)
        switch item.glyph {
        case .country:
            return // the row's label is this item
        case .bar:
            let last = layout.column(of: item.end)
            let from = max(0, first), to = min(layout.columns - 1, last)
            guard from <= to else { return }
            screen.put(String(repeating: "█", count: to - from + 1), x: x + from, y: y,
                       style: selected ? Style(color: .blue, reverse: true) : Style(color: .blue))
            if selected { screen.restyle(Rect(x: x + from, y: y, width: to - from + 1, height: 1)) { $0.reverse = false; $0.bold = true; $0.underline = true } }
        default:
            guard (0..<layout.columns).contains(first) else { return }
            let glyph: String
            var style: Style
            switch item.glyph {
            case .launch: glyph = "▲"; style = .accent
            case .done: glyph = "✓"; style = .done
            case .open: glyph = "○"; style = .plain
            case .overdue: glyph = "!"; style = .overdue
            case .event: glyph = "◆"; style = .event
            case .bar, .country: return
            }
            if selected { style.reverse = true }
            screen.put(glyph, x: x + first, y: y, style: style)
        }
    }

    /// Year (and quarter or month) labels along the top, ticks on the second row.
    private static func drawAxis(_ layout: TimelineLayout, state: AppState, into screen: inout Screen, x: Int, y: Int) {
        screen.put(L("Timeline"), x: 0, y: y, style: .bold)
        var labels: [(Int, String, Bool)] = []
        let months = [L("Jan"), L("Feb"), L("Mar"), L("Apr"), L("May"), L("Jun"), L("Jul"), L("Aug"), L("Sep"), L("Oct"), L("Nov"), L("Dec")]
        for column in 0..<layout.columns {
            // A boundary (a new year, quarter or month) is marked in the column that holds its
            // first day: the same column a bar starting that day begins in.
            let first = layout.firstDay(ofColumn: column), last = first + layout.daysPerColumn - 1
            let start = CalendarDate.fromOrdinal(first), end = CalendarDate.fromOrdinal(last)
            guard let startMonth = start.month, start.day != nil else { continue }
            let year: Int? = (startMonth == 1 && start.day == 1) ? start.year : (end.year != start.year ? end.year : nil)
            // The month starts inside the column, in order.
            var starts: [CalendarDate] = []
            var probe = start.day == 1 ? start : (CalendarDate(year: startMonth == 12 ? start.year + 1 : start.year, month: startMonth % 12 + 1, day: 1) ?? end)
            while probe.firstOrdinal <= last, starts.count < 13 {
                starts.append(probe)
                let m = probe.month ?? 1
                probe = CalendarDate(year: m == 12 ? probe.year + 1 : probe.year, month: m % 12 + 1, day: 1) ?? end
            }
            let quarterStart = starts.first { (($0.month ?? 1) - 1) % 3 == 0 }
            let newYear = year != nil
            let newQuarter = quarterStart != nil
            let newMonth = !starts.isEmpty
            let month = (quarterStart ?? starts.first)?.month ?? startMonth
            let day = CalendarDate(year: year ?? start.year, month: month) ?? end
            var label: String?
            var tick = false
            switch layout.granularity {
            case .years:
                if newYear { label = "\(day.year)"; tick = true }
            case .quarters:
                if newYear { label = "\(day.year)"; tick = true } else if newQuarter { label = "Q\((month - 1) / 3 + 1)"; tick = true }
            case .months:
                if newYear { label = "\(day.year)"; tick = true } else if newMonth { label = months[month - 1]; tick = true }
            }
            if tick { screen.put("╵", x: x + column, y: y + 1, style: .dim) }
            if let label { labels.append((column, label, newYear)) }
        }
        // Years first, then quarters or months where there is room: a year is never crowded out.
        var taken = [Bool](repeating: false, count: layout.columns + 1)
        for (column, label, _) in labels.filter(\.2) + labels.filter({ !$0.2 }) {
            let end = column + label.count
            guard end <= layout.columns, !taken[column..<min(end + 1, taken.count)].contains(true),
                  column == 0 || !taken[column - 1] else { continue }
            for i in column..<min(end + 1, taken.count) { taken[i] = true }
            screen.put(label, x: x + column, y: y, style: labels.first { $0.0 == column }?.2 == true ? .bold : .dim)
        }
        let today = layout.column(of: state.today.firstOrdinal)
        if (0..<layout.columns).contains(today) { screen.put("▼", x: x + today, y: y + 1, style: .warning) }
    }
}
