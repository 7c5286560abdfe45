import Foundation
import Model
import Sync
import Presentation

/// Everything the screen shows, changed only by `reduce`.
struct AppState: Sendable {
    /// A message in the status line.
    struct Message: Equatable, Sendable {
        enum Kind: Sendable { case info, warning, error }
        var text: String
        var kind: Kind = .info
        /// When it was said (the reducer's clock); an error stays at least a few seconds.
        var at: Date?
    }

    /// True once "? for help" has been said for a key with no meaning.
    var hintedHelp = false

    /// The moment of the action being reduced (passed in; reduce does not read the clock).
    var clock = Date(timeIntervalSince1970: 0)

    /// A question that needs a yes or no before an edit is made.
    struct Confirmation: Equatable, Sendable {
        var question: String
        var edit: Edit
    }

    /// A sync stopped at a field both sides changed differently: the dialog that settles it.
    struct SyncConflict: Equatable, Sendable {
        var field: String
        var ours: String
        var theirs: String
    }
    var syncConflict: SyncConflict?
    /// The agenda's items, gathered once when it opens (and again when the record changes): the
    /// pane scrolls and draws from them, not from a pass over every milestone per key.
    var agendaItems: [Agenda.Item] = []
    /// Ctrl-C came with a form half filled: quit (y) or go back to it (n).
    var askingToQuit = false

    /// The country detail screen shown over the panels. The cursor selects a record (a
    /// milestone, the notes), never a line; the lines are laid out once per change.
    struct Detail: Equatable, Sendable {
        var countryID: String
        var cursor = PageCursor()
        /// The country laid out for the terminal's width.
        var lines: [StyledLine] = []

        var selection: DetailTarget? {
            get { cursor.selection }
            set { cursor.selection = newValue }
        }
        var scroll: Int {
            get { cursor.scroll }
            set { cursor.scroll = newValue }
        }
    }

    /// Where the timeline looks and what it has selected.
    struct Timeline: Equatable, Sendable {
        enum Zoom: Int, CaseIterable, Sendable {
            case years, quarters, months
            /// Days one column stands for.
            var daysPerColumn: Int { [73, 18, 6][rawValue] }
            var label: String { [L("years"), L("quarters"), L("months")][rawValue] }
        }
        var zoom = Zoom.years
        /// True until the officer zooms: the whole programme (and today) fits the width.
        var fit = true
        /// The first day shown, as an ordinal; nil until first laid out.
        var start: Int?
        var row = 0
        var item = 0
        /// Each milestone whose due moved also drawn where it was first planned (`b`).
        var baseline = false
    }

    enum PhaseFilter: Equatable, Sendable {
        case all, phase(Int)
    }

    // The record.
    private(set) var programme: Programme
    private(set) var derived: Derived
    /// The store as the title line shows it ("~" for the home folder).
    var storePath: String
    var readOnlyReason: String?
    var revision: Int
    var officer: String
    var today: CalendarDate
    /// The officer's time zone, in which moments are shown (injected, like the day).
    var timeZone: TimeZone = .current

    // The terminal.
    var width: Int
    var height: Int

