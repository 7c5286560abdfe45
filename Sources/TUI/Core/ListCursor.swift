import Presentation
/// A selection in a list of rows and the first row shown; only the visible window is drawn.
struct ListCursor: Equatable, Sendable {
    var index = 0
    var scroll = 0

    /// Moves by `delta` rows, skipping rows that cannot be selected (group headers), and
    /// scrolls so the selection stays within `visible` rows.
    mutating func move(by delta: Int, count: Int, visible: Int, selectable: (Int) -> Bool = { _ in true }) {
        guard count > 0 else { index = 0; scroll = 0; return }
        var target = min(max(index + delta, 0), count - 1)
        let step = delta >= 0 ? 1 : -1
        var probe = target
        while probe >= 0 && probe < count && !selectable(probe) { probe += step }
        if probe < 0 || probe >= count {
            probe = target
            while probe >= 0 && probe < count && !selectable(probe) { probe -= step }
        }
        if probe >= 0 && probe < count { target = probe }
        index = target
        keepVisible(count: count, visible: visible)
        // Going up, the headings right above the selection come into view with it (at the top of
        // the list, "Phase 1" shows again), as long as the selection stays in view.
        if delta < 0 {
            var top = index
            while top > 0 && !selectable(top - 1) { top -= 1 }
            if top < scroll && index - top < max(1, visible) { scroll = top }
        }
    }

    /// Puts the selection back inside the list and the window (after a filter or a resize).
    mutating func clamp(count: Int, visible: Int, selectable: (Int) -> Bool = { _ in true }) {
        move(by: 0, count: count, visible: visible, selectable: selectable)
    }

    mutating func keepVisible(count: Int, visible: Int) {
        let window = max(1, visible)
        if index < scroll { scroll = index }
        if index >= scroll + window { scroll = index - window + 1 }
        scroll = max(0, min(scroll, max(0, count - window)))
    }
}
