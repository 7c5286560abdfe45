/// Something to be achieved, ticked off by an officer when it is.
public struct Milestone: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    /// When it is due, as precisely as known; nil when the record gives no date.
    public var due: CalendarDate?
    public var done: Bool
    /// The moment it was ticked, ISO 8601 UTC; nil when unknown (the sample's achievements).
    public var doneAt: String?
    /// Who ticked it.
    public var doneBy: String?
    /// The note the record holds undated (the sample's, older knupps', the edit form's).
    public var note: String?
    /// A link or a document reference that shows it was achieved, undated as `note`.
    public var evidence: String?
    /// Notes and evidence written since, each with who and when, oldest first (`tick --note`,
    /// `knupp note`, `n` in the front).
    public var notes: [MilestoneNote] = []
    /// The day it was achieved, when the officer gave one (`knupp tick ID --on DAY`): what an
    /// "as of" report counts it from, rather than the day it was ticked. Never after the tick.
    public var doneOn: CalendarDate?
    /// When it was added to the record (the moment, as `doneAt`), where knupp added it: an "as of"
    /// report of an earlier day leaves it out. Absent for what the record held from the start.
    public var addedAt: String?
    /// The due as first planned, kept the first time the due moves; nil while it never has.
    public var plannedDue: CalendarDate?
    /// Every move of the due, oldest first (`knupp due`, the form).
    public var dueChanges: [DateChange] = []
    /// The phase of the NUP process it belongs to, where it is one (a template's item).
    public var stage: NUPStage? {
        get { processBox?.stage }
        set { processBox = TemplateBox(stage: newValue, template: template) }
    }
    /// The template item it is, where it was added from (or linked to) a template.
    public var template: TemplateRef? {
        get { processBox?.template }
        set { processBox = TemplateBox(stage: stage, template: newValue) }
    }
    /// Both held by reference, one word in every milestone: inline, they made each of 900,000
    /// milestones 64 bytes larger whether marked or not (the front's peak on that store went past
    /// three times the file). The box is never changed, so a milestone stays a value.
    private var processBox: TemplateBox?

    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(id: String, title: String, due: CalendarDate? = nil, done: Bool = false,
                doneAt: String? = nil, doneBy: String? = nil, note: String? = nil, evidence: String? = nil) {
        self.id = id; self.title = title; self.due = due; self.done = done
        self.doneAt = doneAt; self.doneBy = doneBy; self.note = note; self.evidence = evidence
    }

    /// Open and due before `today` (a month-precise due counts until the month is over).
    public func isOverdue(today: CalendarDate) -> Bool {
        guard !done, let due else { return false }
        return due.lastOrdinal < today.firstOrdinal
    }

    /// Open, not yet overdue, with a due date: among the "due next".
    public func isDueNext(today: CalendarDate) -> Bool { !done && !isOverdue(today: today) && due != nil }

    /// Where a milestone stands on a given day.
    public func status(today: CalendarDate) -> MilestoneStatus {
        done ? .done : (isOverdue(today: today) ? .overdue : .open)
    }
}
