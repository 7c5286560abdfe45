import Model
import Presentation

/// The country detail: opening it, and moving its cursor from record to record.
extension AppState {
    /// Opens a country's detail at its top, nothing selected yet: the first move selects the
    /// first record in view.
    mutating func openDetail(_ countryID: String) {
        detail = Detail(countryID: countryID)
        relayout()
        message = Message(text: isReadOnly ? L("j/k select · v read · Esc back (read-only)") : L("j/k select · Space tick · e edit · a add · d remove · v read · Esc back"))
    }

    /// The records in the detail that the cursor can select, in order, with the lines each takes.
    var detailTargets: [(target: DetailTarget, lines: ClosedRange<Int>)] {
        PageCursor.targets(in: detail?.lines ?? [])
    }

    private var detailRows: Int { Layout(width: width, height: height).detailRows(count: detail?.lines.count ?? 0) }

    /// Moves through the detail (`PageCursor`), and says what is selected.
    mutating func moveDetail(by delta: Int) {
        guard var detail else { return }
        detail.cursor.move(by: delta, lines: detail.lines, rows: detailRows)
        self.detail = detail
        if selectedMilestone != nil {
            describeSelectedMilestone()
        } else {
            switch detail.selection {
            case .record(let ref)? where isReadOnly:
                message = Message(text: L("%@ “%@” · v reads it whole (read-only)", ref.kind.title, programme.recordName(ref)))
            case .notes? where isReadOnly, .kind? where isReadOnly: message = Message(text: L("j/k select · v read · Esc back (read-only)"))
            case .notes?: message = Message(text: L("Notes: e edits them."))
            case .record(let ref)? where ref.kind == .country:
                message = Message(text: L("The stage (and the country): e edits it, with the day it changed · v reads the whole record"))
            case .record(let ref)?:
                message = Message(text: L("%@ “%@” · e edits · a adds another · d removes · v reads it whole", ref.kind.title, programme.recordName(ref)))
            case .kind(let kind, _)?: message = Message(text: L("No %@ yet · a adds one", kind.pluralText))
            default: message = Message(text: L("j/k moves between the stage, policies, projects, milestones and notes."))
            }
        }
    }

    /// Keeps the selection a record of the country and in view (after a change or a resize).
    mutating func clampDetail() {
        guard var detail else { return }
        detail.cursor.clamp(lines: detail.lines, rows: detailRows)
        self.detail = detail
    }

    /// Selects the record drawn on a line of the detail (a click).
    mutating func selectDetailLine(_ index: Int) {
        guard var detail else { return }
        detail.cursor.select(line: index, lines: detail.lines, rows: detailRows)
        self.detail = detail
    }
}
