import Model
import Presentation

/// The country detail: opening it, and moving its cursor from record to record.
extension AppState {
    /// Opens a country's detail at its top, nothing selected yet: the first move selects the
    /// first record in view.
    mutating func openDetail(_ countryID: String) {
        detail = Detail(countryID: countryID)
        relayout()
        message = Message(text: "j/k moves between the milestones and the notes · Space ticks · e edits · Esc goes back.")
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
            message = Message(text: detail.selection == .notes ? "Notes: e edits them." : "j/k moves between the milestones and the notes.")
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
