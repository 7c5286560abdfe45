import Foundation

/// How far a date came from its plan: counted in days, from the last day of the planned date
/// to the last day of the one it came to (a month-precise due counts until its month is over,
/// as overdue does). Shown in months when both dates are months, in years when both are years.
public struct Slip: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Unit: Sendable { case days, months, years }

    /// Later than planned when positive, earlier when negative.
    public var days: Int
    /// The unit it is shown in, and the count in it.
    public var unit: Unit
    public var amount: Int

    /// From the planned date to the actual one (the current due, or the day achieved).
    public init(planned: CalendarDate, actual: CalendarDate) {
        days = actual.lastOrdinal - planned.lastOrdinal
        switch (planned.precision, actual.precision) {
        case (.month, .month):
            unit = .months
            amount = (actual.year * 12 + (actual.month ?? 1)) - (planned.year * 12 + (planned.month ?? 1))
        case (.year, .year):
            unit = .years
            amount = actual.year - planned.year
        default:
            unit = .days
            amount = days
        }
    }

    /// "+4 mo", "+121 d", "-2 y"; "on plan" when it is not off by a day.
    public var description: String {
        if days == 0 && amount == 0 { return "on plan" }
        let sign = amount > 0 ? "+" : ""
        switch unit {
        case .days: return "\(sign)\(amount) d"
        case .months: return "\(sign)\(amount) mo"
        case .years: return "\(sign)\(amount) y"
        }
    }

    public static func < (a: Slip, b: Slip) -> Bool { a.days < b.days }
}

extension Milestone {
    /// How far it is from its plan: for an open milestone, its due against the first planned
    /// one; for a done one, the day achieved (the day given, else its tick's day in `timeZone`)
    /// against that plan. nil without a due, or done on a day the record does not give.
    public func slip(in timeZone: TimeZone) -> Slip? {
        guard let due else { return nil }
        let planned = plannedDue ?? due
        if done {
            guard let day = Programme.achievedDay(self, in: timeZone) else { return nil }
            return Slip(planned: planned, actual: day)
        }
        return Slip(planned: planned, actual: due)
    }

    /// True once its due has moved (the first plan is kept as `plannedDue`).
    public var dueMoved: Bool { plannedDue != nil || !dueChanges.isEmpty }
}

extension Phase {
    /// Its end, actual or expected now, against the end first planned.
    public var slip: Slip { Slip(planned: plannedEnd ?? end, actual: actualEnd ?? end) }

    /// The end of the period its undated achievements are known by: the end first planned, or
    /// the end now when it was brought forward. Moving a phase's end later does not make what it
    /// had achieved unknown until then; the earlier of the two, so a report never overstates.
    public var knownByEnd: CalendarDate {
        guard let planned = plannedEnd else { return end }
        return planned.lastOrdinal <= end.lastOrdinal ? planned : end
    }
}
