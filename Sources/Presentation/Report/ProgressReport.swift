import Foundation
import Model
/// The programme progress report that goes to the donor, as plain data.
///
/// Built once from the programme and a day; the formats (Markdown, CSV, JSON) only render it.
/// Its JSON form is the documented, stable report schema (`reportVersion` 3).
public struct ProgressReport: Codable, Equatable, Sendable {
    public struct Tally: Codable, Equatable, Sendable {
        public var done: Int
        public var total: Int
        public var percent: Int
        public var overdue: Int
    }

    public struct MilestoneLine: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        /// "done", "open" or "overdue".
        public var status: String
        public var due: String?
        public var doneAt: String?
        public var doneBy: String?
        public var note: String?
        /// A link or a document reference that shows it was achieved.
        public var evidence: String?
        /// Achieved on a day the record does not give: the end of the period it is known by (its
        /// phase's end, "2022"), from which an as-of report counts it (open before, done after).
        public var knownBy: String?
        /// The day it was achieved, as the officer gave it (`tick --on`).
        public var doneOn: String?
        /// The due as first planned, when it moved.
        public var plannedDue: String?
        /// Days from the first planned due to the due now (open) or the day achieved (done);
        /// given when the due moved or the day achieved is known.
        public var slipDays: Int?
        /// The moves of the due, oldest first; absent when it never moved.
        public var dueChanges: [DateChangeLine]?
        /// Notes and evidence written with who and when, oldest first (`note` and `evidence`
        /// are the record's undated ones); absent when there are none.
        public var notes: [NoteLine]?
        /// The phase of the NUP process it belongs to (a template's item), where it has one.
        public var stage: String? = nil
    }

    /// A dated note or piece of evidence.
    public struct NoteLine: Codable, Equatable, Sendable {
        public var text: String
        /// "note" or "evidence".
        public var kind: String
        public var by: String
        /// ISO 8601, as the store has it.
        public var at: String
    }

    public struct CountryLine: Codable, Equatable, Sendable {
        public var id: String
        public var name: String
        /// The name the record gives as official ("Islamic Republic of Iran"), when it gives one.
        public var officialName: String?
        /// What the record says the NUP stage rests on.
        public var stageBasis: String?
        /// The record's notes on the country.
        public var notes: String?
        public var scope: String
        public var stage: String?
        public var progress: Tally
        public var policies: [PolicyLine]
        public var projects: [ProjectLine]
        public var peopleReached: Int
        public var funding: [String]
        public var milestones: MilestoneLineList
        /// The government's ministries or offices the programme works with there (none: nil).
        public var counterparts: [CounterpartLine]? = nil
        /// Its budgets and expenditures, per currency (none recorded: nil, and no key in the JSON).
        public var budget: [FundingSummary]? = nil
        /// Where its checklist puts it (milestones with a stage), when that is not `stage`.
        public var checklistStage: String? = nil
    }

    public struct PhaseLine: Codable, Equatable, Sendable {
        public var number: Int
        /// "Phase 2 (2022-11–2026-11)": what headings and tables show; the title is given once.
        public var label: String
        public var title: String
        public var period: String
        public var progress: Tally
        public var peopleReached: Int
        public var milestones: MilestoneLineList
        public var countries: [CountryLine]
        /// The phase's own budgets and expenditures (not a country's), per currency; nil when none.
        public var budget: [FundingSummary]? = nil
        /// When the phase was launched ("2022-06"), and what the record says of it (WUF11).
        public var launch: String?
        public var launchNote: String?
        /// When implementation began ("2022-11").
        public var implementationStart: String?
        /// The end as first planned, when it moved; the actual end, once recorded.
        public var plannedEnd: String?
        public var actualEnd: String?
    }

    public struct EventLine: Codable, Equatable, Sendable {
        public var date: String
        public var title: String
        public var participants: Int?
        /// What the record says of it.
        public var summary: String?
    }

    public var reportVersion: Int
    public var programme: String
    public var shortName: String
    /// The programme in the record's words.
    public var summary: String?
    public var goals: [GoalLine]
    public var asOf: String
    public var progress: Tally
    public var peopleReached: Int
    public var phases: [PhaseLine]
    public var events: [EventLine]
    public var partners: [String]
    public var publications: [PublicationLine]
    public var contacts: [ContactLine]
    public var prospectiveCountries: [ProspectLine]
    /// The start of the reporting period (`--from`), when one was asked for; `asOf` is its end.
    public var from: String?
    /// Where the record as of the day was read, when not the store as it is now: "the store's
    /// git history at the end of 2025-06-30 (commit abc1234)".
    public var recordSource: String?
    /// True when the report is of a day before today, read from the record as it is now: the
    /// record's undated notes and evidence (`note`, `evidence`) may have been written after the
    /// day, and are shown as undated. Absent otherwise.
    public var undatedMayBeLater: Bool?
    /// The zone the report's days are cut in (the officer's): "Asia/Seoul (UTC+09:00)". Its
    /// moments (`doneAt`, a change's `moment`) stay in UTC, as the store has them.
    public var timeZone: String?

    /// Planned against actual: the milestones off their first plan, latest first (`Slippage`),
    /// for the Markdown and HTML tables; not in the JSON, whose milestones carry the same facts
    /// (`plannedDue`, `slipDays`, `dueChanges`). Made only when asked for (`withSlippage`).
    public var slippage: [SlippageLine] = []
    /// The phases whose end moved or has an actual end.
    public var phaseEnds: [PhaseEndLine]

    /// Every key of the JSON form (the Slippage table is not one).
    enum CodingKeys: String, CodingKey {
        case reportVersion, programme, shortName, summary, goals, asOf, progress, peopleReached, phases, events, partners,
             publications, contacts, prospectiveCountries, from, recordSource, undatedMayBeLater, timeZone, phaseEnds, changes,
             indicators, sdg11a1
    }

    /// The indicators, the programme's first, with their values as of the day (`ProgressReport+Results.swift`).
    public var indicators: [IndicatorLine]
    /// SDG 11.a.1 for every country as of the day.
    public var sdg11a1: SDGSection

    /// Changes to the record in the reporting period (`--since`), newest first; absent otherwise.
    public var changes: ChangesSection?

    public struct ChangesSection: Codable, Equatable, Sendable {
        public var since: String
        /// Where the history was read: "git" or "tick records".
        public var source: String
        public var items: [ChangeLine]
    }

    public struct ChangeLine: Codable, Equatable, Sendable {
        /// ISO 8601 UTC.
        public var moment: String
        public var officer: String
        /// tick, untick, add, edit, remove, notes.
        public var kind: String
        public var id: String
        public var title: String
        public var details: [String]
    }

    /// Adds the changes of the reporting period (already filtered to it).
    public mutating func addChanges(since: CalendarDate, source: String, _ entries: [(moment: String, officer: String, change: RecordChange)]) {
        changes = ChangesSection(since: since.description, source: source, items: entries.map {
            ChangeLine(moment: $0.moment, officer: $0.officer, kind: $0.change.kind.rawValue, id: $0.change.id,
                       title: $0.change.title, details: $0.change.details)
        })
    }

    /// The report of `record` as it stood at the end of `today` in `timeZone` (`Programme.asOf`:
    /// later ticks open, later events left out), optionally for the period from `from`.
    public init(programme record: Programme, asOf today: CalendarDate, from: CalendarDate? = nil, timeZone: TimeZone = .current,
                withSlippage: Bool = true) {
        let p = record.asOf(today, in: timeZone)
        self.from = from?.description
        self.timeZone = MomentFormat.zone(timeZone)
        // Each list of milestones counted once; a phase's and the programme's figures are sums
        // of them (no list of all the programme's milestones made to be counted).
        let countryTallies = p.countries.map { MilestoneTally($0.milestones, today: today) }
        let phaseTallies = p.phases.map { MilestoneTally($0.milestones, today: today) }
        func tally(_ t: MilestoneTally) -> Tally {
            Tally(done: t.progress.done, total: t.progress.total, percent: t.progress.percent, overdue: t.overdue)
        }
        // The end the undated achievements are known by: as the record stood before any move after
        // the day (`record`'s phases, the same `asOf` decides by), the earlier of planned and now.
        let phaseEnds = Dictionary(record.phases.map { ($0.number, $0.knownByEnd.description) }, uniquingKeysWith: { a, _ in a })
        // Achieved on a day the record does not give (a valid store's moments all read): those the
        // day is before the end of their period are open in `p`, and said to be achieved all the same.
        var undated = Set<String>()
        for list in record.phases.map(\.milestones) + record.countries.map(\.milestones) {
            for i in list.indices where list[i].done && list[i].doneAt == nil && list[i].doneOn == nil { undated.insert(list[i].id) }
        }
        // A milestone's line is made where it is read (`MilestoneLineList`): the JSON writer makes
        // a long list's lines on two cores as it writes them.
        func lines(_ milestones: [Milestone], phase: Int) -> MilestoneLineList {
            MilestoneLineList(milestones, Maker(today: today, timeZone: timeZone, undated: undated, knownBy: phaseEnds[phase]))
        }
        func countryLine(_ place: Int) -> CountryLine {
            let c = p.countries[place]
            var line = CountryLine(id: c.id, name: c.name, officialName: c.officialName, stageBasis: c.stageBasis,
                        notes: c.notes.isEmpty ? nil : c.notes, scope: c.scope.label, stage: c.stage?.label,
                        progress: tally(countryTallies[place]),
                        policies: c.policies.map { PolicyLine(title: $0.title, status: $0.status.label, note: $0.note) },
                        projects: c.projects.map { ProjectLine(title: $0.title, peopleReached: $0.peopleReached) },
                        peopleReached: c.peopleReached, funding: c.funding, milestones: lines(c.milestones, phase: c.phase),
                        checklistStage: c.checklistStage.flatMap { $0 == c.stage ? nil : $0.label })
            let money = FundingSummary.of(p.budgets.filter { $0.country == c.id }, p.expenditures.filter { $0.country == c.id }, asOf: today)
            line.budget = money.isEmpty ? nil : money
            line.counterparts = c.counterparts.isEmpty ? nil : c.counterparts.map { CounterpartLine(name: $0.name, role: $0.role.rawValue) }
            return line
        }
        reportVersion = 3
        (indicators, sdg11a1) = ProgressReport.results(p, asOf: today)
        programme = p.name
        shortName = p.shortName
        summary = p.summary.isEmpty ? nil : p.summary
        goals = p.goals.map { GoalLine(title: $0.title, detail: $0.detail) }
        asOf = today.description
        progress = tally((phaseTallies + countryTallies).reduce(.none, +))
        peopleReached = p.peopleReached
        phases = p.phases.enumerated().map { place, phase in
            let countries = p.countries.indices.filter { p.countries[$0].phase == phase.number }
            // "Phase 2 (2022–2026-11, expected)": no brackets inside brackets.
            let period = phase.periodLabel.replacingOccurrences(of: " (expected)", with: ", expected")
            var line = PhaseLine(number: phase.number, label: "Phase \(phase.number) (\(period))", title: phase.title,
                             period: phase.periodLabel,
                             progress: tally(countries.map { countryTallies[$0] }.reduce(phaseTallies[place], +)),
                             peopleReached: p.peopleReached(phase: phase.number),
                             milestones: lines(phase.milestones, phase: phase.number),
                             countries: countries.map(countryLine),
                             launch: phase.launch?.description, launchNote: phase.launchNote,
                             implementationStart: phase.implementationStart?.description,
                             plannedEnd: phase.plannedEnd?.description, actualEnd: phase.actualEnd?.description)
            let money = FundingSummary.of(p.budgets.filter { $0.phase == phase.number && $0.country == nil },
                                          p.expenditures.filter { $0.phase == phase.number && $0.country == nil }, asOf: today)
            line.budget = money.isEmpty ? nil : money
            return line
        }
        if withSlippage { slippage = Slippage.lines(p, today: today, timeZone: timeZone) }
        self.phaseEnds = Slippage.phases(p)
        events = p.events.sorted { $0.date < $1.date }.map {
            EventLine(date: $0.date.description, title: $0.title, participants: $0.participants,
                      summary: $0.summary.isEmpty ? nil : $0.summary)
        }
        partners = p.partners.map(\.name)
        publications = p.publications.map { PublicationLine(title: $0.title, summary: $0.summary, year: $0.year, link: $0.link) }
        contacts = p.contacts.map { ContactLine(name: $0.name, title: $0.title, unit: $0.unit) }
        prospectiveCountries = p.prospectiveCountries.map { ProspectLine(name: $0.name, note: $0.note) }
    }
}

extension ProgressReport.NoteLine {
    /// "2026-03-15T01:30:00Z Amina: Final report filed", "… Amina (evidence): https://…".
    static func write(_ w: inout JSONWriter, _ n: ProgressReport.NoteLine) {
        w.object { w in w.field("at", n.at); w.field("by", n.by); w.field("kind", n.kind); w.field("text", n.text) }
    }

    public static func sentence(_ n: ProgressReport.NoteLine) -> String {
        "\(n.at) \(n.by)" + (n.kind == "evidence" ? " (evidence)" : "") + ": " + n.text
    }
}
