import Foundation

/// The ISO 8601 UTC moment the fronts record with a tick, to the second: "2026-11-28T10:00:00Z".
/// Worked out by hand: a date formatter costs a millisecond, more than the rest of a tick.
public func isoMoment(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
    let rest = seconds - days * 86_400
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(CalendarDate.fromOrdinal(days))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
}

/// What counts as a moment in the record, and the instant it names.
public enum Moment {
    /// An instant: seconds since 1970-01-01T00:00:00Z and the fraction, in nanoseconds. Moments
    /// compare as these, never as text: "2026-11-28T19:00:00+09:00" is before "2026-11-28T10:30:00Z".
    public struct Instant: Comparable, Hashable, Sendable {
        public var seconds: Int
        public var nanoseconds: Int
        public init(seconds: Int, nanoseconds: Int) { self.seconds = seconds; self.nanoseconds = nanoseconds }
        public static func < (a: Instant, b: Instant) -> Bool { (a.seconds, a.nanoseconds) < (b.seconds, b.nanoseconds) }
    }

    /// The moment `text` names as a Date; nil when it is not a moment.
    public static func date(_ text: String) -> Date? {
        instant(text).map { Date(timeIntervalSince1970: Double($0.seconds) + Double($0.nanoseconds) / 1_000_000_000) }
    }

    /// The day `text` falls on in `timeZone` (the officer's, for what they read); nil when it is
    /// not a moment. The one way a moment is cut to a day.
    public static func day(_ text: String, in timeZone: TimeZone) -> CalendarDate? {
        date(text).map { CalendarDate.day(of: $0, in: timeZone) }
    }

    /// Whether moments fall on a day after `day` in `timeZone`: `Moment.day(m) > day`, decided
    /// from the instant alone for every moment more than 27 hours from the day's end (no zone is
    /// that far from UTC), and by `day` itself for the few near it. An as-of report asks it of
    /// every tick: a zone lookup each cost a twentieth of a 900,000-milestone report.
    public struct AfterDay: Sendable {
        let end: Int
        let timeZone: TimeZone
        /// The day after `day` begins here in UTC, in seconds since 1970.
        let boundary: Int

        public init(_ day: CalendarDate, in timeZone: TimeZone) {
            end = day.lastOrdinal
            self.timeZone = timeZone
            boundary = (end + 1) * 86_400
        }

        /// True when `text` falls after the day, false when on or before it, nil when it is not a moment.
        public func callAsFunction(_ text: String?) -> Bool? {
            guard let text, let seconds = Moment.instant(text)?.seconds else { return nil }
            if seconds >= boundary + 27 * 3600 { return true }
            if seconds < boundary - 27 * 3600 { return false }
            return Moment.day(text, in: timeZone).map { $0.firstOrdinal > end }
        }
    }

    /// "2026-11-28T10:00:00Z", with optional fractions of a second and an offset instead of Z:
    /// ASCII digits only (no full-width ones), a four-digit year, a real date and time. Checked by
    /// hand: a date formatter per tick would cost more than the rest of a load.
    public static func isValid(_ text: String) -> Bool { instant(text) != nil }

    /// The instant `text` names, or nil when it is not a moment (`isValid`). Digits past the
    /// ninth of a fraction are dropped; a leap second counts as the next second's start.
    public static func instant(_ text: String) -> Instant? {
        var text = text
        return text.withUTF8 { instant($0) }
    }

    private static func instant(_ b: UnsafeBufferPointer<UInt8>) -> Instant? {
        guard b.count >= 20 else { return nil }
        func digit(_ k: Int) -> Int? { k < b.count && b[k] >= 0x30 && b[k] <= 0x39 ? Int(b[k] - 0x30) : nil }
        func number(_ k: Int, _ n: Int) -> Int? {
            var value = 0
            for j in k..<(k + n) { guard let d = digit(j) else { return nil }; value = value * 10 + d }
            return value
        }
        guard let year = number(0, 4), b[4] == UInt8(ascii: "-"), let month = number(5, 2), b[7] == UInt8(ascii: "-"),
              let day = number(8, 2), b[10] == UInt8(ascii: "T"), let hour = number(11, 2), b[13] == UInt8(ascii: ":"),
              let minute = number(14, 2), b[16] == UInt8(ascii: ":"), let second = number(17, 2) else { return nil }
        guard CalendarDate(year: year, month: month, day: day) != nil, hour < 24, minute < 60, second <= 60 else { return nil }
        var k = 19
        var nanoseconds = 0
        if k < b.count, b[k] == UInt8(ascii: ".") {
            k += 1
            let digits = k
            var scale = 100_000_000
            while let d = digit(k) {
                nanoseconds += d * scale
                scale /= 10
                k += 1
            }
            guard k > digits else { return nil }
        }
        guard k < b.count else { return nil }
        var offset = 0
        if b[k] == UInt8(ascii: "Z") {
            guard k + 1 == b.count else { return nil }
        } else {
            guard b[k] == UInt8(ascii: "+") || b[k] == UInt8(ascii: "-"), k + 6 == b.count,
                  let offsetHours = number(k + 1, 2), b[k + 3] == UInt8(ascii: ":"), let offsetMinutes = number(k + 4, 2),
                  offsetHours < 24, offsetMinutes < 60 else { return nil }
            offset = (offsetHours * 60 + offsetMinutes) * 60 * (b[k] == UInt8(ascii: "-") ? -1 : 1)
        }
        // Four-digit years: every figure here is far inside Int.
        let days = CalendarDate.ordinal(year: year, month: month, day: day)
        return Instant(seconds: days * 86_400 + hour * 3600 + minute * 60 + second - offset, nanoseconds: nanoseconds)
    }
}
