import Foundation

/// The ISO 8601 UTC moment the fronts record with a tick.
public func isoMoment(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
}

/// What counts as a moment in the record.
public enum Moment {
    /// "2026-11-28T10:00:00Z", with optional fractions of a second and an offset instead of Z:
    /// ASCII digits only (no full-width ones), a four-digit year, a real date and time.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.allSatisfy({ $0 < 0x80 }) else { return false }
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 } }
        guard digits(0..<4), bytes[4] == UInt8(ascii: "-"), digits(5..<7), bytes[7] == UInt8(ascii: "-"), digits(8..<10),
              bytes[10] == UInt8(ascii: "T"), digits(11..<13), bytes[13] == UInt8(ascii: ":"), digits(14..<16),
              bytes[16] == UInt8(ascii: ":"), digits(17..<19) else { return false }
        guard CalendarDate(String(text.prefix(10))) != nil else { return false }
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return plain.date(from: text) != nil || fractional.date(from: text) != nil
    }
}
