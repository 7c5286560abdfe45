import Foundation
import Model
import Presentation

/// One row of the phase timeline: a phase, a country, or the programme's events.
struct TimelineRow: Sendable {
    enum Kind: Equatable, Sendable { case phase(Int), country(String), events }

    /// One mark of a row: one per milestone, so 900,000 on the largest store. Its fields are laid
    /// out largest first and its days kept in 32 bits (56 bytes, not 88); the country a
    /// milestone's mark belongs to is its row's.
    struct Item: Sendable {
        enum Glyph: Sendable { case bar, launch, done, open, overdue, event, country }
        /// What the status line says; milestones keep only their title and due day and build
        /// the sentence when selected, so a change does not format 20,000 sentences.
        var text: String
        /// The milestone this item marks, if it marks one; else the one country an event concerns.
        private var id: String?
        private var day32: (start: Int32, end: Int32)
        /// Where its due was first planned (an ordinal), when it moved: the baseline's ◇.
        var plannedOrdinal: Int32 = .min
        var due: CalendarDate?
        var glyph: Glyph

        var start: Int { get { Int(day32.start) } set { day32.start = Int32(clamping: newValue) } }
        var end: Int { get { Int(day32.end) } set { day32.end = Int32(clamping: newValue) } }
        var planned: Int? { plannedOrdinal == .min ? nil : Int(plannedOrdinal) }
        var milestoneID: String? { glyph == .event ? nil : id }
        /// The one country an event concerns (a milestone's is its row's).
        var eventCountryID: String? { glyph == .event ? id : nil }

        init(start: Int, end: Int, glyph: Glyph, label: String, eventCountryID: String? = nil) {
            day32 = (Int32(clamping: start), Int32(clamping: end)); self.glyph = glyph; self.text = label
            id = glyph == .event ? eventCountryID : nil
        }

        /// At its due, or for a result achieved on a day the record gives, at that day.
        init(milestone m: Milestone, due: CalendarDate?, at day: Int, glyph: Glyph) {
            day32 = (Int32(clamping: day), Int32(clamping: day)); self.glyph = glyph; text = m.title; id = m.id
            self.due = due
            if let planned = m.plannedDue, planned != due { plannedOrdinal = Int32(clamping: planned.lastOrdinal) }
        }

        var label: String {
            guard milestoneID != nil else { return text }
            let status = MilestoneFormat.label(glyph == .done ? .done : (glyph == .overdue ? .overdue : .open))
            let plan = planned.map { ", " + L("first planned by %@", "\(CalendarDate.fromOrdinal($0))") } ?? ""
            let achieved = glyph == .done && start != due?.lastOrdinal ? ", " + L("achieved %@", "\(CalendarDate.fromOrdinal(start))") : ""
            return L("Milestone (%@)", status) + (due.map { ", " + L("due %@", "\($0)") } ?? "") + plan + achieved + ": \(text)"
        }
    }

    var kind: Kind
    var label: String
    var items: [Item]

    static func rows(for programme: Programme, today: CalendarDate, timeZone: TimeZone = .current) -> [TimelineRow] {
        func milestoneItems(_ milestones: [Milestone]) -> [Item] {
            milestones.compactMap { m in
                // A result stands where it was achieved, when the record says; else at its due.
                let achieved = m.done ? Programme.achievedDay(m, in: timeZone)?.firstOrdinal : nil
                guard let day = achieved ?? m.due?.lastOrdinal else { return nil }
                let glyph: Item.Glyph = m.done ? .done : (m.isOverdue(today: today) ? .overdue : .open)
                return Item(milestone: m, due: m.due, at: day, glyph: glyph)
            }
        }
        var rows: [TimelineRow] = []
        for phase in programme.phases {
            var bar = Item(start: phase.start.firstOrdinal, end: (phase.actualEnd ?? phase.end).lastOrdinal, glyph: .bar,
                           label: L("Phase %@", "\(phase.number)") + ", \(phase.periodText): \(phase.title)")
            // Its end as first planned, for the baseline (`b`).
            if let planned = phase.plannedEnd, planned != (phase.actualEnd ?? phase.end) { bar.plannedOrdinal = Int32(clamping: planned.lastOrdinal) }
            var items = [bar]
            if let launch = phase.launch {
                items.append(Item(start: launch.firstOrdinal, end: launch.firstOrdinal, glyph: .launch,
                                  label: L("Phase %@ launched %@", "\(phase.number)", "\(launch)") + (phase.launchNote.map { ": \($0)" } ?? "")))
            }
            if let start = phase.implementationStart {
                items.append(Item(start: start.firstOrdinal, end: start.firstOrdinal, glyph: .launch,
                                  label: L("Phase %@ implementation began %@", "\(phase.number)", "\(start)")))
            }
            items += milestoneItems(phase.milestones)
            rows.append(TimelineRow(kind: .phase(phase.number), label: L("Phase %@", "\(phase.number)"), items: items.sorted { $0.start < $1.start }))
            for country in programme.countries(inPhase: phase.number) {
                let summary = Item(start: phase.start.firstOrdinal, end: phase.start.firstOrdinal, glyph: .country,
                                   label: "\(country.name) (\(country.id)), " + L("phase %@", "\(phase.number)") + ", \(country.scope.text): " + L("Enter opens it"),
                                   )
                var dated = milestoneItems(country.milestones)
                dated.sort { $0.start < $1.start }
                rows.append(TimelineRow(kind: .country(country.id), label: country.name, items: [summary] + dated))
            }
        }
        let events = programme.events.sorted { $0.date < $1.date }.map {
            Item(start: $0.date.firstOrdinal, end: $0.date.firstOrdinal, glyph: .event,
                 label: L("Event %@:", "\($0.date)") + " \($0.title)" + ($0.participants.map { " (" + L("%@ participants", "\($0)") + ")" } ?? ""),
                 eventCountryID: $0.countries.count == 1 ? $0.countries[0] : nil)
        }
        if !events.isEmpty { rows.append(TimelineRow(kind: .events, label: L("Events"), items: events)) }
        return rows
    }
}
