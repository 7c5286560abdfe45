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
    public var note: String? {
        get { rare?.value.note }
        set { if newValue != nil || rare != nil { update { $0.note = newValue } } }
    }
    /// A link or a document reference that shows it was achieved, undated as `note`.
    public var evidence: String? {
        get { rare?.value.evidence }
        set { if newValue != nil || rare != nil { update { $0.evidence = newValue } } }
    }
    /// Notes and evidence written since, each with who and when, oldest first (`tick --note`,
    /// `knupp note`, `n` in the front).
    public var notes: [MilestoneNote] {
        get { rare?.value.notes ?? [] }
        set { if !newValue.isEmpty || rare != nil { update { $0.notes = newValue } } }
    }
    /// The day it was achieved, when the officer gave one (`knupp tick ID --on DAY`): what an
    /// "as of" report counts it from, rather than the day it was ticked. Never after the tick.
    public var doneOn: CalendarDate? {
        get { rare?.value.doneOn }
        set { if newValue != nil || rare != nil { update { $0.doneOn = newValue } } }
    }
    /// When it was added to the record (the moment, as `doneAt`), where knupp added it: an "as of"
    /// report of an earlier day leaves it out. Absent for what the record held from the start.
    public var addedAt: String? {
        get { rare?.value.addedAt }
        set { if newValue != nil || rare != nil { update { $0.addedAt = newValue } } }
    }
    /// The due as first planned, kept the first time the due moves; nil while it never has.
    public var plannedDue: CalendarDate? {
        get { rare?.value.plannedDue }
        set { if newValue != nil || rare != nil { update { $0.plannedDue = newValue } } }
    }
    /// Every move of the due, oldest first (`knupp due`, the form).
    public var dueChanges: [DateChange] {
        get { rare?.value.dueChanges ?? [] }
        set { if !newValue.isEmpty || rare != nil { update { $0.dueChanges = newValue } } }
    }
    /// The phase of the NUP process it belongs to, where it is one (a template's item).
    public var stage: NUPStage? {
        get { rare?.value.stage }
        set { if newValue != nil || rare != nil { update { $0.stage = newValue } } }
    }
    /// The template item it is, where it was added from (or linked to) a template.
    public var template: TemplateRef? {
        get { rare?.value.template }
        set { if newValue != nil || rare != nil { update { $0.template = newValue } } }
    }
    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] {
        get { rare?.value.unknownFields ?? [:] }
        set { if !newValue.isEmpty || rare != nil { update { $0.unknownFields = newValue } } }
    }

    /// What most milestones leave empty, held by reference: one word in every milestone, nil
    /// when all of it is empty. Inline, these fields made each of 900,000 milestones 88 bytes
    /// larger (168 bytes, not 80) whether it held any of them or not. The box is never changed,
    /// so a milestone stays a value: a change makes a new box (`update`).
    private var rare: RareBox?

    /// The fields `rare` holds, empty as a milestone starts.
    struct Rare: Hashable, Sendable {
        var note: String?
        var evidence: String?
        var notes: [MilestoneNote] = []
        var doneOn: CalendarDate?
        var addedAt: String?
        var plannedDue: CalendarDate?
        var dueChanges: [DateChange] = []
        var stage: NUPStage?
        var template: TemplateRef?
        var unknownFields: [String: JSONValue] = [:]

        /// All empty, as a milestone starts.
        var isEmpty: Bool {
            note == nil && evidence == nil && notes.isEmpty && doneOn == nil && addedAt == nil && plannedDue == nil
                && dueChanges.isEmpty && stage == nil && template == nil && unknownFields.isEmpty
        }
    }

    /// `Rare` by reference, compared and hashed by its value.
    final class RareBox: Hashable, Sendable {
        let value: Rare
        init(_ value: Rare) { self.value = value }
        static func == (a: RareBox, b: RareBox) -> Bool { a === b || a.value == b.value }
        func hash(into hasher: inout Hasher) { hasher.combine(value) }
    }

    /// Changes one of the rare fields: a new box, or none when they are all empty again (so a
    /// milestone compares equal however it came to hold nothing). The setters leave an empty
    /// value set on a milestone without a box alone: the decoder sets every field it reads.
    private mutating func update(_ change: (inout Rare) -> Void) {
        var value = rare?.value ?? Rare()
        change(&value)
        rare = value.isEmpty ? nil : RareBox(value)
    }

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
