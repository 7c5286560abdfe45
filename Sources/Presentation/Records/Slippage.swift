import Foundation
import Model

/// One move of a planned date, as reports and `--json` give it.
public struct DateChangeLine: Codable, Equatable, Sendable {
    public var from: String?
    public var to: String?
    /// ISO 8601, as the store has it.
    public var at: String
    public var by: String
    public var reason: String?

    public init(_ c: DateChange) {
        from = c.from?.description; to = c.to?.description; at = c.at; by = c.by; reason = c.reason
    }

    /// "2026-11 → 2027-03 on 2026-12-03T08:26:09Z by kim: ministry review".
    public static func sentence(_ c: DateChangeLine) -> String {
        (c.from ?? "no date") + " → " + (c.to ?? "no date") + " on \(c.at) by \(c.by)" + (c.reason.map { ": " + $0 } ?? "")
    }

    static func write(_ w: inout JSONWriter, _ c: DateChangeLine) {
        w.object { w in w.field("at", c.at); w.field("by", c.by); w.field("from", c.from); w.field("reason", c.reason); w.field("to", c.to) }
    }
}

/// A milestone whose date is not the one first planned: planned, now (or achieved), the slip,
/// how often it moved and the last reason given. What `knupp slippage`, the reports' Slippage
/// section and the front show.
public struct SlippageLine: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    /// Whose it is: the country's name, or "Phase 2".
    public var owner: String
    /// "done", "open" or "overdue".
    public var status: String
    public var planned: String
    /// The due now, or the day achieved for a done milestone.
    public var current: String
    /// nil when there is no date to count from or to (the due taken away).
    public var slipDays: Int?
    /// "+4 mo", "+121 d", "date taken away".
    public var slip: String
    public var moves: Int
    public var lastReason: String?
    public var dueChanges: [DateChangeLine]

    static func write(_ w: inout JSONWriter, _ l: SlippageLine) {
        w.object { w in
            w.field("current", l.current); w.field("dueChanges", l.dueChanges, DateChangeLine.write); w.field("id", l.id)
            w.field("lastReason", l.lastReason); w.field("moves", l.moves); w.field("owner", l.owner); w.field("planned", l.planned)
            w.field("slip", l.slip); w.field("slipDays", l.slipDays); w.field("status", l.status); w.field("title", l.title)
        }
    }
}

/// A phase whose end moved, or has an actual end recorded.
public struct PhaseEndLine: Codable, Equatable, Sendable {
    public var number: Int
    public var plannedEnd: String
    /// The actual end when recorded, else the end expected now.
    public var end: String
    public var actual: Bool
    public var slipDays: Int
    public var slip: String
    public var endChanges: [DateChangeLine]

    static func write(_ w: inout JSONWriter, _ p: PhaseEndLine) {
        w.object { w in
            w.field("actual", p.actual); w.field("end", p.end); w.field("endChanges", p.endChanges, DateChangeLine.write)
            w.field("number", p.number); w.field("plannedEnd", p.plannedEnd); w.field("slip", p.slip); w.field("slipDays", p.slipDays)
        }
    }
}

