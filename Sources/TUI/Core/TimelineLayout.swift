import Model
import Presentation

/// Where the timeline's columns fall: the first day shown and how many columns there are.
struct TimelineLayout {
    static let labelWidth = 14
    var start: Int
    var columns: Int
    var daysPerColumn: Int

    /// The programme's first and last day on the timeline: its phases, every dated item, today.
    static func span(of state: AppState) -> (first: Int, last: Int) {
        let today = state.today
        let span = state.derived.timelineSpan
        let first = min(state.programme.phases.map(\.start.firstOrdinal).min() ?? today.firstOrdinal, span?.lowerBound ?? .max)
        let last = max(state.programme.phases.map(\.end.lastOrdinal).max() ?? today.lastOrdinal, today.lastOrdinal, span?.upperBound ?? .min)
        return (first, last)
    }

    init(state: AppState) {
        columns = max(1, state.width - TimelineLayout.labelWidth - 1)
        let (first, last) = TimelineLayout.span(of: state)
        if state.timeline.fit {
            // The programme's first day to its last (or today, if later), with a little room.
            let margin = max(15, (last - first) / 30)
            let span = last - first + 2 * margin
            daysPerColumn = max(1, (span + columns - 1) / columns)
            start = state.timeline.start ?? (first - margin)
        } else {
            daysPerColumn = state.timeline.zoom.daysPerColumn
            start = state.timeline.start ?? (first - 183)
        }
    }

    /// What the axis labels: years, quarters or months, by the days a column stands for.
    var granularity: AppState.Timeline.Zoom {
        daysPerColumn >= 40 ? .years : (daysPerColumn >= 12 ? .quarters : .months)
    }

    /// The column a day falls in (may be off screen).
    func column(of ordinal: Int) -> Int {
        let offset = ordinal - start
        return offset >= 0 ? offset / daysPerColumn : (offset - daysPerColumn + 1) / daysPerColumn
    }

    func firstDay(ofColumn column: Int) -> Int { start + column * daysPerColumn }
}
