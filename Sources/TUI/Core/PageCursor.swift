/// A cursor over a page of styled lines that selects records (the lines' targets), never a
/// line: the country detail and the Overview both move with it.
///
/// j/k go from record to record, but never past text the officer has not seen: a record more
/// than a screen away is approached a page at a time, and the selection is let go while it is
/// out of view, so Space never acts on what is not shown. Pages and the wheel scroll by lines;
/// the top shows the page from its start with nothing selected; the bottom selects the last record.
struct PageCursor: Equatable, Sendable {
    var selection: DetailTarget?
    /// The first line shown.
    var scroll = 0

    /// The records on the page, in order, with the lines each takes.
    static func targets(in lines: [StyledLine]) -> [(target: DetailTarget, lines: ClosedRange<Int>)] {
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

    /// Moves by `delta` (±1 a record; Int.min/2 the top; Int.max/2 the bottom; else lines) over
    /// `lines`, of which `rows` fit.
    mutating func move(by delta: Int, lines: [StyledLine], rows: Int) {
        let targets = PageCursor.targets(in: lines)
        let page = max(1, rows - 1)
        let maxScroll = max(0, lines.count - rows)
        let current = targets.firstIndex { $0.target == selection }
        func inView(_ span: ClosedRange<Int>, scroll: Int) -> Bool { span.lowerBound >= scroll && span.upperBound < scroll + rows }
        switch delta {
        case Int.min / 2:
            selection = nil
            scroll = 0
        case Int.max / 2:
            selection = targets.last?.target
            scroll = maxScroll
        case 1:
            let next = current.map { $0 + 1 } ?? targets.firstIndex { $0.lines.lowerBound >= scroll }
            if let next, next < targets.count {
                let span = targets[next].lines
                let needed = min(maxScroll, max(scroll, span.upperBound - rows + 1))
                if needed - scroll <= page {
                    selection = targets[next].target
                    scroll = needed
                } else {
                    scroll = min(maxScroll, scroll + page)
                }
            } else {
                scroll = min(maxScroll, scroll + page)
            }
        case -1:
            let previous = current.map { $0 - 1 } ?? targets.lastIndex { $0.lines.upperBound < scroll + rows }
            if let previous, previous >= 0 {
                let span = targets[previous].lines
                let needed = max(0, min(scroll, span.lowerBound))
                if scroll - needed <= page {
                    selection = targets[previous].target
                    scroll = needed
                } else {
                    scroll = max(0, scroll - page)
                }
            } else {
                // Above the first record: the top of the page, nothing selected.
                selection = nil
                scroll = max(0, scroll - page)
            }
        default:
            scroll = min(max(0, scroll.addingClamped(delta.clampedStep(lines.count))), maxScroll)
            let shown = targets.filter { inView($0.lines, scroll: scroll) }
            if let current, !inView(targets[current].lines, scroll: scroll) {
                selection = (delta > 0 ? shown.first : shown.last)?.target
            }
        }
        if let index = targets.firstIndex(where: { $0.target == selection }), !inView(targets[index].lines, scroll: scroll) {
            selection = nil
        }
    }

    /// Keeps the selection a record of the page and in view (after a change or a resize).
    mutating func clamp(lines: [StyledLine], rows: Int) {
        let targets = PageCursor.targets(in: lines)
        let maxScroll = max(0, lines.count - rows)
        if let index = targets.firstIndex(where: { $0.target == selection }) {
            let span = targets[index].lines
            if span.lowerBound < scroll { scroll = span.lowerBound }
            if span.upperBound >= scroll + rows { scroll = span.upperBound - rows + 1 }
        } else {
            selection = nil
        }
        scroll = min(max(0, scroll), maxScroll)
    }

    /// Selects the record drawn on line `index`, if any.
    mutating func select(line index: Int, lines: [StyledLine], rows: Int) {
        guard index >= 0, index < lines.count, let target = lines[index].target else { return }
        selection = target
        clamp(lines: lines, rows: rows)
    }
}
