import Foundation
import Model

/// What happened, or was due, in a period: "what happened in 2023". Every dated thing the record
/// holds, by its day: milestones due and achieved, events, a phase's start, launch and end,
/// stage changes, notes and moves of a due, each with the words the screens use.
public enum Agenda {
    public struct Item: Equatable, Sendable {
        public var day: CalendarDate
        /// "due", "achieved", "event", "phase", "stage", "note", "moved".
        public var kind: String
        public var text: String
    }

    /// The items from the first day of `from` to the last of `to`, oldest first (the record's
    /// order where they share a day).
    public static func items(_ p: Programme, from: CalendarDate, to: CalendarDate, today: CalendarDate, timeZone: TimeZone) -> [Item] {
        let (low, high) = (from.firstOrdinal, to.lastOrdinal)
        var items: [Item] = []
        func add(_ day: CalendarDate?, _ kind: String, _ text: String) {
            guard let day, day.lastOrdinal >= low, day.firstOrdinal <= high else { return }
            items.append(Item(day: day, kind: kind, text: text))
        }
        for phase in p.phases {
            add(phase.start, "phase", L("Phase %@ begins:", "\(phase.number)") + " \(phase.title)")
            add(phase.launch, "phase", L("Phase %@ launched", "\(phase.number)") + (phase.launchNote.map { ": \($0)" } ?? ""))
            add(phase.implementationStart, "phase", L("Phase %@: implementation begins", "\(phase.number)"))
            add(phase.actualEnd ?? phase.end, "phase", (phase.actualEnd != nil ? L("Phase %@ ended", "\(phase.number)") : (phase.endIsExpected ? L("Phase %@ expected to end", "\(phase.number)") : L("Phase %@ ends", "\(phase.number)"))))
        }
        for entry in p.milestoneEntries {
            let m = entry.milestone, owner = p.ownerText(entry.owner)
            if m.done, let day = Programme.achievedDay(m, in: timeZone) {
                add(day, "achieved", "\(m.title) (\(owner))" + (m.doneBy.map { ", " + L("ticked by %@", $0) } ?? ""))
            }
            if let due = m.due, !m.done || Programme.achievedDay(m, in: timeZone) != due {
                let late = !m.done && due.lastOrdinal < today.firstOrdinal
                add(due, "due", "\(m.title) (\(owner))" + ", " + (m.done ? L("done") : (late ? L("overdue") : L("open"))))
            }
            for n in m.notes { add(Moment.day(n.at, in: timeZone), "note", "\(m.title): \(n.text) (\(n.by))") }
            for c in m.dueChanges {
                add(Moment.day(c.at, in: timeZone), "moved", "\(m.title): " + L("due %@", "\(c.from?.description ?? L("none")) → \(c.to?.description ?? L("none"))") + " (\(c.by))"
                    + (c.reason.map { ": \($0)" } ?? ""))
            }
        }
        func stage(_ raw: String?) -> String { raw.flatMap(NUPStage.init)?.text ?? raw ?? L("unknown") }
        for c in p.countries {
            for change in c.stageChanges {
                add(change.day(in: timeZone), "stage", "\(c.name): \(stage(change.from)) → \(stage(change.to))" + (change.basis.map { " (\($0))" } ?? ""))
            }
            for policy in c.policies {
                for change in policy.statusChanges {
                    add(change.day(in: timeZone), "policy", "\(policy.title) (\(c.name)): \(change.from ?? L("none")) → \(change.to ?? L("none"))")
                }
            }
            for project in c.projects {
                for change in project.peopleReachedChanges {
                    add(change.day(in: timeZone), "reached", "\(project.title) (\(c.name)): " + L("%@ people reached", change.to ?? L("none")))
                }
            }
        }
        for e in p.events {
            add(e.date, "event", e.title + (e.participants.map { ", " + L("%@ participants", "\($0)") } ?? ""))
        }
        return items.enumerated().sorted { ($0.element.day.firstOrdinal, $0.offset) < ($1.element.day.firstOrdinal, $1.offset) }.map(\.element)
    }
}
