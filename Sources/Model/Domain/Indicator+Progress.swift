import Foundation

/// What an indicator's values say: the latest actual, the target aimed at, the progress between.
extension Indicator {
    /// Unit and percentage take numbers and measure progress; nominal, ordinal and qualitative do not.
    public var isNumeric: Bool { measure == .unit || measure == .percentage }

    /// The latest actual dated on or before `day` (the whole of a month or year given as its date
    /// must be over); nil when none is.
    public func latestActual(asOf day: CalendarDate) -> IndicatorValue? {
        actuals.filter { $0.date.lastOrdinal <= day.lastOrdinal }.max { $0.date < $1.date }
    }

    /// The target aimed at: the last one the record sets (a target is a plan, known before its day).
    public var target: IndicatorValue? { targets.max { $0.date < $1.date } }

    /// (actual − baseline) / (target − baseline), inverted when less is better; nil for a measure
    /// that is not a number, or without a baseline, a target or an actual as of `day`, or when the
    /// target is the baseline. 0.5 is half way; below 0 is worse than the baseline.
    public func progress(asOf day: CalendarDate) -> Double? {
        guard isNumeric, let base = baseline.flatMap({ IndicatorValue.decimal($0.value) }),
              let goal = target.flatMap({ IndicatorValue.decimal($0.value) }),
              let now = latestActual(asOf: day).flatMap({ IndicatorValue.decimal($0.value) }), goal != base else { return nil }
        // (now − base) / (goal − base) is the same ascending or not: a descending indicator's
        // target is below its baseline, so both differences change sign together.
        let fraction = (now - base) / (goal - base)
        return NSDecimalNumber(decimal: fraction).doubleValue
    }

    /// The indicator as it stood at the end of `day`: actuals dated after it (a month or a year
    /// not yet over on it, too: `latestActual`), or written after it, left out.
    func asOf(_ day: CalendarDate, writtenLater: (String?) -> Bool) -> Indicator {
        var copy = self
        copy.actuals.removeAll { $0.date.lastOrdinal > day.lastOrdinal || writtenLater($0.at) }
        return copy
    }
}

extension IndicatorValue {
    /// A value as the file writes it: a decimal number, "12", "-3", "4.5" (no exponent, no
    /// grouping, no sign but a leading minus); nil when it is not one.
    public static func decimal(_ text: String?) -> Decimal? {
        guard let text, isDecimal(text) else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// Digits, with a leading minus and one decimal point between digits at most.
    public static func isDecimal(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
        // Far past any figure a record holds, and what a decimal keeps exactly (38 digits).
        return rest.count <= 30
    }

    /// Why this value cannot be one of an indicator measured so; nil when it can.
    public func problem(measure: Indicator.Measure) -> String? {
        switch measure {
        case .unit, .percentage:
            guard let value else { return "a \(measure.rawValue) indicator's value is a number: give one (e.g. 12 or 4.5)" }
            guard IndicatorValue.isDecimal(value) else { return "“\(value)” is not a number: write it as 12, 4.5 or -3 (no units, no commas)" }
        case .nominal, .ordinal:
            if let value, !IndicatorValue.isDecimal(value) { return "“\(value)” is not a number: a \(measure.rawValue) value is a code number" }
        case .qualitative:
            if value != nil { return "a qualitative indicator takes no value: say it in the comment" }
            if (comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return "a qualitative indicator's value is its comment: give one"
            }
        }
        return nil
    }

    /// The value as read: the number and, for a percentage, its sign; a qualitative one's comment.
    public var shown: String {
        if let value { return value }
        return comment ?? ""
    }
}
