import Model
import Presentation
/// A form in a box over the panel: one line per field, the focused one marked, errors in red.
enum FormOverlay {
    static func render(_ form: FormState, into screen: inout Screen, area: Rect) {
        let w = min(area.width - 4, 70)
        // A line between fields where there is room; on a short terminal none, and the fields
        // scrolled so the focused one is always in the box.
        let spacing = form.fields.count * 2 + 5 <= area.height ? 2 : 1
        let h = form.fields.count * spacing + 5
        let rect = Rect(x: area.x + (area.width - w) / 2, y: area.y + max(0, (area.height - h) / 2), width: w, height: min(h, area.height))
        screen.box(rect, title: form.title, style: .accent)
        let labelWidth = (form.fields.map { $0.label.displayWidth }.max() ?? 5) + 2
        // Rows from the box's third line to the two kept for the message, less the one between.
        let room = max(1, (rect.height - 5 + spacing - 1) / spacing)
        let first = min(max(0, form.focus - room + 1), max(0, form.fields.count - room))
        for (i, field) in form.fields.enumerated() where i >= first {
            let y = rect.y + 2 + (i - first) * spacing
            guard i - first < room else { break }
            let focused = i == form.focus
            screen.put((field.label + ":").padded(to: labelWidth), x: rect.x + 2, y: y, style: focused ? .bold : .plain)
            let fx = rect.x + 2 + labelWidth
            let fw = max(2, rect.maxX - 2 - fx)
            if !field.choices.isEmpty {
                // A choice: the options shown, the chosen one marked and always in view (the row
                // starts late enough to show it, with ‹… where some are left of it); ←/→ change it.
                let texts = field.choices.map { $0 == field.text ? "‹\($0)›" : " \($0) " }
                let chosen = field.choices.firstIndex(of: field.text) ?? 0
                var start = 0
                func fits(from first: Int) -> Bool {
                    (first > 0 ? 2 : 0) + texts[first...chosen].reduce(0) { $0 + $1.displayWidth + 1 } <= fw
                }
                while start < chosen && !fits(from: start) { start += 1 }
                var x = fx
                if start > 0 { screen.put("…", x: x, y: y, style: .dim); x += 2 }
                for (i, text) in texts.enumerated() where i >= start {
                    guard x + text.displayWidth <= fx + fw else {
                        if x < fx + fw { screen.put("…", x: x, y: y, style: .dim) }
                        break
                    }
                    screen.put(text, x: x, y: y, style: i == chosen ? (focused ? Style(bold: true, reverse: true) : .bold) : .dim)
                    x += text.displayWidth + 1
                }
                if focused { screen.cursor = (fx, y) }
                continue
            }
            screen.fill(Rect(x: fx, y: y, width: fw, height: 1), style: Style(underline: true))
            if field.characters.isEmpty && !focused {
                screen.put(field.placeholder, x: fx, y: y, style: Style(dim: true, underline: true), limit: fw)
            } else {
                let (visible, cursor) = field.window(width: fw)
                screen.put(visible, x: fx, y: y, style: Style(underline: true), limit: fw)
                if focused {
                    if field.characters.isEmpty { screen.put(field.placeholder, x: fx, y: y, style: Style(dim: true, underline: true), limit: fw) }
                    screen.cursor = (fx + cursor, y)
                }
            }
        }
        let bottom = rect.maxY - 2
        if let error = form.error {
            // On the two lines above the box's edge, wrapped: a message is read whole.
            let lines = error.wrapped(to: max(8, rect.width - 4))
            let shown = Array(lines.prefix(2))
            for (i, line) in shown.enumerated() {
                let text = i == 1 && lines.count > 2 ? String(line.prefix(max(1, line.count - 1))) + "…" : line
                screen.put(text, x: rect.x + 2, y: bottom - (shown.count - 1) + i, style: .error, limit: rect.width - 4)
            }
        } else {
            let choosing = form.fields.indices.contains(form.focus) && !form.fields[form.focus].choices.isEmpty
            let enter = form.purpose == .goTo ? L("Enter go") : (form.purpose == .agenda ? L("Enter show") : L("Enter save"))
            screen.put(choosing ? L("←/→ choose · %@ · Tab next · Esc cancel", enter) : L("%@ · Tab next · Ctrl-E $EDITOR · Esc cancel", enter),
                       x: rect.x + 2, y: bottom, style: .dim, limit: rect.width - 4)
        }
    }
}
