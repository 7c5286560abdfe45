import Model
import Presentation

/// Draws the country detail: its lines as laid out in the state, the selected record reversed.
enum CountryDetailScreen {
    static func render(_ state: AppState, detail: AppState.Detail, into screen: inout Screen, area: Rect) {
        screen.put(L("Country detail"), x: area.x, y: area.y, style: .dim)
        let selected = detail.selection.map { target in Set(detail.lines.indices.filter { detail.lines[$0].target == target }) } ?? []
        ScrollingText.render(detail.lines, scroll: detail.scroll, selected: selected,
                             into: &screen, area: area.rows(from: 1, count: area.height - 1))
    }
}
