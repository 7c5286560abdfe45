import Model
import Presentation

/// The programme at a glance: partners, goal, phases, the stage matrix, what is due, events.
enum OverviewScreen {
    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        let cursor = state.overviewCursor
        let selected = cursor.selection.map { target in Set(state.overviewLines.indices.filter { state.overviewLines[$0].target == target }) } ?? []
        ScrollingText.render(state.overviewLines, scroll: cursor.scroll, selected: selected, into: &screen, area: area)
    }
}
