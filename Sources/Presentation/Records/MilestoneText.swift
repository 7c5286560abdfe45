
import Model

/// A milestone as one line of plain text.
public enum MilestoneText {
    public static func line(_ m: Milestone, today: CalendarDate) -> String {
        let box: String
        switch m.status(today: today) {
        case .done: box = "[x]"
        case .open: box = "[ ]"
        case .overdue: box = "[!]"
        }
        var text = "  \(box) \(m.title.clean)  (\(m.id))"
        if let due = m.due { text += "  due \(due)" + (m.isOverdue(today: today) ? " OVERDUE" : "") }
        if m.done, m.doneBy != nil || m.doneAt != nil {
            text += "  ticked" + (m.doneBy.map { " by \($0.clean)" } ?? "") + (m.doneAt.map { " at \($0.clean)" } ?? "")
        }
        return text
    }
}
