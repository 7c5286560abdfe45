import Foundation

/// One change of a country's NUP stage: from what, to what, on which day it happened (the
/// policy's approval, say: not the day it was typed), on what basis, and who wrote it when. The
/// country keeps them oldest first, so the stage on any day can be read back (`Programme.asOf`:
/// the stage matrix of a report as of a day, and SDG 11.a.1's "developing or implementing").
public struct StageChange: Hashable, Sendable {
    public var from: NUPStage?
    public var to: NUPStage?
    /// The day the stage changed; nil when the officer did not say (then the day it was written).
    public var on: CalendarDate?
    /// What in the record the new stage rests on, and what the stage before rested on.
    public var basis: String?
    public var fromBasis: String?
    /// The moment it was written (ISO 8601) and the officer who wrote it.
    public var at: String
    public var by: String

    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(from: NUPStage?, to: NUPStage?, on: CalendarDate? = nil, basis: String? = nil, fromBasis: String? = nil, at: String, by: String) {
        self.from = from; self.to = to; self.on = on; self.basis = basis; self.fromBasis = fromBasis; self.at = at; self.by = by
    }

    /// The day it counts from in `timeZone`: `on`, else the day it was written.
    public func day(in timeZone: TimeZone) -> CalendarDate? { on ?? Moment.day(at, in: timeZone) }
}
