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
    var overdue: [MilestoneEntry] = []
    var dueNext: [MilestoneEntry] = []
    var entries: [MilestoneEntry] = []
    var timelineRows: [TimelineRow] = []

    init() {}

    init(programme: Programme, today: CalendarDate) {
        entries = programme.milestoneEntries
        for country in programme.countries {
            countries[country.id] = MilestoneTally(country.milestones, today: today)
        }
        for phase in programme.phases { phaseProgress[phase.number] = programme.progress(phase: phase.number) }
        for phase in programme.phases { peopleReached[phase.number] = programme.peopleReached(phase: phase.number) }
        totalPeopleReached = programme.peopleReached
        programmeProgress = MilestoneProgress.of(entries.map(\.milestone))
        overdue = entries.overdue(today: today)
        dueNext = entries.dueNext(today: today)
        timelineRows = TimelineRow.rows(for: programme, today: today)
    }
}
