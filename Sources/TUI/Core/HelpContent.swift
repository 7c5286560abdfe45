import Model
import Presentation

/// The help overlay's lines, generated from the key map.
enum HelpContent {
    static func lines() -> [StyledLine] {
        var lines: [StyledLine] = []
        var scopes: [KeyMap.Scope] = []
        for binding in KeyMap.bindings where !scopes.contains(binding.scope) { scopes.append(binding.scope) }
        for scope in scopes {
            if !lines.isEmpty { lines.append(StyledLine()) }
            lines.append(StyledLine(scope.title, style: .title))
            for binding in KeyMap.bindings where binding.scope == scope {
                let keys = binding.keys.map(\.label).joined(separator: " ")
                lines.append(StyledLine("  " + keys.padded(to: 16), style: .bold) + StyledLine(L(binding.help)))
            }
        }
        lines.append(StyledLine())
        lines.append(StyledLine(L("In forms and search"), style: .title))
        for (keys, help) in [("←/→ Home/End", N("move in the field")), ("Backspace Del", N("delete")), ("Ctrl-U", N("clear to the start")),
                             ("Ctrl-W", N("delete a word")), ("Tab Shift-Tab", N("next / previous field")),
                             ("Ctrl-E", N("edit the field in $EDITOR")), ("Enter", N("save")), ("Esc", N("cancel, nothing changes"))] {
            lines.append(StyledLine("  " + keys.padded(to: 16), style: .bold) + StyledLine(L(help)))
        }
        lines.append(StyledLine())
        lines.append(StyledLine(L("Planned against actual"), style: .title))
        lines += StyledLine.wrapped(L("“slip +4 mo” beside a due: how far it stands (or was achieved) from the due first planned; in days from the last day of each, in months or years when both dates are. e asks why a due moves; f “slipped” lists those later than planned; s “by slip” sorts the latest first; b on the Timeline draws ◇ where each moved due (and a phase's end) was first planned."),
                                    width: 70, indent: "  ")
        lines.append(StyledLine())
        lines.append(StyledLine(L("Mouse: click selects, double-click opens or ticks, the wheel scrolls (--no-mouse turns it off)."), style: .dim))
        return lines
    }
}
