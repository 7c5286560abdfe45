import Foundation
import Model

/// The words and marks for a milestone, the same in every front: its box, its status, its due
/// day and who ticked it. Fronts arrange and colour them; none spells them out again.
public enum MilestoneFormat {
    /// "[x]" done, "[ ]" open, "[!]" overdue.
    public static func box(_ status: MilestoneStatus) -> String {
        switch status {
        case .done: "[x]"
        case .open: "[ ]"
        case .overdue: "[!]"
        }
    }

    /// "done", "open", "OVERDUE": the label every front and report uses.
    public static func label(_ status: MilestoneStatus) -> String {
        status.text
    }

    /// "due 2026-11" or "due 2026-11 OVERDUE"; nil when the record gives no date.
    public static func due(_ m: Milestone, today: CalendarDate) -> String? {
        guard let due = m.due else { return nil }
        return L("due %@", "\(due)") + (m.isOverdue(today: today) ? " " + label(.overdue) : "")
    }

    /// "ticked by Amina at 2026-11-28 19:00": the moment in `timeZone` (the officer's); nil when
    /// open or when the record does not say.
    public static func tickRecord(_ m: Milestone, timeZone: TimeZone = .current) -> String? {
        guard m.done, m.doneBy != nil || m.doneAt != nil else { return nil }
        return ticked(by: m.doneBy, at: m.doneAt.map { MomentFormat.local($0, timeZone: timeZone) })
            + (m.doneOn.map { ", " + L("achieved on %@", "\($0)") } ?? "")
    }

    /// How a report says a done milestone was achieved: "ticked by Amina on 2026-11-28 19:00"
    /// (the moment in `timeZone`), "date not recorded; by 2022" when the record gives no day (the
    /// end of the period it is known by), or both; nil when it says nothing. `by` comes escaped
    /// for the report's form.
    public static func achieved(by: String?, at moment: String?, knownBy: String?, on day: String? = nil, timeZone: TimeZone) -> String? {
        let ticked = by != nil || moment != nil ? self.ticked(by: by, at: moment.map { MomentFormat.local($0, timeZone: timeZone) }) : nil
        let achievedOn = day.map { L("achieved on %@", $0) }
        let undated = knownBy.map { L("date not recorded; by %@", $0) }
        let parts = [achievedOn, ticked, undated].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// For a milestone an as-of report shows open because the record gives no day for its
    /// achievement and its period had not ended: "achieved on a day not recorded; counted once
    /// 2026-11 is over".
    public static func countedLater(knownBy: String?) -> String? {
        knownBy.map { L("achieved on a day not recorded; counted once %@ is over", $0) }
    }

    /// "ticked by Amina at 2026-11-28 19:00", as much of it as is known.
    static func ticked(by: String?, at moment: String?) -> String {
        switch (by, moment) {
        case let (by?, moment?): L("ticked by %@ at %@", by, moment)
        case let (by?, nil): L("ticked by %@", by)
        case let (nil, moment?): L("ticked at %@", moment)
        case (nil, nil): L("ticked")
        }
    }

    /// "  [x] Title  (id)  due 2026-11  ticked by … at …": one line of plain text (`knupp show`).
    public static func line(_ m: Milestone, today: CalendarDate) -> String {
        var text = "  \(box(m.status(today: today))) \(m.title)  (\(m.id))"
        if let due = due(m, today: today) { text += "  " + due }
        if let planned = m.plannedDue, !m.done {
            text += " (" + L("planned %@", "\(planned)") + (m.slip(in: .current).map { ", " + $0.text } ?? "") + ")"
        }
        if let record = tickRecord(m) { text += "  " + record }
        return text.clean
    }

    /// Everything about one milestone on a line: "id · status · due … · ticked … · note: …".
    public static func summary(_ m: Milestone, today: CalendarDate) -> String {
        var parts = [m.id, label(m.status(today: today)), "“\(m.title)”"]
        if let due = m.due { parts.append(L("due %@", "\(due)")) }
        if m.done { parts.append(tickRecord(m) ?? L("ticked")) }
        if let note = m.note { parts.append(L("note:") + " \(note)") }
        if let evidence = m.evidence { parts.append(L("evidence:") + " \(evidence)") }
        if let last = m.notes.last {
            parts.append((m.notes.count == 1 ? L("1 dated note") : L("%@ dated notes", "\(m.notes.count)")) + ", " + L("the last by %@:", last.by) + " \(last.text)")
        }
        return parts.joined(separator: " · ").clean
    }

    /// "note by Amina, 2026-03-15 10:30: Final report filed": each dated entry of the milestone's
    /// log on a line, its moment in `timeZone` (the officer's).
    public static func noteLines(_ m: Milestone, timeZone: TimeZone = .current) -> [String] {
        m.notes.map { n in
            (n.kind == .evidence ? L("evidence by %@, %@:", n.by, MomentFormat.local(n.at, timeZone: timeZone))
                : L("note by %@, %@:", n.by, MomentFormat.local(n.at, timeZone: timeZone))) + " " + n.text
        }
    }
}
