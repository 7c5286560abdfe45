import Presentation
import CNcurses
import Foundation

/// The terminal, through ncurses: the one file that imports it.
///
/// Copies each frame's changed cells to ncurses and refreshes once; ncurses sends only
/// what changed on the real screen. Reads keys with `get_wch` (UTF-8), mouse and resize.
final class NcursesTerminal {
    private var previous: Screen?
    private let colors: Bool
    private var closed = false

    init(color: Bool, mouse: Bool) {
        NcursesTerminal.chooseLocale()
        initscr()
        cbreak()
        noecho()
        nonl()
        keypad(knupp_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        // Wake up now and then, so that signals and changes on disk are noticed without a key.
        timeout(250)
        colors = color && has_colors()
        if colors {
            start_color()
            use_default_colors()
            let palette: [Style.Color: Int16] = [.red: Int16(COLOR_RED), .green: Int16(COLOR_GREEN), .yellow: Int16(COLOR_YELLOW),
                                                 .blue: Int16(COLOR_BLUE), .magenta: Int16(COLOR_MAGENTA), .cyan: Int16(COLOR_CYAN)]
            for (color, value) in palette { init_pair(Int16(color.rawValue), value, -1) }
        }
        if mouse {
            mousemask(knupp_mouse_mask(), nil)
            mouseinterval(200)
        }
    }

    /// The officer's locale; when it does not exist here (`LANG=ko_KR.UTF-8` is often not
    /// generated) or is not UTF-8, characters are still read as UTF-8 (`C.UTF-8`): ncursesw in
    /// the C locale would draw Hangul as garbage.
    static func chooseLocale() {
        let set = setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET))).uppercased().replacingOccurrences(of: "-", with: "")
        if set == nil || codeset != "UTF8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "C.utf8") }
        }
    }

    deinit { close() }

    var size: (width: Int, height: Int) { (Int(knupp_cols()), Int(knupp_lines())) }

    /// Copies the frame to ncurses (only the cells that changed) and refreshes.
    func draw(_ screen: Screen) {
        let full = previous.map { $0.width != screen.width || $0.height != screen.height } ?? true
        if full { erase() }
        for y in 0..<screen.height {
            for x in 0..<screen.width {
                let cell = screen[x, y]
                if !full, let previous, previous[x, y] == cell { continue }
                if cell.text.isEmpty { continue } // right half of a wide character
                attr_set(attributes(cell.style), colors ? Int16(cell.style.color.rawValue) : 0, nil)
                mvaddstr(Int32(y), Int32(x), cell.text)
            }
        }
        attr_set(0, 0, nil)
        if let cursor = screen.cursor {
            curs_set(1)
            move(Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        refresh()
        previous = screen
    }

    private func attributes(_ style: Style) -> attr_t {
        var attr: attr_t = 0
        if style.bold { attr |= knupp_a_bold() }
        if style.reverse { attr |= knupp_a_reverse() }
        if style.dim && colors { attr |= knupp_a_dim() }
        if style.underline { attr |= knupp_a_underline() }
        return attr
    }

    /// How long `readEvent` waits for a key: shorter while work runs on the worker, so that its
    /// outcome is drawn soon after it arrives.
    func setWait(milliseconds: Int32) { timeout(milliseconds) }

    /// The next event, or nil when none came within the timeout.
    func readEvent() -> InputEvent? {
        var ch: wint_t = 0
        let result = get_wch(&ch)
        if result == KEY_CODE_YES {
            switch Int32(ch) {
            case KEY_RESIZE:
                previous = nil
                return .resize(width: Int(knupp_cols()), height: Int(knupp_lines()))
            case KEY_MOUSE:
                var event = MEVENT()
                guard getmouse(&event) == OK else { return nil }
                if event.bstate & knupp_wheel_up() != 0 { return .wheel(-1) }
                if event.bstate & knupp_wheel_down() != 0 { return .wheel(1) }
                if event.bstate & knupp_button1_double() != 0 { return .click(x: Int(event.x), y: Int(event.y), double: true) }
                if event.bstate & knupp_button1_clicked() != 0 { return .click(x: Int(event.x), y: Int(event.y), double: false) }
                return nil
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_ENTER: return .key(.enter)
            case KEY_BTAB: return .key(.backTab)
            default: return nil
            }
        }
        guard result == OK else { return nil }
        switch ch {
        case 27: return .key(.escape)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(UnicodeScalar(UInt8(ch) + 96))))
        default:
            guard let scalar = UnicodeScalar(UInt32(ch)) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    /// Hands the terminal to another program ($EDITOR).
    func suspend() {
        def_prog_mode()
        endwin()
    }

    /// Takes the terminal back after `suspend`.
    func resume() {
        reset_prog_mode()
        previous = nil
        refresh()
    }

    /// Restores the terminal; safe to call more than once.
    func close() {
        guard !closed else { return }
        closed = true
        endwin()
    }
}
