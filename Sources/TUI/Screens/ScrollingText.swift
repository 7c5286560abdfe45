import Model
import Presentation
/// Lines in an area that scrolls: when they do not fit, the last row says where you are.
enum ScrollingText {
    static func render(_ lines: [StyledLine], scroll: Int, selected: Set<Int> = [], into screen: inout Screen, area: Rect) {
        let rows = Layout.scrollRows(count: lines.count, area: area)
        for i in 0..<rows {
            let index = scroll + i
            guard index < lines.count else { break }
            lines[index].draw(into: &screen, x: area.x + 1, y: area.y + i, width: area.width - 2)
            if selected.contains(index) {
                screen.restyle(Rect(x: area.x, y: area.y + i, width: area.width, height: 1)) { $0.reverse = true }
            }
        }
        if lines.count > rows {
            let shown = min(lines.count, scroll + rows)
            let more = scroll + rows < lines.count ? L("↓ more below") : L("end")
            let text = L("lines %@–%@ of %@", "\(scroll + 1)", "\(shown)", "\(lines.count)") + " · " + more
            screen.put(text, x: area.maxX - text.displayWidth - 1, y: area.y + rows, style: .dim)
        }
    }
}
