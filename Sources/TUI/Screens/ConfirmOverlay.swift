import Presentation
/// A yes/no question in a box.
enum ConfirmOverlay {
    static func render(_ question: String, into screen: inout Screen, area: Rect) {
        let w = min(area.width - 4, 64)
        let lines = question.wrapped(to: w - 4)
        let rect = Rect(x: area.x + (area.width - w) / 2, y: area.y + max(0, (area.height - lines.count - 4) / 2),
                        width: w, height: lines.count + 4)
        screen.box(rect, title: "Confirm", style: .warning)
        for (i, line) in lines.enumerated() { screen.put(line, x: rect.x + 2, y: rect.y + 1 + i) }
        screen.put("y yes · n no", x: rect.x + 2, y: rect.maxY - 2, style: .bold)
    }
}