    // Where the officer is.
    var panel = Panel.overview
    var detail: Detail?
    /// The Overview's cursor: it scrolls, and selects the milestones it lists (Enter opens them).
    var overviewCursor = PageCursor()
    /// The Overview laid out for the terminal's width.
    private(set) var overviewLines: [StyledLine] = []
    var countryCursor = ListCursor()
    var phaseFilter = PhaseFilter.all
    var countrySort = ListSort.grouped
    private(set) var countryRows: [CountryListRow] = []
    var milestoneCursor = ListCursor()
    var statusFilter = StatusFilter.all
    var milestoneSort = ListSort.grouped
    private(set) var milestoneRows: [MilestoneListRow] = []
    /// At each of `milestoneRows`, how many milestones stand up to it: the list's position
    /// ("120/20000") without counting 20,000 rows at every frame.
    private(set) var milestoneRanks: [Int32] = []
    var timeline = Timeline()
    /// The Activity panel: the record's history, newest first, as last read.
    /// Work under way on the worker that the officer waits for and may stop (a sync).
    enum Busy: Equatable, Sendable { case syncing }
    var busy: Busy?
    var activity: [StoreHistory.Entry] = []
    var activitySource = ""
    var activityCursor = ListCursor()
    var indicatorCursor = ListCursor()
    var helpScroll: Int?
    var message: Message? {
        didSet {
            // Every message said, whole, for the message log (`m`); the newest last, the oldest let go.
            guard let message else { return }
            // The same message again (its time set once the action is reduced): the log's copy takes the time.
            if message.text == oldValue?.text, message.kind == oldValue?.kind {
                if let last = messageLog.indices.last, messageLog[last].text == message.text { messageLog[last].at = message.at }
                return
            }
            messageLog.append(message)
            if messageLog.count > AppState.messageLogLimit { messageLog.removeFirst(messageLog.count - AppState.messageLogLimit) }
        }
    }
    /// The messages said since the front started (`m` shows them, newest first).
    var messageLog: [Message] = []
    static let messageLogLimit = 500
    /// What the scrolling overlay shows (while `helpScroll` is set): the keys, the message log,
    /// or one milestone's whole record.
    enum Overlay: Equatable, Sendable { case help, messages, milestone(String), record(RecordRef), agenda(from: CalendarDate, to: CalendarDate) }
    var overlay = Overlay.help
    var overlayShowsMessages: Bool { overlay == .messages }
    var search: SearchState?
    /// Built when a search starts, dropped when the programme changes.
    private(set) var searchIndex: SearchIndex?
    var form: FormState?
    /// The milestone the last save ticked: `c` notes it even when the filter no longer lists it.
    var justTicked: String?
    var confirmation: Confirmation?
    var undoStack: [UndoRecord] = []
    var redoStack: [UndoRecord] = []
    var mouse = true

    init(programme: Programme, storePath: String, readOnlyReason: String?, revision: Int, officer: String,
         today: CalendarDate, width: Int = 80, height: Int = 24) {
        self.programme = programme
        self.derived = Derived(programme: programme, today: today)
        self.storePath = storePath
        self.readOnlyReason = readOnlyReason
        self.revision = revision
        self.officer = officer
        self.today = today
        self.width = width
        self.height = height
        rebuildLists()
        relayout()
        if let readOnlyReason { message = Message(text: L("Read-only:") + " \(readOnlyReason)", kind: .warning) }
    }

    /// Replaces the programme and recomputes what derives from it.
    /// `tickOf`: the one milestone whose tick record changed, when that is all that changed: then
    /// only what it touches is worked out again (a tick on 20,000 milestones stays within a frame).
    mutating func setProgramme(_ programme: Programme, tickOf id: String? = nil) {
        self.programme = programme
        let tickOnly = id.map { derived.updateTick(of: $0, in: programme, today: today) } ?? false
        if !tickOnly { derived = Derived(programme: programme, today: today) }
        searchIndex = search == nil ? nil : SearchIndex(programme: programme)
        findMatches()
        if case .agenda(let from, let to) = overlay {
            agendaItems = Agenda.items(programme, from: from, to: to, today: today, timeZone: timeZone)
        }
        if tickOnly, let id, milestoneListStands(afterTickOf: id) {
            rebuildCountryRows()
        } else {
            rebuildLists()
        }
        if let detail, programme.country(detail.countryID) == nil { self.detail = nil }
        relayout()
    }

    /// Lays out what depends on the record, the width and the day: the Overview and the open
    /// country detail (its selection kept, and kept in view).
    mutating func relayout() {
        overviewLines = OverviewContent.lines(state: self)
        let layout = Layout(width: width, height: height)
        overviewCursor.clamp(lines: overviewLines, rows: layout.overviewRows(count: overviewLines.count))
        guard var detail, let country = programme.country(detail.countryID) else { return }
        detail.lines = CountryDetailContent.lines(country: country, programme: programme, today: today, width: width, timeZone: timeZone,
                                                  readOnly: readOnlyReason != nil)
        self.detail = detail
        clampDetail()
    }

    /// Starts a search: the index is built once for the programme as it is.
    mutating func beginSearch() {
        search = SearchState()
        if searchIndex == nil { searchIndex = SearchIndex(programme: programme) }
    }

