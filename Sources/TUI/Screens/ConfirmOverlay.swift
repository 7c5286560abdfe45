import Model
import Presentation
/// A yes/no question in a box.
enum ConfirmOverlay {
    static func render(_ question: String, into screen: inout Screen, area: Rect) {
        let w = min(area.width - 4, 64)
        let lines = question.wrapped(to: w - 4)
        let rect = Rect(x: area.x + (area.width - w) / 2, y: area.y + max(0, (area.height - lines.count - 4) / 2),
                        width: w, height: lines.count + 4)
        screen.box(rect, title: L("Confirm"), style: .warning)
        for (i, line) in lines.enumerated() { screen.put(line, x: rect.x + 2, y: rect.y + 1 + i) }
        screen.put(L("y yes · n no"), x: rect.x + 2, y: rect.maxY - 2, style: .bold)
    }

    /// A sync stopped at a conflict: the record and field, both values whole, and the choices.
    static func renderConflict(_ c: AppState.SyncConflict, into screen: inout Screen, area: Rect) {
        let w = min(area.width - 2, 100)
        var lines = [L("Both you and a colleague changed this differently; nothing was merged yet:")] + c.field.wrapped(to: w - 4)
        lines += [""] + (L("yours:") + "  " + c.ours).wrapped(to: w - 4) + (L("theirs:") + " " + c.theirs).wrapped(to: w - 4)
        let room = max(1, area.height - 6)
        if lines.count > room { lines = Array(lines.prefix(room - 1)) + [L("… (m shows every message whole)")] }
        let rect = Rect(x: area.x + (area.width - w) / 2, y: area.y + max(0, (area.height - lines.count - 4) / 2),
                        width: w, height: lines.count + 4)
        screen.box(rect, title: L("Sync stopped: a conflict"), style: .warning)
        for (i, line) in lines.enumerated() { screen.put(line, x: rect.x + 2, y: rect.y + 1 + i) }
        screen.put(L("m keep mine · t take theirs · e set a value myself"), x: rect.x + 2, y: rect.maxY - 2, style: .bold)
    }
}
