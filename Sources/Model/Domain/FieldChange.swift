import Foundation

/// One change of a value that has a day of its own: a country's NUP stage, a policy's status, a
/// project's people reached. From what, to what (as the file writes them), on which day it
/// happened (the policy's approval, say: not the day it was typed), on what basis, and who wrote
/// it when. Kept oldest first beside the value, so the value on any day can be read back
/// (`Programme.asOf`: the stage matrix as of a day, the people reached by then, SDG 11.a.1's
/// "developing or implementing").
public struct FieldChange: Hashable, Sendable {
    public var from: String?
    public var to: String?
    /// The day the value changed; nil when the officer did not say (then the day it was written).
    public var on: CalendarDate?
    /// What in the record the new value rests on, and what the one before rested on (a stage's basis).
    public var basis: String?
    public var fromBasis: String?
    /// The moment it was written (ISO 8601) and the officer who wrote it.
    public var at: String
    public var by: String

    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(from: String?, to: String?, on: CalendarDate? = nil, basis: String? = nil, fromBasis: String? = nil, at: String, by: String) {
        self.from = from; self.to = to; self.on = on; self.basis = basis; self.fromBasis = fromBasis; self.at = at; self.by = by
    }

    /// The day it counts from in `timeZone`: `on`, else the day it was written.
    public func day(in timeZone: TimeZone) -> CalendarDate? { on ?? Moment.day(at, in: timeZone) }

    /// `changes` as they stood on a day: those `after` says came later taken back, newest first;
    /// the first of those taken back holds the value as it was (its `from`).
    static func asOf(_ changes: [FieldChange], after: (FieldChange) -> Bool) -> (kept: [FieldChange], firstUndone: FieldChange?) {
        var kept = changes
        var first: FieldChange?
        while let last = kept.last, after(last) {
            first = last
            kept.removeLast()
        }
        return (kept, first)
    }
}
