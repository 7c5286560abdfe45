import Model
import Presentation
/// The help overlay, generated from the key map.
enum HelpOverlay {
    static func render(_ state: AppState, scroll: Int, into screen: inout Screen, layout: Layout) {
        let rect = layout.helpBox
        let lines = state.overlayLines(width: rect.width - 4)
        let title: String
        switch state.overlay {
        case .help: title = L("Help · j/k scroll · ? or Esc close")
        case .messages: title = L("Messages, newest first · j/k scroll · m or Esc close")
        case .milestone, .record: title = L("The whole record · j/k scroll · v or Esc close")
        case .agenda: title = L("Agenda · j/k scroll · Esc close")
        }
        screen.box(rect, title: title)
        let rows = layout.helpRows
        for i in 0..<rows {
            let index = scroll + i
            guard index < lines.count else { break }
            lines[index].draw(into: &screen, x: rect.x + 2, y: rect.y + 1 + i, width: rect.width - 4)
        }
        if lines.count > rows {
            let more = " \(min(lines.count, scroll + rows))/\(lines.count) "
            screen.put(more, x: rect.maxX - more.count - 2, y: rect.maxY - 1, style: .dim)
        }
    }
}
