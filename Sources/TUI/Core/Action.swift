import Foundation
import Model
import Sync
import Presentation

/// Everything that can happen to the app: what the user asked for, and what the runtime did.
enum Action: Equatable, Sendable {
    // Moving around.
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case panLeft, panRight, zoomIn, zoomOut, timelineFit, timelineToday
    /// The timeline from a year, month or day (the `g` form).
    case timelineGoTo(CalendarDate)
    case openGoTo, openAgenda
    /// Ctrl-C (SIGINT) with a form half filled; then the answer (true: quit).
    case interrupted
    case answerQuit(Bool)
    /// The timeline's baseline: each moved due drawn at its first plan too.
    case toggleBaseline
    case nextPanel, previousPanel, selectPanel(Panel)
    case open, back, quit
    case toggleHelp
    /// Every status message since the front started, whole, newest first.
    case toggleMessages
    /// The selected milestone's whole record: notes, evidence, tick, due and its moves.
    case viewRecord
    /// A form for an indicator's actual, target or baseline (Indicators panel: v, t, b).
    case recordValue(IndicatorValueKind)
    /// A form for an evaluator's SDG 11.a.1 scores of the country open (its detail: A).
    case scoreSDG
    /// The NUP template as a form for the country open (its detail: T).
    case applyTemplate
    // Lists.
    case cycleStatusFilter, cyclePhaseFilter, cycleSort
    /// From the Overview: every overdue milestone in the Milestones panel.
    case showOverdue
    case toggleMilestone
    // Search.
    case startSearch, nextMatch, previousMatch
    // Editing.
    case add, edit, remove, undo, redo
    /// A dated note or evidence for the selected milestone.
    case addNote
    case fieldEdit(TextField.Edit)
    /// Keys that arrived together (a paste), applied in order and searched once, for the text
    /// as it stands after the last: the runtime gathers the field edits already waiting.
    case fieldEdits([TextField.Edit])
    case nextField, previousField, submit, cancel
    case editInEditor
    case confirm(Bool)
    // Mouse.
    case click(x: Int, y: Int, double: Bool)
    case scroll(Int)
    // From the runtime.
    case resize(width: Int, height: Int)
    case committed(programme: Programme, revision: Int, reloaded: Bool, record: UndoRecord, origin: CommitOrigin, notes: [String] = [],
                   changed: Bool = true)
    case commitFailed(message: String, programme: Programme?, revision: Int?)
    /// Someone else saved the store; this is their version.
    case reloaded(programme: Programme, revision: Int)
    /// A read of the store made on the worker; the runtime adopts it and sends `.reloaded`
    /// (the reducer has nothing to do with it).
    case storeRead(StoreReading)
    case editorFinished(String?)
    /// A save has started (on a large store it takes a moment): say so at once.
    case saving(Edit)
    /// The clock passed midnight: what is overdue may have changed.
    case newDay(CalendarDate)
    /// The runtime's clock, while no key is pressed: old status messages expire.
    case clock(Date)
    /// A key with no meaning where the officer is.
    case unknownKey
    // The report.
    case startReport
    /// The report was written (or not): what to say.
    case reportWritten(message: String, ok: Bool)
    /// The report's file exists: the officer confirms before it is replaced.
    case reportExists(path: String)
    // Sharing through git.
    case sync
    /// Esc while a sync runs: stop it.
    case stopWork
    /// A sync has ended: what it said, and whether it went through.
    case synced(message: String, ok: Bool)
    /// A sync stopped at a conflict: the dialog asks which value stays.
    case syncConflict(field: String, ours: String, theirs: String)
    /// The officer's answer to it: keep mine, take theirs (a sync again), or nil: set a value by hand.
    case settleConflict(StoreMerge.Preference?)
    /// Set a value of one's own for the field a sync stopped on (the record's form), then sync keeping it.
    case editConflict
    /// Something the runtime did on its own that the officer should know (a lock left by a save,
    /// removed later): said on the status line.
    case notice(message: String, ok: Bool)
    /// The history of the record, read for the Activity panel.
    case historyLoaded([StoreHistory.Entry], source: String)
}