    /// After a tick of `id` (only its tick record changed, so no sort moves it): true when the
    /// milestones list keeps the same rows (no search narrows it; the filter admits the milestone
    /// now exactly when the list shows it). Its row names the milestone by place, and the figures
    /// hold it changed already, so nothing is written. False when the list must be made again.
    /// At 900,000 milestones, making it again was a fifth of a tick.
    private func milestoneListStands(afterTickOf id: String) -> Bool {
        // A tick moves a milestone in the order by slip (its day achieved is new).
        guard search == nil, milestoneSort != .slip, let entry = derived.entry(id) else { return false }
        // The row names the entry by its place, and the figures hold it changed already.
        return statusFilter.admits(entry.milestone, today: today, timeZone: timeZone) == (milestoneRow(of: id) != nil)
    }

    /// The entry on a row of the milestones list.
    func entry(_ row: MilestoneListRow) -> MilestoneEntry? { row.place.map { derived.entries[$0] } }

    /// The row of the milestones list that shows milestone `id`, if one does.
    func milestoneRow(of id: String) -> Int? {
        guard let place = derived.place(of: id) else { return nil }
        return milestoneRows.firstIndex(of: .milestone(place: place))
    }

    /// Puts the milestones list's cursor on milestone `id` when the list shows it, else (or with
    /// no id) on the first milestone listed, and keeps it in view.
    mutating func placeMilestoneCursor(on id: String?) {
        if let row = id.flatMap({ milestoneRow(of: $0) }) {
            milestoneCursor.index = row
        } else if let first = milestoneRows.firstIndex(where: \.isSelectable) {
            milestoneCursor.index = first
            milestoneCursor.scroll = 0
        }
        milestoneCursor.keepVisible(count: milestoneRows.count, visible: Layout(width: width, height: height).listRows)
    }

    /// The milestone entry under the milestones list's cursor.
    var milestoneUnderCursor: MilestoneEntry? {
        milestoneRows.indices.contains(milestoneCursor.index) ? entry(milestoneRows[milestoneCursor.index]) : nil
    }

    mutating func rebuildCountryRows() {
        // The selection stays on its country wherever the new list puts it (an undo that moves a
        // country to another phase must not leave the cursor on a neighbour that `d` would remove).
        let selected = countryCursor.index < countryRows.count ? countryRows[countryCursor.index] : nil
        countryRows = CountryListRow.rows(programme: programme, filter: phaseFilter, sort: countrySort, tallies: derived.countries)
        if let selected, selected.isSelectable, let row = countryRows.firstIndex(of: selected) { countryCursor.index = row }
        let visible = Layout(width: width, height: height).listRows
        let countryRows = self.countryRows
        countryCursor.clamp(count: countryRows.count, visible: visible) { countryRows[$0].isSelectable }
    }

    /// Recomputes the filtered lists (after a change of record or filter), keeping the selection in range.
    mutating func rebuildLists() {
        rebuildCountryRows()
        rebuildMilestoneRows()
    }

    /// The milestones panel's rows, by its status filter and sort, narrowed by a search; their
    /// ranks; the selection kept in range. (What a search keystroke remakes: the countries list
    /// does not depend on the search.)
    mutating func rebuildMilestoneRows() {
        let query = search?.query ?? ""
        if let index = searchIndex, let needle = SearchIndex.needle(query) {
            // The index and the figures are made from the same programme (`setProgramme` drops
            // the index with it), so both list the milestones in the record's order: matched by
            // place, and taken from the figures' list as the rows are made (no copy of it first).
            let hits = search?.hitsQuery == query && search?.milestoneHits.count == derived.entries.count
                ? search?.milestoneHits ?? [] : index.milestoneHits(needle)
            milestoneRows = MilestoneListRow.rows(entries: derived.entries, programme: programme, filter: statusFilter, today: today,
                                                  sort: milestoneSort, include: { $0 < hits.count && hits[$0] }, timeZone: timeZone)
        } else {
            milestoneRows = MilestoneListRow.rows(entries: derived.entries, programme: programme, filter: statusFilter, today: today,
                                                  sort: milestoneSort, timeZone: timeZone)
        }
        var rank: Int32 = 0
        milestoneRanks = self.milestoneRows.map { row in
            if case .milestone = row { rank += 1 }
            return rank
        }
        let visible = Layout(width: width, height: height).listRows
        let milestoneRows = self.milestoneRows
        milestoneCursor.clamp(count: milestoneRows.count, visible: visible) { milestoneRows[$0].isSelectable }
    }

    var isReadOnly: Bool { readOnlyReason != nil }
}
