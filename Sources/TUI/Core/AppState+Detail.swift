import Model
import Presentation

/// The country detail: opening it, and moving its cursor from record to record.
extension AppState {
    /// Opens a country's detail at its top, nothing selected yet: the first move selects the
    /// first record in view.
    mutating func openDetail(_ countryID: String) {
        detail = Detail(countryID: countryID)
        relayout()
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

    /// Moves the selection by `delta` records (a page moves by a screenful of lines).
    mutating func moveDetail(by delta: Int) {
        guard var detail else { return }
        let targets = detailTargets
        guard !targets.isEmpty else { return }
        let rows = Layout(width: width, height: height).detailRows(count: detail.lines.count)
        var next: Int
        if let current = targets.firstIndex(where: { $0.target == detail.selection }), abs(delta) <= 1 {
            next = current + delta
        } else if detail.selection == nil && abs(delta) <= 1 {
            // Nothing selected yet: the first record in view (or the last, going up).
            let inView = targets.indices.filter { (detail.scroll..<(detail.scroll + rows)).contains(targets[$0].lines.lowerBound) }
            next = (delta >= 0 ? inView.first : inView.last) ?? (delta >= 0 ? 0 : targets.count - 1)
        } else {
            let current = targets.firstIndex { $0.target == detail.selection } ?? 0
            // A page (or top, bottom, the wheel): the record that many lines away.
            let step = delta.clampedStep(detail.lines.count)
            let line = targets[current].lines.lowerBound + step
            next = step > 0 ? (targets.firstIndex { $0.lines.lowerBound >= line } ?? targets.count - 1)
                            : (targets.lastIndex { $0.lines.lowerBound <= line } ?? 0)
        }
        next = min(max(next, 0), targets.count - 1)
        detail.selection = targets[next].target
        self.detail = detail
        clampDetail()
        describeSelectedMilestone()
    }

    /// Keeps the selection a record of the country and in view; the first record shows the
    /// page from its top, the last down to its end.
    mutating func clampDetail() {
        guard var detail else { return }
        let targets = detailTargets
        let rows = Layout(width: width, height: height).detailRows(count: detail.lines.count)
        let maxScroll = max(0, detail.lines.count - rows)
        if let index = targets.firstIndex(where: { $0.target == detail.selection }) {
            let span = targets[index].lines
            if index == 0 { detail.scroll = 0 }
            if index == targets.count - 1 { detail.scroll = maxScroll }
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
