import Presentation

/// Where the panel tabs stand on the tab row, for drawing them and for clicks.
enum TabLayout {
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
}
