import Foundation

/// One move of a planned date (a milestone's due, a phase's end): from what, to what, when,
/// by whom and why. The record keeps them oldest first, so the date as planned on any day can
/// be read back (`Programme.asOf`), and the first plan is kept beside it (`plannedDue`,
/// `plannedEnd`).
public struct DateChange: Hashable, Sendable {
    /// The date before the move; nil when there was none.
    public var from: CalendarDate?
    /// The date after it; nil when the date was taken away.
    public var to: CalendarDate?
    /// The moment of the move (ISO 8601, as `Milestone.doneAt`).
    public var at: String
    /// The officer who moved it.
    public var by: String
    /// Why, in the officer's words; nil when none was given.
    public var reason: String?

    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(from: CalendarDate?, to: CalendarDate?, at: String, by: String, reason: String? = nil) {
        self.from = from; self.to = to; self.at = at; self.by = by; self.reason = reason
    }
}

/// Who moves a date, when, and why: what an edit that moves one records with it.
public struct DateMove: Hashable, Sendable {
    public var by: String
    public var at: String
    public var reason: String?

    public init(by: String, at: String, reason: String? = nil) {
        self.by = by; self.at = at
        let trimmed = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        self.reason = trimmed?.isEmpty == false ? trimmed : nil
    }
}

extension DateMove {
    /// The change this move makes of a planned date `old` (the current one) to `new`, and the
    /// first plan to keep: `planned` as it was, else `old` the first time the date moves.
    /// nil when nothing moves.
    func change(from old: CalendarDate?, to new: CalendarDate?, planned: CalendarDate?) -> (DateChange, planned: CalendarDate?)? {
        guard old != new else { return nil }
        return (DateChange(from: old, to: new, at: at, by: by, reason: reason), planned ?? old)
    }
}
