/// The record as it stood on a day: the one rule every "as of" view uses (reports, `--as-of`).
extension Programme {
    /// The programme as of the end of `day`:
    /// - a milestone ticked after the day is open (its tick record is not shown);
    /// - a milestone ticked on an unrecorded day counts as done once its phase had begun (the
    ///   record cannot say more), and as open before that;
    /// - events after the day are left out;
    /// - people reached and the NUP stage count only for countries whose phase had begun (the
    ///   record dates neither).
    public func asOf(_ day: CalendarDate) -> Programme {
        var copy = self
        let end = day.lastOrdinal
        let started = Dictionary(phases.map { ($0.number, $0.start.firstOrdinal <= end) }, uniquingKeysWith: { a, _ in a })
        func adjust(_ m: inout Milestone, phaseStarted: Bool) {
            guard m.done else { return }
            let tickedDay = m.doneAt.flatMap { CalendarDate(String($0.prefix(10))) }
            let stillOpen = tickedDay.map { $0.firstOrdinal > end } ?? !phaseStarted
            if stillOpen { m.done = false; m.doneAt = nil; m.doneBy = nil }
        }
        for p in copy.phases.indices {
            let began = started[copy.phases[p].number] ?? true
            for m in copy.phases[p].milestones.indices { adjust(&copy.phases[p].milestones[m], phaseStarted: began) }
        }
        for c in copy.countries.indices {
            let began = started[copy.countries[c].phase] ?? true
            for m in copy.countries[c].milestones.indices { adjust(&copy.countries[c].milestones[m], phaseStarted: began) }
            if !began {
                // Before its phase, a country had no stage in the programme and no results yet.
                for j in copy.countries[c].projects.indices { copy.countries[c].projects[j].peopleReached = nil }
                copy.countries[c].stage = nil
                copy.countries[c].stageBasis = nil
            }
        }
        copy.events = events.filter { $0.date.firstOrdinal <= end }
        return copy
    }
}
