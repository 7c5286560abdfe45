import Presentation
/// The panel tabs: " 1 Overview  2 Countries  3 Timeline  4 Milestones ".
enum TabStrip {
    /// Each panel's label and the columns it takes.
    static var tabs: [(panel: Panel, label: String, range: Range<Int>)] {
        var x = 1
        return Panel.allCases.map { panel in
            let label = " \(panel.rawValue + 1) \(panel.title) "
            defer { x += label.displayWidth + 1 }
            return (panel, label, x..<(x + label.displayWidth))
        }
    }

    static func panel(atColumn x: Int) -> Panel? {
        tabs.first { $0.range.contains(x) }?.panel
    }

    static func render(_ state: AppState, into screen: inout Screen, row: Int) {
        for tab in tabs {
            let active = tab.panel == state.panel
            screen.put(tab.label, x: tab.range.lowerBound, y: row, style: active ? Style(color: .cyan, bold: true, reverse: true) : .plain)
        }
        if let detail = state.detail, let country = state.programme.country(detail.countryID) {
            let crumb = "› \(country.name)"
            let x = (tabs.last?.range.upperBound ?? 0) + 2
            screen.put(crumb, x: x, y: row, style: .bold, limit: screen.width - x)
        }
    }
}
