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
        guard let lines = detail?.lines else { return [] }
        var result: [(target: DetailTarget, lines: ClosedRange<Int>)] = []
        for (i, line) in lines.enumerated() {
            guard let target = line.target else { continue }
            if let last = result.last, last.target == target, last.lines.upperBound == i - 1 {
                result[result.count - 1].lines = last.lines.lowerBound...i
            } else {
                result.append((target, i...i))
            }
        }
        return result
    }

    /// Moves through the detail: j/k from record to record, but never past text the officer has
    /// not seen (a record more than a screen away is approached a page at a time, the
    /// selection let go while it is out of view, so Space never acts on what is not shown);
    /// pages and the wheel scroll by lines; g to the top of the page, G to the last record.
    mutating func moveDetail(by delta: Int) {
        guard var detail else { return }
        let targets = detailTargets
        let rows = Layout(width: width, height: height).detailRows(count: detail.lines.count)
        let page = max(1, rows - 1)
        let maxScroll = max(0, detail.lines.count - rows)
        let current = targets.firstIndex { $0.target == detail.selection }
        func inView(_ span: ClosedRange<Int>, scroll: Int) -> Bool { span.lowerBound >= scroll && span.upperBound < scroll + rows }
        switch delta {
        case Int.min / 2:
            detail.selection = nil
            detail.scroll = 0
        case Int.max / 2:
            detail.selection = targets.last?.target
            detail.scroll = maxScroll
        case 1:
            let next = current.map { $0 + 1 } ?? targets.firstIndex { $0.lines.lowerBound >= detail.scroll }
            if let next, next < targets.count {
                let span = targets[next].lines
                let needed = min(maxScroll, max(detail.scroll, span.upperBound - rows + 1))
                if needed - detail.scroll <= page {
                    detail.selection = targets[next].target
                    detail.scroll = needed
                } else {
                    detail.scroll = min(maxScroll, detail.scroll + page)
                }
            } else {
                detail.scroll = min(maxScroll, detail.scroll + page)
            }
        case -1:
            let previous = current.map { $0 - 1 } ?? targets.lastIndex { $0.lines.upperBound < detail.scroll + rows }
            if let previous, previous >= 0 {
                let span = targets[previous].lines
                let needed = max(0, min(detail.scroll, span.lowerBound))
                if detail.scroll - needed <= page {
                    detail.selection = targets[previous].target
                    detail.scroll = needed
                } else {
                    detail.scroll = max(0, detail.scroll - page)
                }
            } else {
                // Above the first record: the top of the page, nothing selected.
                detail.selection = nil
                detail.scroll = max(0, detail.scroll - page)
            }
        default:
            detail.scroll = min(max(0, detail.scroll.addingClamped(delta.clampedStep(detail.lines.count))), maxScroll)
            let shown = targets.filter { inView($0.lines, scroll: detail.scroll) }
            if let current, !inView(targets[current].lines, scroll: detail.scroll) {
                detail.selection = (delta > 0 ? shown.first : shown.last)?.target
            }
        }
        if let index = targets.firstIndex(where: { $0.target == detail.selection }), !inView(targets[index].lines, scroll: detail.scroll) {
            detail.selection = nil
        }
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
        let targets = detailTargets
        let rows = Layout(width: width, height: height).detailRows(count: detail.lines.count)
        let maxScroll = max(0, detail.lines.count - rows)
        if let index = targets.firstIndex(where: { $0.target == detail.selection }) {
            let span = targets[index].lines
            if span.lowerBound < detail.scroll { detail.scroll = span.lowerBound }
            if span.upperBound >= detail.scroll + rows { detail.scroll = span.upperBound - rows + 1 }
        } else {
            detail.selection = nil
        }
        detail.scroll = min(max(0, detail.scroll), maxScroll)
        self.detail = detail
    }

    /// Selects the record drawn on a line of the detail (a click).
    mutating func selectDetailLine(_ index: Int) {
        guard let detail, index >= 0, index < detail.lines.count, let target = detail.lines[index].target else { return }
        self.detail?.selection = target
        clampDetail()
    }
}
