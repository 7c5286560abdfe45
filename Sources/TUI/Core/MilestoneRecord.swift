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
        heading(L("Due"))
        block(m.due.map { L("due %@", "\($0)") } ?? L("no due date"))
        if let planned = m.plannedDue {
            block(L("first planned %@", "\(planned)") + (m.slip(in: timeZone).map { ", " + L("slip %@", $0.text) } ?? ""), style: .dim)
        }
        for c in m.dueChanges {
            block(MomentFormat.local(c.at, timeZone: timeZone) + " \(c.by): " + (c.from?.description ?? L("no date")) + " → "
                  + (c.to?.description ?? L("no date")) + (c.reason.map { " — \($0)" } ?? ""), style: .dim)
        }
        if m.done {
            heading(L("Achieved"))
            block(MilestoneFormat.tickRecord(m, timeZone: timeZone) ?? L("ticked; the record does not say when or by whom"))
        }
        if m.note != nil || m.evidence != nil {
            heading(L("Note and evidence (undated)"))
            if let note = m.note { block(note) }
            if let evidence = m.evidence { block(L("Evidence:") + " " + evidence) }
        }
        if !m.notes.isEmpty {
            heading(L("Log (dated, oldest first)"))
            for n in m.notes {
                lines.append(StyledLine("  " + (n.kind == .evidence ? L("Evidence") : L("Note")) + ", \(n.by.clean), "
                                        + MomentFormat.local(n.at, timeZone: timeZone), style: .dim))
                block(n.text)
            }
        }
        if let added = m.addedAt { lines.append(StyledLine()); block(L("Added to the record %@", MomentFormat.local(added, timeZone: timeZone)), style: .dim) }
        return lines
    }
}
