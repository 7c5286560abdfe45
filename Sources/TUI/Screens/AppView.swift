import Model
import Presentation

/// Draws the whole frame: title, tabs, the panel (or country detail), overlays, status line.
enum AppView {
    static func render(_ state: AppState) -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        let layout = Layout(width: state.width, height: state.height)
        if layout.isTooSmall {
            renderTooSmall(state, into: &screen)
            return screen
        }
        renderTitle(state, into: &screen, row: layout.titleRow)
        TabStrip.render(state, into: &screen, row: layout.tabRow)
        let area = layout.content
        if let detail = state.detail {
            CountryDetailScreen.render(state, detail: detail, into: &screen, area: area)
        } else {
            switch state.panel {
            case .overview: OverviewScreen.render(state, into: &screen, area: area)
            case .countries: CountriesScreen.render(state, into: &screen, area: area)
            case .timeline: TimelineScreen.render(state, into: &screen, area: area)
            case .milestones: MilestonesScreen.render(state, into: &screen, area: area)
            case .activity: ActivityScreen.render(state, into: &screen, area: area)
            case .indicators: IndicatorsScreen.render(state, into: &screen, area: area)
            }
        }
        if let query = state.search?.query, !query.trimmingCharacters(in: .whitespaces).isEmpty {
            screen.highlight(query, in: area)
        }
        renderStatus(state, into: &screen, layout: layout)
        if let form = state.form { FormOverlay.render(form, into: &screen, area: area) }
        if let confirmation = state.confirmation { ConfirmOverlay.render(confirmation.question, into: &screen, area: area) }
        if let conflict = state.syncConflict { ConfirmOverlay.renderConflict(conflict, into: &screen, area: area) }
        if state.askingToQuit {
            ConfirmOverlay.render(L("Quit knupp? What you typed in the form is not saved. (y quits; n or Esc goes back to it; Ctrl-C again quits)"),
                                  into: &screen, area: area)
        }
        if let scroll = state.helpScroll { HelpOverlay.render(state, scroll: scroll, into: &screen, layout: layout) }
        return screen
    }

    private static func renderTooSmall(_ state: AppState, into screen: inout Screen) {
        let text = L("Terminal too small (%@). knupp needs at least %@. Enlarge the window, or press q to quit.",
                     "\(state.width)×\(state.height)", "\(Layout.minimumWidth)×\(Layout.minimumHeight)")
        let lines = text.wrapped(to: max(1, state.width))
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < state.height {
            screen.put(line, x: max(0, (state.width - line.displayWidth) / 2), y: top + i, style: .warning)
        }
    }

    private static func renderTitle(_ state: AppState, into screen: inout Screen, row: Int) {
        screen.fill(Rect(x: 0, y: row, width: screen.width, height: 1), style: .selected)
        let name = state.programme.shortName.isEmpty ? state.programme.name : state.programme.shortName
        let access = state.isReadOnly ? L("READ-ONLY") : L("read-write")
        let right = (state.busy == .syncing ? " " + L("syncing… (Esc stops)") + " ·" : "") + " \(access) · rev \(state.revision) "
        let left = " knupp · \(name) · \(state.storePath)"
        let rightWidth = right.displayWidth
        screen.put(left, x: 0, y: row, style: Style(bold: true, reverse: true), limit: max(0, screen.width - rightWidth - 1))
        screen.put(right, x: max(0, screen.width - rightWidth), y: row,
                   style: state.isReadOnly ? Style(color: .yellow, bold: true, reverse: true) : .selected)
    }

    private static func renderStatus(_ state: AppState, into screen: inout Screen, layout: Layout) {
        let row = layout.statusRow
        if let search = state.search {
            let count = search.matches.isEmpty ? (search.query.isEmpty ? "" : "  " + L("no match"))
                : "  \(search.index + 1)/\(search.matches.count)"
            if search.editing {
                screen.put("/", x: 0, y: row, style: .accent)
                let room = max(2, screen.width - 1 - count.displayWidth)
                let (visible, cursor) = search.field.window(width: room)
                screen.put(visible, x: 1, y: row)
                screen.put(count, x: 1 + visible.displayWidth, y: row, style: .dim)
                screen.cursor = (1 + cursor, row)
            } else if let message = state.message {
                drawMessage(message, into: &screen, row: row)
            }
        } else if let message = state.message {
            drawMessage(message, into: &screen, row: row)
        }
        screen.put(hintLine(KeyMap.hints(for: state), width: screen.width), x: 0, y: layout.keysRow, style: .dim)
    }

    /// The keys' line cut to the width, but never the way to the help and to quit: when it is too
    /// long the panel's own keys give way ("… ? help  m messages  q quit").
    static func hintLine(_ hints: String, width: Int) -> String {
        let common = L("? help  m messages  q quit")
        guard hints.displayWidth > width, hints.hasSuffix(common), width > common.displayWidth + 8 else { return hints.truncated(to: width) }
        let own = String(hints.dropLast(common.count)).trimmingCharacters(in: .whitespaces)
        return own.truncated(to: width - common.displayWidth - 2) + "  " + common
    }

    private static func drawMessage(_ message: AppState.Message, into screen: inout Screen, row: Int) {
        let style: Style
        switch message.kind {
        case .info: style = .plain
        case .warning: style = .warning
        case .error: style = .error
        }
        // Cut at the width, it ends in "…" and says where it is whole: the message log.
        let text = message.text.displayWidth > screen.width && screen.width > 12
            ? message.text.truncated(to: screen.width - 4) + " (m)" : message.text.truncated(to: screen.width)
        screen.put(text, x: 0, y: row, style: style)
    }
}
