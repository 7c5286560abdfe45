import Model
import Presentation

/// Where the timeline's columns fall: the first day shown and how many columns there are.
struct TimelineLayout {
    static let labelWidth = 14
    var start: Int
    var columns: Int
    var daysPerColumn: Int

    init(state: AppState) {
        columns = max(1, state.width - TimelineLayout.labelWidth - 1)
        daysPerColumn = state.timeline.zoom.daysPerColumn
        let first = state.programme.phases.map(\.start.firstOrdinal).min() ?? state.today.firstOrdinal
        start = state.timeline.start ?? (first - 183)
    }

    /// The column a day falls in (may be off screen).
    func column(of ordinal: Int) -> Int {
        let offset = ordinal - start
        return offset >= 0 ? offset / daysPerColumn : (offset - daysPerColumn + 1) / daysPerColumn
    }

    func firstDay(ofColumn column: Int) -> Int { start + column * daysPerColumn }
}
