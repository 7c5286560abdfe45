/// A calendar date as precise as the record knows it: a year, a month, or a day.
///
/// The source often gives only "2017-2022" or "November 2026"; storing what is known,
/// and no more, keeps the sample faithful. In the file it is `"YYYY"`, `"YYYY-MM"` or
/// `"YYYY-MM-DD"`.
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Precision: Int, Sendable { case year, month, day }

    public let year: Int
    public let month: Int?
    public let day: Int?

    public var precision: Precision {
        day != nil ? .day : (month != nil ? .month : .year)
    }

    /// A full day; nil when the month or day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// A month; nil when the month does not exist.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year; self.month = month; self.day = nil
    }

    /// A year.
    public init?(year: Int) {
        guard (1...9999).contains(year) else { return nil }
        self.year = year; self.month = nil; self.day = nil
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil for anything else or a day that does not exist.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts[0].count == 4, parts.dropFirst().allSatisfy({ $0.count == 2 }),
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count else { return nil }
        switch numbers.count {
        case 1: self.init(year: numbers[0])
        case 2: self.init(year: numbers[0], month: numbers[1])
        default: self.init(year: numbers[0], month: numbers[1], day: numbers[2])
        }
    }

    public var description: String {
        var text = String(format: "%04d", year)
        if let month { text += String(format: "-%02d", month) }
        if let day { text += String(format: "-%02d", day) }
        return text
    }

    /// The first day this date covers, as days since 1970-01-01.
    public var firstOrdinal: Int {
        CalendarDate.ordinal(year: year, month: month ?? 1, day: day ?? 1)
    }

    /// The last day this date covers, as days since 1970-01-01.
    ///
    /// Something due "in November 2026" is overdue only once November is over.
    public var lastOrdinal: Int {
        let lastMonth = month ?? 12
        return CalendarDate.ordinal(year: year, month: lastMonth,
                                    day: day ?? CalendarDate.daysIn(month: lastMonth, year: year))
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.firstOrdinal, lhs.precision.rawValue) < (rhs.firstOrdinal, rhs.precision.rawValue)
    }

    /// The day for an ordinal (days since 1970-01-01).
    public static func fromOrdinal(_ ordinal: Int) -> CalendarDate {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return CalendarDate(validYear: y, month: m, day: d)
    }

    private init(validYear: Int, month: Int, day: Int) {
        self.year = validYear; self.month = month; self.day = day
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
