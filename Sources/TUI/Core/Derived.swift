import Model
import Presentation

/// Figures derived from the programme, computed once per change rather than per frame.
struct Derived: Sendable {
    var countries: [String: MilestoneTally] = [:]
    var phaseProgress: [Int: MilestoneProgress] = [:]
    /// People reached by demonstration projects, by phase and in all.
    var peopleReached: [Int: Int] = [:]
    var totalPeopleReached = 0
    var programmeProgress = MilestoneProgress(done: 0, total: 0)
    /// The overdue and the next due, as places in `entries` (no copies of them).
    var overdue: [Int] = []
    var dueNext: [Int] = []
    /// Every milestone, as places in the programme (`MilestoneEntries`).
    var entries = MilestoneEntries(Programme(name: ""))
    var timelineRows: [TimelineRow] = []
    /// The first and last day anything on the timeline marks (a due after its phase, a first
    /// plan before it): what "fit" shows besides the phases and today.
    var timelineSpan: ClosedRange<Int>?
    /// Where each milestone stands in `entries` and on the timeline, for updating one in place.
    private var entryIndex: [String: Int] = [:]
    /// By place in `entries`, not by id: at 900,000 milestones a second table by id was 45 MB
    /// of the front's peak, this is 7.
    private var timelinePlaces: [TimelinePlace] = []

    /// A mark's row and place in it (-1: the milestone has no mark).
    private struct TimelinePlace: Sendable {
        var row: Int32 = -1
        var item: Int32 = -1
    }

    init() {}

    init(programme: Programme, today: CalendarDate) {
        entries = programme.milestoneEntries
        for country in programme.countries {
            countries[country.id] = MilestoneTally(country.milestones, today: today)
        }
        for phase in programme.phases { phaseProgress[phase.number] = programme.progress(phase: phase.number) }
        for phase in programme.phases { peopleReached[phase.number] = programme.peopleReached(phase: phase.number) }
        totalPeopleReached = programme.peopleReached
        programmeProgress = programme.progress
        let entries = self.entries
        var overdue: [Int] = [], dueNext: [Int] = [], index: [String: Int] = [:], rows: [TimelineRow] = []
        func lists() {
            overdue = entries.overduePlaces(today: today)
            dueNext = entries.dueNextPlaces(today: today)
            index.reserveCapacity(entries.count)
            for (i, entry) in entries.enumerated() { index[entry.milestone.id] = i }
        }
        func timeline() { rows = TimelineRow.rows(for: programme, today: today) }
        // The lists and the timeline are made on two cores for a large programme (the first
        // frame of 900,000 milestones waits for both); a small one's cost less than a thread.
        if entries.count >= 50_000 { TwoCores.both(lists, timeline) } else { lists(); timeline() }
        (self.overdue, self.dueNext, entryIndex, timelineRows) = (overdue, dueNext, index, rows)
        timelinePlaces = Array(repeating: TimelinePlace(), count: entries.count)
        var low = Int.max, high = Int.min
        for (r, row) in timelineRows.enumerated() {
            for (j, item) in row.items.enumerated() {
                if let id = item.milestoneID { mark(id, row: r, item: j) }
                low = min(low, item.start, item.planned ?? .max); high = max(high, item.end, item.planned ?? .min)
            }
        }
        timelineSpan = low <= high ? low...high : nil
    }

    /// The entry of milestone `id`, as the figures hold it.
    func entry(_ id: String) -> MilestoneEntry? { entryIndex[id].map { entries[$0] } }

    /// Where milestone `id` stands in `entries`.
    func place(of id: String) -> Int? { entryIndex[id] }

    /// The figures after one milestone's tick record changed (a tick, an untick): only what it
    /// touches is worked out again. False when the change is not of that kind (then recompute).
    mutating func updateTick(of id: String, in programme: Programme, today: CalendarDate) -> Bool {
        guard let i = entryIndex[id], let new = programme.milestone(id) else { return false }
        let old = entries[i].milestone
        var untouched = new
        untouched.done = old.done; untouched.doneAt = old.doneAt; untouched.doneBy = old.doneBy; untouched.note = old.note
        untouched.notes = old.notes
        untouched.doneOn = old.doneOn
        guard untouched == old else { return false } // more than the tick record changed
        entries.take(programme)
        let delta = (new.done ? 1 : 0) - (old.done ? 1 : 0)
        if case .country(let c) = entries[i].owner, let country = programme.country(c) {
            countries[c] = MilestoneTally(country.milestones, today: today)
        }
        phaseProgress[entries[i].phase]?.done += delta
        programmeProgress.done += delta
        // The two lists keep their order (due day, then the record's): the one entry taken out
        // and, where it belongs now, put back in its place, not 20,000 sorted again.
        Derived.replace(i, in: &overdue, belongs: new.isOverdue(today: today), entries: entries)
        Derived.replace(i, in: &dueNext, belongs: new.isDueNext(today: today), entries: entries)
        if timelinePlaces[i].row >= 0 {
            let (r, j) = (Int(timelinePlaces[i].row), Int(timelinePlaces[i].item))
            timelineRows[r].items[j].glyph = new.done ? .done : (new.isOverdue(today: today) ? .overdue : .open)
            // A result stands where it was achieved (today, or the day given), an open one at its due.
            let achieved = new.done ? Programme.achievedDay(new, in: .current)?.firstOrdinal : nil
            if let day = achieved ?? new.due?.lastOrdinal, day != timelineRows[r].items[j].start { moveTimelineItem(row: r, from: j, to: day) }
        }
        return true
    }

    /// Puts a milestone's mark at `day`, where the row's order by day puts it; the places of the
    /// marks it passes are written again (one row, not the whole timeline made anew).
    private mutating func moveTimelineItem(row r: Int, from j: Int, to day: Int) {
        var item = timelineRows[r].items.remove(at: j)
        item.start = day; item.end = day
        // A country's row starts with its label; the rest stand in order of day.
        var k = timelineRows[r].kind == .events ? 0 : (timelineRows[r].items.first?.glyph == .country ? 1 : 0)
        let items = timelineRows[r].items
        while k < items.count && items[k].start <= day { k += 1 }
        timelineRows[r].items.insert(item, at: k)
        for i in min(j, k)...max(j, k) where i < timelineRows[r].items.count {
            if let id = timelineRows[r].items[i].milestoneID { mark(id, row: r, item: i) }
        }
    }

    /// Notes where milestone `id`'s mark stands (row and item counts fit in 32 bits: a
    /// programme's milestones are fewer).
    private mutating func mark(_ id: String, row: Int, item: Int) {
        if let place = entryIndex[id] { timelinePlaces[place] = TimelinePlace(row: Int32(truncatingIfNeeded: row), item: Int32(truncatingIfNeeded: item)) }
    }

    /// `list` (places in `entries`), sorted by due day and then by place (as `overduePlaces` and
    /// `dueNextPlaces` make it), with `place` taken out and, when it `belongs`, put back where
    /// that order puts it.
    static func replace(_ place: Int, in list: inout [Int], belongs: Bool, entries: MilestoneEntries) {
        // A tick moves no due day: where the place stands, if it does, is where its key sorts.
        func key(_ place: Int) -> (Int, Int) { (entries.milestone(at: place).due?.lastOrdinal ?? 0, place) }
        let wanted = key(place)
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if key(list[mid]) < wanted { low = mid + 1 } else { high = mid }
        }
        let present = low < list.count && list[low] == place
        if present && !belongs { list.remove(at: low) }
        if !present && belongs { list.insert(place, at: low) }
    }
}
