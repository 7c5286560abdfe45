import Foundation
import Model

/// Moments (ISO 8601 UTC in the file) as the officer reads them: in their own time zone.
public enum MomentFormat {
    /// "2026-11-28 11:00" in `timeZone`; the text as it is when it is not a moment.
    public static func local(_ moment: String, timeZone: TimeZone = .current) -> String {
        guard let date = ISO8601DateFormatter().date(from: moment) else { return moment }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
