import Presentation

/// Where the panel tabs stand on the tab row, for drawing them and for clicks.
enum TabLayout {
    /// Each panel's label and the columns it takes: the full titles, or their first letters
    /// where the terminal is narrower than they are.
    static var tabs: [(panel: Panel, label: String, range: Range<Int>)] { tabs(width: Int.max) }

    static func tabs(width: Int) -> [(panel: Panel, label: String, range: Range<Int>)] {
        let full = Panel.allCases.reduce(1) { $0 + " \($1.rawValue + 1) \($1.title) ".count + 1 }
        let short = full > width - 2
        var x = 1
        return Panel.allCases.map { panel in
            let label = " \(panel.rawValue + 1) \(short ? String(panel.title.prefix(4)) : panel.title) "
            defer { x += label.displayWidth + 1 }
            return (panel, label, x..<(x + label.displayWidth))
        }
    }

    static func panel(atColumn x: Int, width: Int = Int.max) -> Panel? {
        tabs(width: width).first { $0.range.contains(x) }?.panel
    }
}
