import Foundation

/// The record as it stood on a day: the one rule every "as of" view uses (reports, `--as-of`).
extension Programme {
    /// The programme as of the end of `day` in `timeZone` (the officer's: the day a tick falls on
    /// is its day there, as every screen and report shows it, `Moment.day`):
    /// - a milestone ticked after the day is open (its tick record is not shown);
    /// - a milestone achieved on a day the record does not give counts as done once its phase
    ///   had ended, the end of the period it is known by, and as open before that: a report for a
    ///   donor never overstates (`knownBy` names that end);
    /// - milestones added to the record after the day (`addedAt`) are left out, as are events
    ///   after the day;
    /// - notes and evidence written after the day are left out of a milestone's log (what the
    ///   record does not date, its single `note` and `evidence`, stays, for the fronts to show as
    ///   undated);
    /// - a due or a phase's end moved after the day is as planned then (the moves are replayed
    ///   back: `DateChange.from`), and an actual end after the day is not yet known;
    /// - people reached, the NUP stage and the policies' status count only for countries whose
    ///   phase had begun (the record dates none of them);
    /// - an indicator's actuals and a country's SDG 11.a.1 assessments dated after the day are
    ///   left out (an actual written after the day, too).
    public func asOf(_ day: CalendarDate, in timeZone: TimeZone) -> Programme {
        var copy = self
        let end = day.lastOrdinal
        let started = Dictionary(phases.map { ($0.number, $0.start.firstOrdinal <= end) }, uniquingKeysWith: { a, _ in a })
        // Undated achievements count once the period they are known by is over (`knownByEnd`).
        let ended = Dictionary(phases.map { ($0.number, $0.knownByEnd.lastOrdinal <= end) }, uniquingKeysWith: { a, _ in a })
        let after = Moment.AfterDay(day, in: timeZone)
        /// A moment on a day after the day (in the zone).
        func later(_ moment: String?) -> Bool { after(moment) == true }
        /// Open on the day: achieved after it, or achieved on a day not recorded before its phase
        /// ended (`achievedDay`, without a zone lookup per tick).
        func stillOpen(_ m: Milestone, phaseEnded: Bool) -> Bool { stillOpen(m.done, m.doneOn, m.doneAt, phaseEnded: phaseEnded) }
        func stillOpen(_ done: Bool, _ doneOn: CalendarDate?, _ doneAt: String?, phaseEnded: Bool) -> Bool {
            guard done else { return false }
            return doneOn.map { $0.firstOrdinal > end } ?? after(doneAt) ?? !phaseEnded
        }
        /// Open on the day, or ticked after it: read in place (`any`).
        func changesOnTheDay(_ m: UnsafePointer<Milestone>, phaseEnded: Bool) -> Bool {
            let (done, doneOn, doneAt) = (m.pointee.done, m.pointee.doneOn, m.pointee.doneAt)
            return stillOpen(done, doneOn, doneAt, phaseEnded: phaseEnded) || tickedLater(done, doneOn, doneAt)
        }
        /// A tick written after the day, of a result achieved by then (`tick --on` a day before):
        /// counted, but who ticked it when is not yet written on the day.
        func tickedLater(_ m: Milestone) -> Bool { tickedLater(m.done, m.doneOn, m.doneAt) }
        func tickedLater(_ done: Bool, _ doneOn: CalendarDate?, _ doneAt: String?) -> Bool { done && doneOn != nil && later(doneAt) }
        /// Added to the record after the day.
        func addedLater(_ m: Milestone) -> Bool { later(m.addedAt) }
        /// Whether a milestone passes `test`, each read in place, field by field: a milestone
        /// passed whole is copied, and at 900,000 the retains of their texts were most of this
        /// function.
        func any(_ milestones: [Milestone], _ test: (UnsafePointer<Milestone>) -> Bool) -> Bool {
            milestones.withUnsafeBufferPointer { buffer in
                guard let first = buffer.baseAddress else { return false }
                return buffer.indices.contains { test(first + $0) }
            }
        }
        // Only a list with a milestone that changes is written: the others stay shared with the
        // record, not copied (at 900,000 milestones, a copy was a fifth of a report).
        func open(_ milestones: inout [Milestone], phaseEnded: Bool) {
            for m in milestones.indices {
                if stillOpen(milestones[m], phaseEnded: phaseEnded) {
                    milestones[m].done = false; milestones[m].doneAt = nil; milestones[m].doneBy = nil; milestones[m].doneOn = nil
                } else if tickedLater(milestones[m]) {
                    milestones[m].doneAt = nil; milestones[m].doneBy = nil
                }
            }
        }
        for p in copy.phases.indices where any(copy.phases[p].milestones, { later($0.pointee.addedAt) }) {
            copy.phases[p].milestones.removeAll(where: addedLater)
        }
        for c in copy.countries.indices where any(copy.countries[c].milestones, { later($0.pointee.addedAt) }) {
            copy.countries[c].milestones.removeAll(where: addedLater)
        }
        /// A move of a date made after the day, or a note written after it.
        func movedLater(_ m: Milestone) -> Bool { movedLater(m.dueChanges, m.notes) }
        func movedLater(_ changes: [DateChange], _ notes: [MilestoneNote]) -> Bool {
            changes.last.map { later($0.at) } == true || notes.contains { later($0.at) }
        }
        func unmove(_ milestones: inout [Milestone]) {
            for m in milestones.indices where movedLater(milestones[m]) {
                let (due, planned, changes) = Programme.replayedBack(milestones[m].due, milestones[m].plannedDue, milestones[m].dueChanges, later: later)
                milestones[m].due = due; milestones[m].plannedDue = planned; milestones[m].dueChanges = changes
                milestones[m].notes.removeAll { later($0.at) }
            }
        }
        for p in copy.phases.indices {
            if any(copy.phases[p].milestones, { movedLater($0.pointee.dueChanges, $0.pointee.notes) }) { unmove(&copy.phases[p].milestones) }
            if copy.phases[p].endChanges.last.map({ later($0.at) }) == true {
                let phase = copy.phases[p]
                let (end, planned, changes) = Programme.replayedBack(phase.end, phase.plannedEnd, phase.endChanges, later: later)
                if let end { copy.phases[p].end = end }
                copy.phases[p].plannedEnd = planned; copy.phases[p].endChanges = changes
            }
            if let actual = copy.phases[p].actualEnd, actual.firstOrdinal > end { copy.phases[p].actualEnd = nil }
        }
        for c in copy.countries.indices where any(copy.countries[c].milestones, { movedLater($0.pointee.dueChanges, $0.pointee.notes) }) {
            unmove(&copy.countries[c].milestones)
        }
        for p in copy.phases.indices {
            let over = ended[copy.phases[p].number] ?? true
            if any(copy.phases[p].milestones, { changesOnTheDay($0, phaseEnded: over) }) {
                open(&copy.phases[p].milestones, phaseEnded: over)
            }
        }
        for c in copy.countries.indices {
            let began = started[copy.countries[c].phase] ?? true
            let over = ended[copy.countries[c].phase] ?? true
            if any(copy.countries[c].milestones, { changesOnTheDay($0, phaseEnded: over) }) {
                open(&copy.countries[c].milestones, phaseEnded: over)
            }
            // Dated values as they stood on the day: the changes after it taken back, newest first.
            func dayOf(_ change: FieldChange) -> Int { change.day(in: timeZone)?.firstOrdinal ?? Int.min }
            let (stages, stage) = FieldChange.asOf(copy.countries[c].stageChanges, dayOf: dayOf, end: end)
            if let stage {
                copy.countries[c].stageChanges = stages
                copy.countries[c].stage = stage.value.flatMap(NUPStage.init)
                copy.countries[c].stageBasis = stage.basis
            }
            for j in copy.countries[c].policies.indices {
                let (kept, status) = FieldChange.asOf(copy.countries[c].policies[j].statusChanges, dayOf: dayOf, end: end)
                if let status {
                    copy.countries[c].policies[j].statusChanges = kept
                    if let old = status.value.flatMap(PolicyDocument.Status.init) { copy.countries[c].policies[j].status = old }
                }
                if let adopted = copy.countries[c].policies[j].adoptedOn, adopted.firstOrdinal > end { copy.countries[c].policies[j].adoptedOn = nil }
            }
            for j in copy.countries[c].projects.indices {
                let (kept, reached) = FieldChange.asOf(copy.countries[c].projects[j].peopleReachedChanges, dayOf: dayOf, end: end)
                if let reached {
                    copy.countries[c].projects[j].peopleReachedChanges = kept
                    copy.countries[c].projects[j].peopleReached = reached.value.flatMap { Int($0) }
                }
            }
            if !began {
                // Before its phase, a country had no stage in the programme, no policy it supported
                // (the record dates no policy's status: "adopted" as of 2016 would overstate) and no
                // results yet.
                for j in copy.countries[c].projects.indices { copy.countries[c].projects[j].peopleReached = nil }
                copy.countries[c].stage = nil
                copy.countries[c].stageBasis = nil
                copy.countries[c].policies = []
            }
        }
        // Results: actuals and SDG 11.a.1 assessments dated (or written) after the day are left out.
        if !copy.indicators.isEmpty { copy.indicators = copy.indicators.map { $0.asOf(day, writtenLater: later) } }
        for c in copy.countries.indices where !copy.countries[c].indicators.isEmpty || !copy.countries[c].sdg11a1.isEmpty {
            copy.countries[c].indicators = copy.countries[c].indicators.map { $0.asOf(day, writtenLater: later) }
            copy.countries[c].sdg11a1.removeAll { $0.date.firstOrdinal > end }
        }
        copy.events = events.filter { $0.date.firstOrdinal <= end }
        return copy
    }

    /// A planned date as it stood before the moves `later` says were made after the day: each
    /// such move undone, newest first; the first plan forgotten when no move is left.
    static func replayedBack(_ date: CalendarDate?, _ planned: CalendarDate?, _ changes: [DateChange],
                             later: (String?) -> Bool) -> (CalendarDate?, CalendarDate?, [DateChange]) {
        guard let first = changes.firstIndex(where: { later($0.at) }) else { return (date, planned, changes) }
        let kept = Array(changes[..<first])
        return (changes[first].from, kept.isEmpty ? nil : planned, kept)
    }

    /// The day a done milestone was achieved, when the record gives one: the day the officer
    /// said (`doneOn`), else the day of its tick in `timeZone`; nil when it gives neither.
    public static func achievedDay(_ m: Milestone, in timeZone: TimeZone) -> CalendarDate? {
        m.doneOn ?? m.doneAt.flatMap { Moment.day($0, in: timeZone) }
    }
}
