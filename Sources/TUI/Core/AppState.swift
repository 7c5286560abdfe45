import Foundation
import Model

/// Everything the screen shows, changed only by `reduce`.
struct AppState: Sendable {
    /// A message in the status line.
    struct Message: Equatable, Sendable {
        enum Kind: Sendable { case info, warning, error }
        var text: String
        var kind: Kind = .info
    }

    /// A question that needs a yes or no before an edit is made.
    struct Confirmation: Equatable, Sendable {
        var question: String
        var edit: Edit
    }

    /// The country detail screen shown over the panels.
    struct Detail: Equatable, Sendable {
        var countryID: String
        var cursor = ListCursor()
    }

    /// Where the timeline looks and what it has selected.
    struct Timeline: Equatable, Sendable {
        enum Zoom: Int, CaseIterable, Sendable {
            case years, quarters, months
            /// Days one column stands for.
            var daysPerColumn: Int { [73, 18, 6][rawValue] }
            var label: String { ["years", "quarters", "months"][rawValue] }
        }
        var zoom = Zoom.years
        /// The first day shown, as an ordinal; nil until first laid out.
        var start: Int?
        var row = 0
        var item = 0
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

    // The terminal.
    var width: Int
    var height: Int

    // Where the officer is.
    var panel = Panel.overview
    var detail: Detail?
    var overviewScroll = 0
    var countryCursor = ListCursor()
    var phaseFilter = PhaseFilter.all
    private(set) var countryRows: [CountryListRow] = []
    var milestoneCursor = ListCursor()
    var statusFilter = StatusFilter.all
    private(set) var milestoneRows: [MilestoneListRow] = []
    var timeline = Timeline()
    var helpScroll: Int?
    var message: Message?
    var search: SearchState?
    /// Built when a search starts, dropped when the programme changes.
    private(set) var searchIndex: SearchIndex?
    var form: FormState?
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
        if let readOnlyReason { message = Message(text: "Read-only: \(readOnlyReason)", kind: .warning) }
    }

    /// Replaces the programme and recomputes what derives from it.
    mutating func setProgramme(_ programme: Programme) {
        self.programme = programme
        derived = Derived(programme: programme, today: today)
        searchIndex = search == nil ? nil : SearchIndex(programme: programme)
        if let query = search?.query { search?.matches = searchIndex?.matches(of: query) ?? [] }
        rebuildLists()
        if let detail, programme.country(detail.countryID) == nil { self.detail = nil }
    }

    /// Starts a search: the index is built once for the programme as it is.
    mutating func beginSearch() {
        search = SearchState()
        if searchIndex == nil { searchIndex = SearchIndex(programme: programme) }
    }

    /// Recomputes the filtered lists (after a change of record or filter), keeping the selection in range.
    mutating func rebuildLists() {
        countryRows = CountryListRow.rows(programme: programme, filter: phaseFilter)
        // A search narrows the milestones panel too, on top of its status filter.
        let query = search?.query ?? ""
        let entries: [MilestoneEntry]
        if let index = searchIndex, !query.trimmingCharacters(in: .whitespaces).isEmpty {
            entries = derived.entries.filter { index.milestoneMatches($0.milestone.id, query: query) }
        } else {
            entries = derived.entries
        }
        milestoneRows = MilestoneListRow.rows(entries: entries, programme: programme, filter: statusFilter, today: today)
        let visible = Layout(width: width, height: height).listRows
        let countryRows = self.countryRows
        let milestoneRows = self.milestoneRows
        countryCursor.clamp(count: countryRows.count, visible: visible) { countryRows[$0].isSelectable }
        milestoneCursor.clamp(count: milestoneRows.count, visible: visible) { milestoneRows[$0].isSelectable }
    }

    var isReadOnly: Bool { readOnlyReason != nil }
}

/// A row of the countries panel: a phase heading or a country.
enum CountryListRow: Equatable, Sendable {
    case header(phase: Int, label: String)
    case country(String)

    var isSelectable: Bool { if case .country = self { true } else { false } }

    static func rows(programme: Programme, filter: AppState.PhaseFilter) -> [CountryListRow] {
        var rows: [CountryListRow] = []
        var phases = programme.phases.map(\.number)
        for c in programme.countries where !phases.contains(c.phase) { phases.append(c.phase) }
        for number in phases {
            if case .phase(let only) = filter, only != number { continue }
            let countries = programme.countries(inPhase: number)
            guard !countries.isEmpty else { continue }
            let period = programme.phase(number).map { " · \($0.periodLabel)" } ?? ""
            rows.append(.header(phase: number, label: "Phase \(number)\(period)"))
            rows += countries.map { .country($0.id) }
        }
        return rows
    }
}

/// A row of the milestones panel: a heading (phase or country) or a milestone.
enum MilestoneListRow: Equatable, Sendable {
    case header(String)
    case milestone(MilestoneEntry)

    var isSelectable: Bool { if case .milestone = self { true } else { false } }

    var entry: MilestoneEntry? { if case .milestone(let e) = self { e } else { nil } }

    static func rows(entries: [MilestoneEntry], programme: Programme, filter: StatusFilter, today: CalendarDate) -> [MilestoneListRow] {
        var rows: [MilestoneListRow] = []
        var lastOwner: MilestoneOwner?
        var lastPhase: Int?
        for entry in entries where filter.admits(entry.milestone, today: today) {
            if entry.phase != lastPhase {
                rows.append(.header("Phase \(entry.phase)"))
                lastPhase = entry.phase
                lastOwner = nil
            }
            if entry.owner != lastOwner {
                if case .country = entry.owner { rows.append(.header("  " + programme.ownerName(entry.owner))) }
                lastOwner = entry.owner
            }
            rows.append(.milestone(entry))
        }
        return rows
    }
}

/// Where things go on the screen; the one place that knows the frame's rows.
struct Layout: Equatable {
    static let minimumWidth = 60
    static let minimumHeight = 16

    var width: Int
    var height: Int

    var isTooSmall: Bool { width < Layout.minimumWidth || height < Layout.minimumHeight }
    var titleRow: Int { 0 }
    var tabRow: Int { 1 }
    var statusRow: Int { height - 2 }
    var keysRow: Int { height - 1 }
    /// The panel's area, between the tabs and the status line.
    var content: Rect { Rect(x: 0, y: 2, width: width, height: max(0, height - 4)) }
    /// Rows for a list under a one-line column header.
    var listRows: Int { max(1, content.height - 1) }
    /// Rows for the country detail's `count` lines under its header.
    func detailRows(count: Int) -> Int { ScrollingText.visibleRows(count: count, area: content.rows(from: 1, count: content.height - 1)) }
}
