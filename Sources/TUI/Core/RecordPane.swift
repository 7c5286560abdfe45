import Foundation
import Model
import Presentation

/// What the scrolling pane shows for a record other than a milestone (`v`), and for an agenda
/// (`A` on the Timeline): laid out from what the state holds, no pass over the record per frame.
enum RecordPane {
    /// Every field of the record, whole, in the file's order; a dated value's log as it was written.
    static func lines(_ ref: RecordRef, in programme: Programme, timeZone: TimeZone, width: Int) -> [StyledLine] {
        guard let members = try? programme.members(of: ref).members else {
            return [StyledLine("The \(ref.kind.rawValue) is no longer in the record.", style: .dim)]
        }
        var lines = [StyledLine("\(ref.kind.rawValue.capitalized) \(programme.recordName(ref))", style: .title)]
        for field in Programme.fields(of: ref.kind) {
            guard let value = members[field.key] else { continue }
            if case .array(let items) = value, case .records = field.kind {
                lines.append(StyledLine(field.key, style: .bold))
                for item in items {
                    lines += StyledLine.wrapped(FormState.shownLog(item, timeZone: timeZone), width: max(8, width - 4), indent: "    ", firstIndent: "  ")
                }
                continue
            }
            // Every line of a long text whole, each wrapped (a summary typed in $EDITOR keeps its breaks).
            let text = value.shown
            for (i, paragraph) in (text.isEmpty ? ["none"] : text.components(separatedBy: "\n")).enumerated() {
                lines += StyledLine.wrapped((i == 0 ? field.key + ": " : "") + paragraph, width: max(8, width - 2), indent: "    ",
                                            firstIndent: i == 0 ? "" : "    ")
            }
        }
        lines.append(StyledLine())
        lines.append(StyledLine("e edits it · d removes it · a adds another", style: .dim))
        return lines
    }

    /// The agenda of a period: its items (`Agenda.items`, gathered once when it opens).
    static func agenda(_ items: [Agenda.Item], from: CalendarDate, to: CalendarDate, width: Int) -> [StyledLine] {
        var lines = [StyledLine(from == to ? "\(from)" : "\(from) to \(to)", style: .title)
                     + StyledLine("  \(items.count) dated item\(items.count == 1 ? "" : "s")", style: .dim)]
        if items.isEmpty { lines.append(StyledLine("Nothing the record dates falls in this period.", style: .dim)) }
        for item in items {
            let style: Style = item.kind == "event" ? .event : (item.kind == "achieved" ? .done : (item.text.hasSuffix(", overdue") ? .overdue : .plain))
            let head = item.day.description.padded(to: 11) + item.kind.padded(to: 9)
            for (i, piece) in item.text.clean.wrapped(to: max(8, width - 20)).enumerated() {
                lines.append(StyledLine((i == 0 ? head : "").padded(to: 20), style: .dim) + StyledLine(piece, style: style))
            }
        }
        return lines
    }
}
