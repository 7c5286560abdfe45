/// One phase of the programme: its title, its period and what it set out to achieve.
public struct Phase: Hashable, Sendable, Identifiable {
    public var number: Int
    public var title: String
    public var start: CalendarDate
    public var end: CalendarDate
    /// Where and when the phase was launched, if the record says.
    public var launch: CalendarDate?
    public var launchNote: String?
    public var implementationStart: CalendarDate?
    /// True when `end` is an expectation rather than a fact.
    public var endIsExpected: Bool
    /// The end as first planned, kept the first time `end` moves; nil while it never has.
    public var plannedEnd: CalendarDate?
    /// Every move of the planned end, oldest first (`knupp phase end`).
    public var endChanges: [DateChange] = []
    /// The day (or month) the phase actually ended, once an officer records it.
    public var actualEnd: CalendarDate?
    /// Milestones of the phase as a whole (country milestones live with their country).
    public var milestones: [Milestone]

    public var id: Int { number }

    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(number: Int, title: String, start: CalendarDate, end: CalendarDate, launch: CalendarDate? = nil,
                launchNote: String? = nil, implementationStart: CalendarDate? = nil, endIsExpected: Bool = false,
                milestones: [Milestone] = [], plannedEnd: CalendarDate? = nil, endChanges: [DateChange] = [],
                actualEnd: CalendarDate? = nil) {
        self.number = number; self.title = title; self.start = start; self.end = end; self.launch = launch
        self.launchNote = launchNote; self.implementationStart = implementationStart
        self.endIsExpected = endIsExpected; self.milestones = milestones
        self.plannedEnd = plannedEnd; self.endChanges = endChanges; self.actualEnd = actualEnd
    }

    /// "2017–2022", "2022-11–2026-11 (expected)"; once its actual end is recorded, that end
    /// ("2017–2022-12").
    public var periodLabel: String {
        if let actualEnd { return "\(start)–\(actualEnd)" }
        return "\(start)–\(end)" + (endIsExpected ? " (expected)" : "")
    }
}
