import Model
import Presentation
/// Turns keys into actions. The bindings are data, so the help overlay is generated from them.
enum KeyMap {
    /// Where a binding applies.
    enum Scope: Equatable, Sendable {
        case everywhere, lists, overview, countries, timeline, milestones, detail, activity, indicators

        var title: String {
            switch self {
            case .everywhere: L("Everywhere")
            case .lists: L("Lists")
            case .countries: L("Countries")
            case .timeline: L("Timeline")
            case .milestones: L("Milestones and country detail")
            case .detail: L("Country detail")
            case .activity: L("Activity")
            case .overview: L("Overview")
            case .indicators: L("Indicators")
            }
        }
    }

    struct Binding: Sendable {
        var keys: [Key]
        var help: String
        var action: Action
        var scope: Scope
    }

    static let bindings: [Binding] = [
        Binding(keys: [.char("1"), .char("2"), .char("3"), .char("4"), .char("5"), .char("6")], help: N("switch panel"), action: .selectPanel(.overview), scope: .everywhere),
        Binding(keys: [.tab], help: N("next panel"), action: .nextPanel, scope: .everywhere),
        Binding(keys: [.backTab], help: N("previous panel"), action: .previousPanel, scope: .everywhere),
        Binding(keys: [.char("/")], help: N("search"), action: .startSearch, scope: .everywhere),
        Binding(keys: [.char("n")], help: N("next match"), action: .nextMatch, scope: .everywhere),
        Binding(keys: [.char("N")], help: N("previous match"), action: .previousMatch, scope: .everywhere),
        Binding(keys: [.char("u")], help: N("undo"), action: .undo, scope: .everywhere),
        Binding(keys: [.ctrl("r")], help: N("redo"), action: .redo, scope: .everywhere),
        Binding(keys: [.char("S")], help: N("sync through git (commit, merge, send)"), action: .sync, scope: .everywhere),
        Binding(keys: [.char("R")], help: N("write the progress report to a file"), action: .startReport, scope: .everywhere),
        Binding(keys: [.char("?")], help: N("help"), action: .toggleHelp, scope: .everywhere),
        Binding(keys: [.char("m")], help: N("messages: every status message since the start, whole"), action: .toggleMessages, scope: .everywhere),
        Binding(keys: [.escape, .backspace], help: N("back"), action: .back, scope: .everywhere),
        Binding(keys: [.char("q")], help: N("quit"), action: .quit, scope: .everywhere),
        Binding(keys: [.char("j"), .down], help: N("down"), action: .moveDown, scope: .lists),
        Binding(keys: [.char("k"), .up], help: N("up"), action: .moveUp, scope: .lists),
        Binding(keys: [.pageDown, .ctrl("d")], help: N("page down"), action: .pageDown, scope: .lists),
        Binding(keys: [.pageUp, .ctrl("u")], help: N("page up"), action: .pageUp, scope: .lists),
        Binding(keys: [.char("g"), .home], help: N("first"), action: .top, scope: .lists),
        Binding(keys: [.char("G"), .end], help: N("last"), action: .bottom, scope: .lists),
        Binding(keys: [.enter, .char("l")], help: N("open the country"), action: .open, scope: .countries),
        Binding(keys: [.char("p")], help: N("phase filter"), action: .cyclePhaseFilter, scope: .countries),
        Binding(keys: [.char("s")], help: N("sort: by phase, name, progress"), action: .cycleSort, scope: .countries),
        Binding(keys: [.char("o")], help: N("every overdue milestone"), action: .showOverdue, scope: .overview),
        Binding(keys: [.enter], help: N("open the selected milestone (overdue, due next)"), action: .open, scope: .overview),
        Binding(keys: [.char("h"), .left], help: N("pan left"), action: .panLeft, scope: .timeline),
        Binding(keys: [.char("l"), .right], help: N("pan right"), action: .panRight, scope: .timeline),
        Binding(keys: [.char("+"), .char("=")], help: N("zoom in"), action: .zoomIn, scope: .timeline),
        Binding(keys: [.char("-")], help: N("zoom out"), action: .zoomOut, scope: .timeline),
        Binding(keys: [.char("z")], help: N("fit the whole programme"), action: .timelineFit, scope: .timeline),
        Binding(keys: [.char("t")], help: N("jump to today"), action: .timelineToday, scope: .timeline),
        Binding(keys: [.char("g")], help: N("go to a year, month or day"), action: .openGoTo, scope: .timeline),
        Binding(keys: [.char("v")], help: N("read the selected event whole"), action: .viewRecord, scope: .timeline),
        Binding(keys: [.char("e")], help: N("edit the selected event"), action: .edit, scope: .timeline),
        Binding(keys: [.char("A")], help: N("agenda: what happened, or was due, in a period (2023)"), action: .openAgenda, scope: .timeline),
        Binding(keys: [.char("b")], help: N("baseline: where moved dues were first planned"), action: .toggleBaseline, scope: .timeline),
        Binding(keys: [.enter], help: N("open country"), action: .open, scope: .timeline),
        Binding(keys: [.char(" "), .char("x")], help: N("tick / untick"), action: .toggleMilestone, scope: .milestones),
        Binding(keys: [.char("f")], help: N("status filter"), action: .cycleStatusFilter, scope: .milestones),
        Binding(keys: [.char("s")], help: N("sort: by phase, due day, slip, name"), action: .cycleSort, scope: .milestones),
        Binding(keys: [.char("a")], help: N("add a country"), action: .add, scope: .countries),
        Binding(keys: [.char("v")], help: N("read the country's record whole (its stage's log too)"), action: .viewRecord, scope: .countries),
        Binding(keys: [.char("v")], help: N("read the selected record whole"), action: .viewRecord, scope: .overview),
        Binding(keys: [.char("e")], help: N("edit the country: name, phase, scope, stage and its day"), action: .edit, scope: .countries),
        Binding(keys: [.char("d")], help: N("remove the country (one with milestones stays)"), action: .remove, scope: .countries),
        Binding(keys: [.char("a")], help: N("add one of the selected line's kind (partner, goal, phase, event, publication, contact…)"), action: .add, scope: .overview),
        Binding(keys: [.char("e")], help: N("edit the selected record"), action: .edit, scope: .overview),
        Binding(keys: [.char("d")], help: N("remove the selected record"), action: .remove, scope: .overview),
        Binding(keys: [.char("a")], help: N("add: a milestone; on a policy or project line, one of those"), action: .add, scope: .milestones),
        Binding(keys: [.char("e")], help: N("edit: the milestone, the notes, the stage line (the country), a policy or project"), action: .edit, scope: .milestones),
        Binding(keys: [.char("c")], help: N("comment: add a dated note or evidence"), action: .addNote, scope: .milestones),
        Binding(keys: [.char("v")], help: N("view the whole record: notes, evidence, tick, due and its moves"), action: .viewRecord, scope: .milestones),
        Binding(keys: [.char("d")], help: N("remove the milestone (or the policy or project selected)"), action: .remove, scope: .milestones),
        Binding(keys: [.enter], help: N("open its country"), action: .open, scope: .milestones),
        Binding(keys: [.char("h"), .left], help: N("back"), action: .back, scope: .detail),
        Binding(keys: [.char("A")], help: N("score SDG 11.a.1 (an evaluator's a, b, c)"), action: .scoreSDG, scope: .detail),
        Binding(keys: [.char("T")], help: N("apply UN-Habitat's NUP process: its items as milestones"), action: .applyTemplate, scope: .detail),
        Binding(keys: [.enter], help: N("open the record"), action: .open, scope: .activity),
        Binding(keys: [.char("r")], help: N("record an actual: what the indicator stood at on a day, with evidence"), action: .recordValue(.actual), scope: .indicators),
        Binding(keys: [.char("v")], help: N("read the indicator whole: every value with its day, comment, evidence"), action: .viewRecord, scope: .indicators),
        Binding(keys: [.char("t")], help: N("set a target"), action: .recordValue(.target), scope: .indicators),
        Binding(keys: [.char("b")], help: N("set the baseline"), action: .recordValue(.baseline), scope: .indicators),
        Binding(keys: [.char("a")], help: N("add an indicator (to the selected one's country)"), action: .add, scope: .indicators),
        Binding(keys: [.char("e")], help: N("edit the indicator: title, measure, direction, SDG code"), action: .edit, scope: .indicators),
        Binding(keys: [.char("d")], help: N("remove the indicator"), action: .remove, scope: .indicators),
        Binding(keys: [.enter], help: N("open its country"), action: .open, scope: .indicators),
    ]

