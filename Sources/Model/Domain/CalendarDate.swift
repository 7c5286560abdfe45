/// A calendar date as precise as the record knows it: a year, a month, or a day.
///
/// The source often gives only "2017-2022" or "November 2026"; storing what is known,
/// and no more, keeps the sample faithful. In the file it is `"YYYY"`, `"YYYY-MM"` or
/// `"YYYY-MM-DD"`.
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public enum Precision: Int, Sendable { case year, month, day }

    // Six bytes, not 33: a store of 900,000 milestones holds two dates a milestone (due and the
    // day achieved), and the three optional Ints of before cost 70 MB of it.
    private let storedYear: Int32
    /// 1...12, or 0 when the month is not known.
    private let storedMonth: UInt8
    /// 1...31, or 0 when the day is not known.
    private let storedDay: UInt8

    public var year: Int { Int(storedYear) }
    public var month: Int? { storedMonth == 0 ? nil : Int(storedMonth) }
    public var day: Int? { storedDay == 0 ? nil : Int(storedDay) }

    private init(stored year: Int, month: Int, day: Int) {
        storedYear = Int32(clamping: year); storedMonth = UInt8(clamping: month); storedDay = UInt8(clamping: day)
    }

    public var precision: Precision {
        day != nil ? .day : (month != nil ? .month : .year)
    }

    /// A full day; nil when the month or day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.init(stored: year, month: month, day: day)
    }

    /// A month; nil when the month does not exist.
    public init?(year: Int, month: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        self.init(stored: year, month: month, day: 0)
    }

    /// A year.
    public init?(year: Int) {
        guard (1...9999).contains(year) else { return nil }
        self.init(stored: year, month: 0, day: 0)
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil for anything else or a day that does not exist.
    public init?(_ text: String) {
        // Byte by byte: ASCII digits only (no full-width ones), "YYYY", "YYYY-MM" or "YYYY-MM-DD".
        let b = Array(text.utf8)
        guard b.count == 4 || b.count == 7 || b.count == 10 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for k in from..<(from + count) {
                guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }
                value = value * 10 + Int(b[k] - 0x30)
            }
            return value
        }
        guard let year = number(0, 4) else { return nil }
        if b.count == 4 { self.init(year: year); return }
        guard b[4] == UInt8(ascii: "-"), let month = number(5, 2) else { return nil }
        if b.count == 7 { self.init(year: year, month: month); return }
        guard b[7] == UInt8(ascii: "-"), let day = number(8, 2) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        // By hand, digit by digit: a store writes one per milestone and a listing shows one per
        // row; format strings and padded pieces cost more than the rest of either.
        guard (0...9999).contains(year) else {
            return String(year) + (month.map { "-" + ($0 < 10 ? "0" : "") + String($0) } ?? "")
                + (day.map { "-" + ($0 < 10 ? "0" : "") + String($0) } ?? "")
        }
        let length = month == nil ? 4 : day == nil ? 7 : 10
        return String(unsafeUninitializedCapacity: length) { text in
            func put(_ n: Int, _ digits: Int, at k: Int) {
                var n = n
                for d in stride(from: digits - 1, through: 0, by: -1) { text[k + d] = UInt8(0x30 + n % 10); n /= 10 }
            }
            put(year, 4, at: 0)
            if let month { text[4] = UInt8(ascii: "-"); put(month, 2, at: 5) }
            if let day, length == 10 { text[7] = UInt8(ascii: "-"); put(day, 2, at: 8) }
            return length
        }
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
        self.init(stored: validYear, month: month, day: day)
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
