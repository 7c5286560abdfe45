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

    /// `changes` as they stood on the day `end` (an ordinal): those that count from a later day
    /// taken back. The changes are read in the order of their days, not of the list: two officers'
    /// changes merged, or a day given late, can stand out of it (on one day, the list's order
    /// holds). `value` is nil when nothing is taken back (the value stands as it is); else the
    /// value then, with its basis: the last kept change's, or before them all the first's `from`.
    static func asOf(_ changes: [FieldChange], dayOf: (FieldChange) -> Int, end: Int)
        -> (kept: [FieldChange], value: (value: String?, basis: String?)?) {
        let kept = changes.filter { dayOf($0) <= end }
        guard kept.count < changes.count else { return (changes, nil) }
        let ordered = changes.enumerated().sorted { (dayOf($0.element), $0.offset) < (dayOf($1.element), $1.offset) }.map(\.element)
        if let last = ordered.last(where: { dayOf($0) <= end }) { return (kept, (last.to, last.basis)) }
        return (kept, (ordered[0].from, ordered[0].fromBasis))
    }
}