    /// The scopes that apply where the officer is, most specific first.
    static func scopes(for state: AppState) -> [Scope] {
        if state.detail != nil { return [.detail, .milestones, .lists, .everywhere] }
        switch state.panel {
        case .overview: return [.overview, .lists, .everywhere]
        case .countries: return [.countries, .lists, .everywhere]
        case .timeline: return [.timeline, .lists, .everywhere]
        case .milestones: return [.milestones, .lists, .everywhere]
        case .activity: return [.activity, .lists, .everywhere]
        case .indicators: return [.indicators, .lists, .everywhere]
        }
    }

    /// The action for an input event, given what is open.
    static func action(for event: InputEvent, in state: AppState) -> Action? {
        switch event {
        case .resize(let w, let h): return .resize(width: w, height: h)
        case .click(let x, let y, let double): return state.mouse ? .click(x: x, y: y, double: double) : nil
        case .wheel(let delta): return state.mouse ? .scroll(delta) : nil
        case .key(let key): return action(for: key, in: state)
        }
    }

    static func action(for key: Key, in state: AppState) -> Action? {
        // Behind "Terminal too small" nothing can be seen, so nothing may change: only quit.
        if Layout(width: state.width, height: state.height).isTooSmall { return key == .char("q") ? .quit : nil }
        if state.askingToQuit {
            switch key {
            case .char("y"), .char("Y"): return .answerQuit(true)
            case .char("n"), .char("N"), .escape: return .answerQuit(false)
            default: return nil
            }
        }
        if state.syncConflict != nil {
            switch key {
            case .char("m"): return .settleConflict(.mine)
            case .char("t"): return .settleConflict(.theirs)
            case .char("e"): return .editConflict
            case .escape, .char("q"): return .settleConflict(nil)
            default: return nil
            }
        }
        if state.confirmation != nil {
            switch key {
            case .char("y"), .char("Y"): return .confirm(true)
            case .char("n"), .char("N"), .escape, .char("q"): return .confirm(false)
            default: return nil
            }
        }
        if state.form != nil { return textAction(for: key, multiField: true) }
        if let search = state.search, search.editing { return textAction(for: key, multiField: false) }
        if state.helpScroll != nil {
            switch key {
            case .char("j"), .down: return .moveDown
            case .char("k"), .up: return .moveUp
            case .pageDown, .char(" "): return .pageDown
            case .pageUp: return .pageUp
            case .char("?"), .escape, .char("q"), .backspace, .enter, .char("m"), .char("v"):
                switch state.overlay {
                case .help: return .toggleHelp
                case .messages: return .toggleMessages
                case .milestone, .record: return .viewRecord
                case .agenda: return .toggleHelp
                }
            default: return nil
            }
        }
        // Esc stops a sync under way, wherever the officer is (it runs on while they work).
        if key == .escape, state.busy == .syncing, state.search == nil { return .stopWork }
        if case .char(let c) = key, let digit = c.wholeNumberValue, (1...Panel.allCases.count).contains(digit) {
            return .selectPanel(Panel.allCases[digit - 1])
        }
        for scope in scopes(for: state) {
            if let binding = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) {
                return binding.action
            }
        }
        return .unknownKey
    }

    /// Keys in a text field: editing, moving between fields, submitting, cancelling.
    private static func textAction(for key: Key, multiField: Bool) -> Action? {
        switch key {
        case .char(let c): return .fieldEdit(.insert(String(c)))
        case .backspace: return .fieldEdit(.backspace)
        case .delete, .ctrl("d"): return .fieldEdit(.delete)
        case .left, .ctrl("b"): return .fieldEdit(.left)
        case .right, .ctrl("f"): return .fieldEdit(.right)
        case .home, .ctrl("a"): return .fieldEdit(.home)
        case .end: return .fieldEdit(.end)
        case .ctrl("u"): return .fieldEdit(.clearToStart)
        case .ctrl("k"): return .fieldEdit(.clearToEnd)
        case .ctrl("w"): return .fieldEdit(.deleteWord)
        case .ctrl("e"): return multiField ? .editInEditor : .fieldEdit(.end)
        case .tab, .down: return multiField ? .nextField : nil
        case .backTab, .up: return multiField ? .previousField : nil
        case .enter: return .submit
        case .escape: return .cancel
        default: return nil
        }
    }

    /// The keys for the status line, for where the officer is.
    static func hints(for state: AppState) -> String {
        if state.askingToQuit { return L("y quit, losing the form  n back to the form") }
        if state.syncConflict != nil { return L("m keep mine  t take theirs  e set a value myself") }
        if state.confirmation != nil { return L("y yes  n no") }
        if let form = state.form {
            let enter = form.purpose == .goTo ? L("Enter go") : (form.purpose == .agenda ? L("Enter show") : L("Enter save"))
            return enter + "  " + L("Tab next field  Ctrl-E $EDITOR  Esc cancel")
        }
        if let search = state.search, search.editing { return L("type to search  Enter keep  Esc clear") }
        if state.helpScroll != nil {
            switch state.overlay {
            case .help: return L("j/k scroll  ? or Esc close")
            case .messages: return L("j/k scroll  m or Esc close")
            case .milestone, .record: return L("j/k scroll  v or Esc close")
            case .agenda: return L("j/k scroll  Esc close")
            }
        }
        let common = L("? help  m messages  q quit")
        // Read-only: nothing that changes the record is offered.
        let readOnly = state.readOnlyReason != nil
        if state.detail != nil {
            return readOnly ? L("j/k move  v record  Esc back  / search") + "  " + common
                : L("Space tick  c note  v record  a add  e edit  d remove  Esc back  / search  u undo") + "  " + common
        }
        switch state.panel {
        case .overview: return readOnly ? L("1-6 panels  j/k scroll  v read  o overdue  / search  R report  S sync") + "  " + common
            : L("1-6 panels  j/k select  v read  a/e/d add/edit/remove  o overdue  / search  R report  S sync") + "  " + common
        case .countries: return readOnly ? L("Enter open  v read  p phase  s sort  j/k move  / search") + "  " + common
            : L("Enter open  a/e/d add/edit/remove  v read  p phase  s sort  j/k move  / search") + "  " + common
        case .timeline: return L("j/k item  h/l pan  +/- zoom  z fit  t today  g go to  A agenda  b baseline  Enter open") + "  " + common
        case .milestones:
            return readOnly ? L("f filter  s sort  v record  Enter country  / search") + "  " + common
                : L("Space tick  c note  v record  f filter  s sort  a add  e edit  d remove  u undo  / search") + "  " + common
        case .activity: return L("Enter open the record  j/k move  S sync") + "  " + common
        case .indicators: return readOnly ? L("Enter country  v read  j/k move  / search") + "  " + common
            : L("r actual  t target  b baseline  v read  a/e/d add/edit/remove  Enter country  u undo") + "  " + common
        }
    }
}
