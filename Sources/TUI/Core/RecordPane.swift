import Foundation
import Model
import Presentation

/// What the scrolling pane shows for a record other than a milestone (`v`), and for an agenda
/// (`A` on the Timeline): laid out from what the state holds, no pass over the record per frame.
enum RecordPane {
    /// Every field of the record, whole, in the file's order; a dated value's log as it was written.
    static func lines(_ ref: RecordRef, in programme: Programme, timeZone: TimeZone, width: Int, readOnly: Bool = false) -> [StyledLine] {
        guard let members = try? programme.members(of: ref).members else {
            return [StyledLine(L("The %@ is no longer in the record.", ref.kind.noun), style: .dim)]
        }
        var lines = [StyledLine("\(ref.kind.title) \(programme.recordName(ref))", style: .title)]
        for field in Programme.fields(of: ref.kind) {
            guard let value = members[field.key] else { continue }
            if case .array(let items) = value, case .records = field.kind {
                lines.append(StyledLine(FormState.label(field.key), style: .bold))
                for item in items {
                    let text = ["targets", "actuals", "sdg11a1"].contains(field.key) ? shownResult(item, timeZone: timeZone)
                        : FormState.shownLog(item, timeZone: timeZone)
                    lines += StyledLine.wrapped(text, width: max(8, width - 4), indent: "    ", firstIndent: "  ")
                }
                if items.isEmpty { lines.append(StyledLine("  " + L("none"), style: .dim)) }
                continue
            }
            if field.key == "baseline" {
                lines += StyledLine.wrapped(FormState.label("baseline") + ": " + shownResult(value, timeZone: timeZone), width: max(8, width - 2), indent: "    ")
                continue
            }
            // Every line of a long text whole, each wrapped (a summary typed in $EDITOR keeps its breaks).
            let text = value == .bool(true) ? L("yes") : value == .bool(false) ? L("no") : value.shown
            for (i, paragraph) in (text.isEmpty ? [L("none")] : text.components(separatedBy: "\n")).enumerated() {
                lines += StyledLine.wrapped((i == 0 ? FormState.label(field.key) + ": " : "") + paragraph, width: max(8, width - 2), indent: "    ",
                                            firstIndent: i == 0 ? "" : "    ")
            }
        }
        lines.append(StyledLine())
        lines.append(StyledLine(readOnly ? L("Read-only: nothing can be changed here.") : L("e edits it · d removes it · a adds another"), style: .dim))
        return lines
    }

    /// A value of an indicator ("5 on 2025-06-30: the council's report · evidence: https://… ·
    /// Amina, 2025-07-01 10:00") or an SDG 11.a.1 assessment ("2025-03-01, policy moz-nup: A a 40,
    /// b 20, c 75; …"), whole.
    static func shownResult(_ value: JSONValue, timeZone: TimeZone) -> String {
        guard case .object(let m) = value else { return value.shown }
        func word(_ key: String, in members: [String: JSONValue]? = nil) -> String? {
            if case .string(let s)? = (members ?? m)[key] { s } else { nil }
        }
        var parts: [String] = []
        if case .array(let evaluations)? = m["evaluations"] {
            var scores: [String] = []
            for case .object(let e) in evaluations {
                let name: String = word("evaluator", in: e) ?? "?"
                let a: String = e["a"]?.shown ?? "?", b: String = e["b"]?.shown ?? "?", c: String = e["c"]?.shown ?? "?"
                scores.append("\(name) a \(a), b \(b), c \(c)")
            }
            let policy: String = word("policy").map { ", " + L("policy %@", $0) } ?? ", " + L("no NUP")
            parts.append((word("date") ?? "?") + policy + ": " + (scores.isEmpty ? L("no evaluator") : scores.joined(separator: "; ")))
            if let evidence = word("evidence") { parts.append(L("evidence:") + " " + evidence) }
            if let note = word("note") { parts.append(note) }
            return parts.joined(separator: " · ")
        }
        let comment: String = word("comment").map { ": \($0)" } ?? ""
        parts.append(L("%@ on %@", word("value") ?? L("(no value)"), word("date") ?? "?") + comment)
        if let evidence = word("evidence") { parts.append(L("evidence:") + " " + evidence) }
        let who = [word("by"), word("at").map { MomentFormat.local($0, timeZone: timeZone) }].compactMap { $0 }
        if !who.isEmpty { parts.append(who.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }

    /// The agenda of a period: its items (`Agenda.items`, gathered once when it opens).
    static func agenda(_ items: [Agenda.Item], from: CalendarDate, to: CalendarDate, width: Int) -> [StyledLine] {
        var lines = [StyledLine(from == to ? "\(from)" : L("%@ to %@", "\(from)", "\(to)"), style: .title)
                     + StyledLine("  " + (items.count == 1 ? L("1 dated item") : L("%@ dated items", "\(items.count)")), style: .dim)]
        if items.isEmpty { lines.append(StyledLine(L("Nothing the record dates falls in this period."), style: .dim)) }
        for item in items {
            let style: Style = item.kind == "event" ? .event : (item.kind == "achieved" ? .done : (item.text.hasSuffix(", " + L("overdue")) ? .overdue : .plain))
            let head = item.day.description.padded(to: 11) + AgendaWords.kind(item.kind).padded(to: 9)
            for (i, piece) in item.text.clean.wrapped(to: max(8, width - 20)).enumerated() {
                lines.append(StyledLine((i == 0 ? head : "").padded(to: 20), style: .dim) + StyledLine(piece, style: style))
            }
        }
        return lines
    }
}