public enum Slippage {
    /// The milestones off their first plan, latest first (then in the record's order): those
    /// whose due moved, and those achieved after their due; with `minDays`, only those that
    /// slipped at least that many days. A due taken away is listed too, first (no date now).
    public static func lines(_ programme: Programme, today: CalendarDate, timeZone: TimeZone,
                             admits: (MilestoneEntry) -> Bool = { _ in true }, minDays: Int? = nil) -> [SlippageLine] {
        var names: [MilestoneOwner: String] = [:]
        for c in programme.countries { names[.country(c.id)] = c.name }
        for p in programme.phases { names[.phase(p.number)] = "Phase \(p.number)" }
        var found: [SlippageLine] = []
        var keys: [(days: Int, order: Int)] = []
        programme.forEachMilestoneEntry { e in
            let m = e.milestone
            guard m.dueMoved || (m.done && m.due != nil) else { return }
            let slip = m.slip(in: timeZone)
            // Achieved by its due, as first planned: on plan, not slippage.
            if !m.dueMoved, (slip?.days ?? 0) <= 0 { return }
            guard admits(e) else { return }
            if let minDays, (slip?.days ?? Int.max) < minDays { return }
            let current: String
            if m.done, let day = Programme.achievedDay(m, in: timeZone) { current = day.description }
            else { current = m.due?.description ?? "no date" }
            let line = SlippageLine(id: m.id, title: m.title, owner: names[e.owner] ?? programme.ownerName(e.owner),
                                    status: m.status(today: today).rawValue, planned: (m.plannedDue ?? m.due)?.description ?? "no date",
                                    current: current, slipDays: slip?.days, slip: slip?.description ?? (m.due == nil ? "date taken away" : "—"),
                                    moves: m.dueChanges.count, lastReason: m.dueChanges.last?.reason,
                                    dueChanges: m.dueChanges.map(DateChangeLine.init))
            keys.append((slip?.days ?? Int.max, found.count))
            found.append(line)
        }
        // The keys sorted, then each line taken once: at 900,000 milestones, sorting the lines
        // themselves copied them at every step.
        keys.sort { $0.days != $1.days ? $0.days > $1.days : $0.order < $1.order }
        return keys.map { found[$0.order] }
    }

    /// The phases whose end moved or has an actual end recorded.
    public static func phases(_ programme: Programme) -> [PhaseEndLine] {
        programme.phases.filter { $0.plannedEnd != nil || $0.actualEnd != nil || !$0.endChanges.isEmpty }.map { p in
            PhaseEndLine(number: p.number, plannedEnd: (p.plannedEnd ?? p.end).description, end: (p.actualEnd ?? p.end).description,
                         actual: p.actualEnd != nil, slipDays: p.slip.days, slip: p.slip.description,
                         endChanges: p.endChanges.map(DateChangeLine.init))
        }
    }

    /// `slippage --json`: `{"milestones": [...], "phases": [...]}`, keys sorted.
    public static func json(_ milestones: [SlippageLine], phases: [PhaseEndLine]) -> String {
        var w = JSONWriter(alsoEscape: JSONOutput.alsoEscaped)
        w.object { w in
            w.field("milestones", milestones, SlippageLine.write)
            w.field("phases", phases, PhaseEndLine.write)
        }
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// "due 2027-03 (planned 2026-11, +4 mo, moved 2×: the ministry asked for a second review)":
    /// the detail screens' line for a milestone whose due moved; nil when it never has.
    public static func dueLine(_ m: Milestone) -> String? {
        guard m.dueMoved else { return nil }
        var parts: [String] = []
        // A due set where there was none has no first plan: it was set, not moved.
        if let planned = m.plannedDue { parts.append(L("planned %@", "\(planned)")) }
        if let slip = m.slip(in: .current), !m.done, m.plannedDue != nil { parts.append(L("slip %@", slip.text)) }
        if !m.dueChanges.isEmpty {
            let verb = m.plannedDue == nil && m.dueChanges.count == 1 ? L("set") : L("moved %@×", "\(m.dueChanges.count)")
            parts.append(verb + (m.dueChanges.last?.reason.map { ": " + $0 } ?? ""))
        }
        return L("due %@", m.due?.description ?? L("no date")) + " (" + parts.joined(separator: ", ") + ")"
    }

    /// What the Slippage section says when it has no milestone.
    public static var none: String { L("No milestone is off its first plan: no due has moved, and none was achieved after its due.") }

    /// "Phase 2 is to end 2027-06 (planned 2026-11, +7 mo, moved 1×: extension agreed)."
    public static func phaseSentence(_ p: PhaseEndLine) -> String {
        (p.actual ? L("Phase %@ ended %@", "\(p.number)", p.end) : L("Phase %@ is to end %@", "\(p.number)", p.end))
            + " (" + L("planned %@", p.plannedEnd) + ", \(Slip.text(of: p.slip))"
            + (p.endChanges.isEmpty ? "" : ", " + L("moved %@×", "\(p.endChanges.count)")) + (p.endChanges.last?.reason.map { ": \($0)" } ?? "") + ")."
    }

}
