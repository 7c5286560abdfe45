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

/// What counts as a moment in the record.
public enum Moment {
    /// "2026-11-28T10:00:00Z", with optional fractions of a second and an offset instead of Z:
    /// ASCII digits only (no full-width ones), a four-digit year, a real date and time. Checked by
    /// hand: a date formatter per tick would cost more than the rest of a load.
    public static func isValid(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isValid($0) }
    }

    private static func isValid(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 20 else { return false }
        func digit(_ k: Int) -> Int? { k < b.count && b[k] >= 0x30 && b[k] <= 0x39 ? Int(b[k] - 0x30) : nil }
        func number(_ k: Int, _ n: Int) -> Int? {
            var value = 0
            for j in k..<(k + n) { guard let d = digit(j) else { return nil }; value = value * 10 + d }
            return value
        }
        guard let year = number(0, 4), b[4] == UInt8(ascii: "-"), let month = number(5, 2), b[7] == UInt8(ascii: "-"),
              let day = number(8, 2), b[10] == UInt8(ascii: "T"), let hour = number(11, 2), b[13] == UInt8(ascii: ":"),
              let minute = number(14, 2), b[16] == UInt8(ascii: ":"), let second = number(17, 2) else { return false }
        guard CalendarDate(year: year, month: month, day: day) != nil, hour < 24, minute < 60, second <= 60 else { return false }
        var k = 19
        if k < b.count, b[k] == UInt8(ascii: ".") {
            k += 1
            let digits = k
            while digit(k) != nil { k += 1 }
            guard k > digits else { return false }
        }
        guard k < b.count else { return false }
        if b[k] == UInt8(ascii: "Z") { return k + 1 == b.count }
        guard b[k] == UInt8(ascii: "+") || b[k] == UInt8(ascii: "-"), k + 6 == b.count,
              let offsetHours = number(k + 1, 2), b[k + 3] == UInt8(ascii: ":"), let offsetMinutes = number(k + 4, 2) else { return false }
        return offsetHours < 24 && offsetMinutes < 60
    }
}
