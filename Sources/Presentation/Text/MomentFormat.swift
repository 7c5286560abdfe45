import Foundation
import Model

/// Moments (ISO 8601 UTC in the file) as the officer reads them: in their own time zone.
public enum MomentFormat {
    /// "2026-11-28 11:00" in `timeZone`; the text as it is when it is not a moment.
    public static func local(_ moment: String, timeZone: TimeZone = .current) -> String {
        guard let date = Moment.date(moment) else { return moment }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    /// "2026-11-28": the day of the moment in `timeZone`; the text as it is when it is not a moment.
    public static func day(_ moment: String, timeZone: TimeZone = .current) -> String {
        Moment.day(moment, in: timeZone)?.description ?? moment
    }
}
