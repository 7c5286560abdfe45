import Presentation
/// The panel tabs: " 1 Overview  2 Countries  3 Timeline  4 Milestones ".
enum TabStrip {
    static func render(_ state: AppState, into screen: inout Screen, row: Int) {
        let tabs = TabLayout.tabs(state)
        for tab in tabs {
            let active = tab.panel == state.panel
            screen.put(tab.label, x: tab.range.lowerBound, y: row, style: active ? Style(color: .cyan, bold: true, reverse: true) : .plain)
        }
        if let crumb = TabLayout.crumb(state) {
            let x = (tabs.last?.range.upperBound ?? 0) + 2
            screen.put(crumb, x: x, y: row, style: .bold, limit: screen.width - x)
        }
    }
}
