import Foundation
import Model

/// Moments (ISO 8601 UTC in the file) as the officer reads them: in their own time zone.
public enum MomentFormat {
    /// "2026-11-28 11:00" in `timeZone`; the text as it is when it is not a moment.
    public static func local(_ moment: String, timeZone: TimeZone = .current) -> String {
        // By hand: a date formatter per moment cost more than the rest of drawing a list.
        guard let date = Moment.date(moment) else { return moment }
        return local(date, timeZone: timeZone)
    }

    /// "2026-11-28 11:00": `date` in `timeZone`, the one form every screen gives a time in.
    public static func local(_ date: Date, timeZone: TimeZone = .current) -> String {
        let local = Int((date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))).rounded(.down))
        let days = local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400)
        let rest = local - days * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(CalendarDate.fromOrdinal(days)) \(two(rest / 3600)):\(two(rest % 3600 / 60))"
    }

    /// "Asia/Seoul (UTC+09:00)": the zone times and days are given in, as a report states it.
    public static func zone(_ timeZone: TimeZone, at date: Date = Date()) -> String {
        let seconds = timeZone.secondsFromGMT(for: date)
        let sign = seconds < 0 ? "-" : "+"
        let minutes = abs(seconds) / 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let offset = "UTC\(sign)\(two(minutes / 60)):\(two(minutes % 60))"
        let utc: Set<String> = ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Etc/Universal", "Etc/Zulu", "Universal", "Zulu", "Etc/GMT0", "GMT0"]
        return utc.contains(timeZone.identifier) ? "UTC" : "\(timeZone.identifier) (\(offset))"
    }

    /// "2026-11-28": the day of the moment in `timeZone`; the text as it is when it is not a moment.
    public static func day(_ moment: String, timeZone: TimeZone = .current) -> String {
        Moment.day(moment, in: timeZone)?.description ?? moment
    }
}
