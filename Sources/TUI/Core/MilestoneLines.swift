import Foundation
import Model
import Presentation

/// A milestone as styled lines: its box, title and due day; then who ticked it and when.
/// The milestones panel and the country detail both draw milestones with it.
enum MilestoneLines {
    /// `wrap`: the title on as many lines as it needs (a page); else cut to one (a list row).
    static func lines(for m: Milestone, today: CalendarDate, width: Int, indent: String, wrap: Bool = false,
                      timeZone: TimeZone = .current) -> [StyledLine] {
        let status = m.status(today: today)
        let boxStyle: Style = status == .done ? .done : (status == .overdue ? .overdue : .plain)
        let due = MilestoneFormat.due(m, today: today).map { "  " + $0 } ?? ""
        // Off its first plan: the slip, after the due (later in the warning colour).
        let slip = (m.dueMoved || m.done) ? m.slip(in: timeZone).flatMap { $0.days == 0 ? nil : $0 } : nil
        let slipText = slip.map { "  " + L("slip %@", $0.text) } ?? ""
        let room = max(4, width - indent.displayWidth - 4 - due.displayWidth - slipText.displayWidth)
        let titleLines = wrap ? m.title.clean.wrapped(to: room) : [m.title.clean.truncated(to: room)]
        var first = StyledLine(spans: [.init(text: indent, style: .plain), .init(text: MilestoneFormat.box(status), style: boxStyle),
                                       .init(text: " " + (titleLines.first ?? ""), style: .plain)],
                               target: .milestone(m.id))
        if !due.isEmpty { first.spans.append(.init(text: due, style: status == .overdue ? .overdue : .dim)) }
        if let slip { first.spans.append(.init(text: slipText, style: slip.days > 0 ? .overdue : .dim)) }
        var result = [first]
        for more in titleLines.dropFirst() {
            result.append(StyledLine(indent + "    " + more, target: .milestone(m.id)))
        }
        // A page (the country's detail) says where the plan stood and why it moved.
        if wrap, let moved = Slippage.dueLine(m) {
            result.append(StyledLine(indent + "    " + moved.clean, style: .dim, target: .milestone(m.id)))
        }
        if let record = MilestoneFormat.tickRecord(m, timeZone: timeZone) {
            result.append(StyledLine(indent + "    " + record.clean, style: .dim, target: .milestone(m.id)))
        }
        if wrap {
            for line in MilestoneFormat.noteLines(m, timeZone: timeZone) {
                for piece in line.clean.wrapped(to: max(8, width - indent.displayWidth - 4)) {
                    result.append(StyledLine(indent + "    " + piece, style: .dim, target: .milestone(m.id)))
                }
            }
        }
        return result
    }
}
