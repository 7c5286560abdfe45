import Foundation
import Model
import Presentation
import Sync

/// The Activity panel: every change to the record, newest first; Enter opens the record.
enum ActivityScreen {
    static func render(_ state: AppState, into screen: inout Screen, area: Rect) {
        let list = ListView(rows: state.activity, cursor: state.activityCursor) { _ in nil }
        let header = L("Activity") + " · " + (state.activitySource.isEmpty ? L("reading the history…") : state.activitySource)
        list.render(header: header, into: &screen, area: area, empty: L("No changes recorded yet.")) { entry, y, screen in
            let when = MomentFormat.local(entry.moment, timeZone: state.timeZone) + "  "
            let who = entry.officer.clean + " "
            var line = StyledLine(when, style: .dim) + StyledLine(who, style: .bold)
            line.spans.append(.init(text: RecordChangeText.verb(entry.change.kind) + " ", style: entry.change.kind == .tick ? .done : .plain))
            line.spans.append(.init(text: entry.change.title.clean, style: .plain))
            if !entry.change.details.isEmpty {
                line.spans.append(.init(text: "  " + entry.change.details.joined(separator: "; ").clean, style: .dim))
            }
            line.draw(into: &screen, x: area.x, y: y, width: area.width)
        }
    }
}
