import Presentation
/// The help overlay, generated from the key map.
enum HelpOverlay {
    static func lines() -> [StyledLine] {
        var lines: [StyledLine] = []
        var scopes: [KeyMap.Scope] = []
        for binding in KeyMap.bindings where !scopes.contains(binding.scope) { scopes.append(binding.scope) }
        for scope in scopes {
            if !lines.isEmpty { lines.append(StyledLine()) }
            lines.append(StyledLine(scope.title, style: .title))
            for binding in KeyMap.bindings where binding.scope == scope {
                let keys = binding.keys.map(\.label).joined(separator: " ")
                lines.append(StyledLine("  " + keys.padded(to: 16), style: .bold) + StyledLine(binding.help))
            }
        }
        lines.append(StyledLine())
        lines.append(StyledLine("In forms and search", style: .title))
        for (keys, help) in [("←/→ Home/End", "move in the field"), ("Backspace Del", "delete"), ("Ctrl-U", "clear to the start"),
                             ("Ctrl-W", "delete a word"), ("Tab Shift-Tab", "next / previous field"),
                             ("Ctrl-E", "edit the field in $EDITOR"), ("Enter", "save"), ("Esc", "cancel, nothing changes")] {
            lines.append(StyledLine("  " + keys.padded(to: 16), style: .bold) + StyledLine(help))
        }
        lines.append(StyledLine())
        lines.append(StyledLine("Mouse: click selects, double-click opens or ticks, the wheel scrolls (--no-mouse turns it off).", style: .dim))
        return lines
    }

    static func box(_ layout: Layout) -> Rect {
        let w = min(layout.width - 4, 72), h = layout.content.height
        return Rect(x: (layout.width - w) / 2, y: layout.content.y, width: w, height: h)
    }

    static func visibleRows(_ layout: Layout) -> Int { max(1, box(layout).height - 2) }

    static func render(scroll: Int, into screen: inout Screen, layout: Layout) {
        let rect = box(layout)
        let lines = self.lines()
        screen.box(rect, title: "Help · j/k scroll · ? or Esc close")
        let rows = visibleRows(layout)
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
