import Model
import Presentation

/// The programme at a glance: partners, goal, phases, the stage matrix, what is due, events.
enum OverviewScreen {
    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        ScrollingText.render(state.overviewLines, scroll: state.overviewScroll, into: &screen, area: area)
    }
}
