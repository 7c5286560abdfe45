import Presentation
/// Lines in an area that scrolls: when they do not fit, the last row says where you are.
enum ScrollingText {
    /// Rows available for lines in `area` when there are `count` of them.
    static func visibleRows(count: Int, area: Rect) -> Int {
        count > area.height ? max(1, area.height - 1) : area.height
    }

    static func render(_ lines: [StyledLine], scroll: Int, cursor: Int?, into screen: inout Screen, area: Rect) {
        let rows = visibleRows(count: lines.count, area: area)
        for i in 0..<rows {
            let index = scroll + i
            guard index < lines.count else { break }
            lines[index].draw(into: &screen, x: area.x + 1, y: area.y + i, width: area.width - 2)
            if index == cursor {
                screen.restyle(Rect(x: area.x, y: area.y + i, width: area.width, height: 1)) { $0.reverse = true }
            }
        }
        if lines.count > rows {
            let shown = min(lines.count, scroll + rows)
            let more = scroll + rows < lines.count ? "↓ more below" : "end"
            let text = "lines \(scroll + 1)–\(shown) of \(lines.count) · \(more)"
            screen.put(text, x: area.maxX - text.displayWidth - 1, y: area.y + rows, style: .dim)
        }
    }
}
