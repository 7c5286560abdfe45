import Presentation

/// Where the panel tabs stand on the tab row, for drawing them and for clicks.
enum TabLayout {
    /// Each panel's label and the columns it takes: the full titles with room around them, the
    /// full titles closer together (80 columns), or their first letters where the terminal is
    /// narrower still.
    static var tabs: [(panel: Panel, label: String, range: Range<Int>)] { tabs(width: Int.max) }

    static func tabs(width: Int) -> [(panel: Panel, label: String, range: Range<Int>)] {
        func label(_ panel: Panel, _ mode: Int) -> String {
            let title = mode == 2 ? panel.title.cut(to: 4) : panel.title
            return mode == 1 ? "\(panel.rawValue + 1) \(title)" : " \(panel.rawValue + 1) \(title) "
        }
        func gap(_ mode: Int) -> Int { mode == 1 ? 2 : 1 }
        let mode = [0, 1].first { mode in Panel.allCases.reduce(1) { $0 + label($1, mode).displayWidth + gap(mode) } <= width - 2 } ?? 2
        var x = mode == 1 ? 2 : 1
        return Panel.allCases.map { panel in
            let text = label(panel, mode)
            defer { x += text.displayWidth + gap(mode) }
            return (panel, text, x..<(x + text.displayWidth))
        }
    }

    static func panel(atColumn x: Int, width: Int = Int.max) -> Panel? {
        tabs(width: width).first { $0.range.contains(x) }?.panel
    }

    /// "› Nigeria" after the tabs while a country is open.
    static func crumb(_ state: AppState) -> String? {
        state.detail.flatMap { state.programme.country($0.countryID) }.map { "› \($0.name)" }
    }

    /// The tabs as the state shows them: room kept for the crumb (up to 16 cells of it).
    static func tabs(_ state: AppState) -> [(panel: Panel, label: String, range: Range<Int>)] {
        tabs(width: state.width - (crumb(state).map { min($0.displayWidth, 16) + 2 } ?? 0))
    }
}
