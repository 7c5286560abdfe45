import Foundation
import Model
import Presentation

/// A milestone's whole record as lines to read (`v`): every word of its notes and evidence, its
/// tick, its due with the first plan and each move, wrapped to the width, line breaks kept.
enum MilestoneRecord {
    static func lines(_ m: Milestone, owner: String, today: CalendarDate, timeZone: TimeZone, width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        let room = max(8, width - 4)
        func heading(_ text: String) { lines.append(StyledLine()); lines.append(StyledLine(text, style: .title)) }
        /// Text whole: each of its lines, wrapped, under an indent.
        func block(_ text: String, style: Style = .plain) {
            for line in text.components(separatedBy: "\n") {
                let pieces = line.clean.wrapped(to: room)
                for piece in pieces.isEmpty ? [""] : pieces { lines.append(StyledLine("  " + piece, style: style)) }
            }
        }
        block(m.title)
        lines.append(StyledLine("  \(m.id) · \(owner) · " + MilestoneFormat.label(m.status(today: today)), style: .dim))
        heading("Due")
        block(m.due.map { "due \($0)" } ?? "no due date")
        if let planned = m.plannedDue {
            block("first planned \(planned)" + (m.slip(in: timeZone).map { ", slip \($0)" } ?? ""), style: .dim)
        }
        for c in m.dueChanges {
            block(MomentFormat.local(c.at, timeZone: timeZone) + " \(c.by): " + (c.from?.description ?? "no date") + " → "
                  + (c.to?.description ?? "no date") + (c.reason.map { " — \($0)" } ?? ""), style: .dim)
        }
        if m.done {
            heading("Achieved")
            block(MilestoneFormat.tickRecord(m, timeZone: timeZone) ?? "ticked; the record does not say when or by whom")
        }
        if m.note != nil || m.evidence != nil {
            heading("Note and evidence (undated)")
            if let note = m.note { block(note) }
            if let evidence = m.evidence { block("Evidence: " + evidence) }
        }
        if !m.notes.isEmpty {
            heading("Log (dated, oldest first)")
            for n in m.notes {
                lines.append(StyledLine("  " + (n.kind == .evidence ? "Evidence" : "Note") + ", \(n.by.clean), "
                                        + MomentFormat.local(n.at, timeZone: timeZone), style: .dim))
                block(n.text)
            }
        }
        if let added = m.addedAt { lines.append(StyledLine()); block("Added to the record " + MomentFormat.local(added, timeZone: timeZone), style: .dim) }
        return lines
    }
}
