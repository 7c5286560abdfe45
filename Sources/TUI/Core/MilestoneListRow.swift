import Foundation
import Model
import Presentation

/// A row of the milestones panel: a heading (phase or country) or a milestone, named by its
/// place in the entries the rows were made from (`Derived.entries`), not a copy of it: at 900,000
/// milestones, copies were a fifth of the front's memory.
enum MilestoneListRow: Equatable, Sendable {
    case header(String)
    case milestone(place: Int)

    var isSelectable: Bool { if case .milestone = self { true } else { false } }

    /// The place in the entries of the milestone on this row.
    var place: Int? { if case .milestone(let place) = self { place } else { nil } }

    /// `include`: which of the entries (by place) may be shown at all (a search's matches); all
    /// when nil.
    static func rows(entries: MilestoneEntries, programme: Programme, filter: StatusFilter, today: CalendarDate,
                     sort: ListSort = .grouped, include: ((Int) -> Bool)? = nil, timeZone: TimeZone = .current) -> [MilestoneListRow] {
        func admitted() -> [Int] {
            entries.indices.filter { place in
                (include?(place) ?? true) && entries.withMilestone(at: place) { filter.admits($0, today: today, timeZone: timeZone) }
            }
        }
        switch sort {
        case .grouped:
            return grouped(entries, programme: programme, filter: filter, today: today, include: include, timeZone: timeZone)
        case .slip:
            // The furthest behind its plan first; those with no slip to tell after, in the record's order.
            let keys = admitted().map { place -> (slip: Int, place: Int) in
                let m = entries.milestone(at: place)
                return ((m.dueMoved || m.done) ? m.slip(in: timeZone)?.days ?? Int.min : Int.min, place)
            }
            return keys.sorted { $0.slip != $1.slip ? $0.slip > $1.slip : $0.place < $1.place }.map { .milestone(place: $0.place) }
        case .due:
            // Soonest first; undated last, in the record's order.
            // The keys taken once each, not at every comparison.
            let keys = admitted().map { (due: entries.milestone(at: $0).due?.lastOrdinal ?? Int.max, place: $0) }
            return keys.sorted { $0.due != $1.due ? $0.due < $1.due : $0.place < $1.place }.map { .milestone(place: $0.place) }
        case .name, .progress:
            let keys = admitted().map { (title: entries.milestone(at: $0).title, place: $0) }
            return keys.sorted { $0.title.localizedStandardCompare($1.title) == .orderedAscending }.map { .milestone(place: $0.place) }
        }
    }

    /// Under a heading per phase and per country, in the record's order: the entries admitted
    /// are taken as they are met, with no list of them made first.
    private static func grouped(_ entries: MilestoneEntries, programme: Programme, filter: StatusFilter,
                                today: CalendarDate, include: ((Int) -> Bool)?, timeZone: TimeZone) -> [MilestoneListRow] {
        var rows: [MilestoneListRow] = []
        // An entry is fetched whole only at a heading: the rest is read where it stands (a
        // search keystroke walks every milestone, and a copy of each was most of its time).
        var last: Int?
        for place in entries.indices where (include?(place) ?? true)
            && entries.withMilestone(at: place, { filter.admits($0, today: today, timeZone: timeZone) }) {
            let phase = entries.phase(at: place)
            let newPhase = last.map { entries.phase(at: $0) != phase } ?? true
            if newPhase { rows.append(.header(L("Phase %@", "\(phase)"))) }
            if newPhase || !entries.sameOwner(last!, place) {
                if let country = entries.countryPlace(at: place) { rows.append(.header("  " + entries.programme.countries[country].name)) }
            }
            last = place
            rows.append(.milestone(place: place))
        }
        return rows
    }
}
