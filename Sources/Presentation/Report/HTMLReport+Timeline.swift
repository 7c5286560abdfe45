import Foundation
import Model

/// The HTML report's timeline: an SVG of the phases, the milestones (due, achieved, first
/// planned) and the events on one time axis, with the report's day.
extension HTMLReport {
    /// The colours of a milestone's state, each also told by its shape (● done, ○ open, ▲ overdue)
    /// and dark enough to read on white (contrast ≥ 4.5:1).
    static let doneColour = "#1e7b3c", openColour = "#8a5300", overdueColour = "#b3261e", eventColour = "#7b3aa0"

    /// The phases, their milestones and the events on a time axis, with the report's day.
    static func timeline(_ r: ProgressReport, timeZone: TimeZone) -> String {
        let phases = r.phases.compactMap { phase -> (ProgressReport.PhaseLine, Int, Int)? in
            let parts = phase.period.replacingOccurrences(of: " (expected)", with: "").components(separatedBy: "–")
            guard parts.count == 2, let a = CalendarDate(parts[0]), let b = CalendarDate(parts[1]) else { return nil }
            return (phase, a.firstOrdinal, b.lastOrdinal)
        }
        let today = CalendarDate(r.asOf)?.firstOrdinal ?? 0
        func achieved(_ m: ProgressReport.MilestoneLine) -> Int? {
            m.status == "done" ? (m.doneOn.flatMap(CalendarDate.init) ?? m.doneAt.flatMap { Moment.day($0, in: timeZone) })?.firstOrdinal : nil
        }
        let marks = phases.flatMap { $0.0.milestones + $0.0.countries.flatMap(\.milestones) }
        // Everything drawn sets the range: phases, the day, events, milestones due and achieved.
        let dates = phases.flatMap { [$0.1, $0.2] } + [today] + r.events.compactMap { CalendarDate($0.date)?.firstOrdinal }
            + marks.compactMap { $0.due.flatMap(CalendarDate.init)?.lastOrdinal } + marks.compactMap(achieved)
            + marks.compactMap { $0.plannedDue.flatMap(CalendarDate.init)?.lastOrdinal }
        guard let first = dates.min(), let last = dates.max(), last > first else { return "" }
        let startYear = CalendarDate.fromOrdinal(first).year, endYear = CalendarDate.fromOrdinal(last).year + 1
        let from = CalendarDate.ordinal(year: startYear, month: 1, day: 1), to = CalendarDate.ordinal(year: endYear, month: 1, day: 1)
        let left = 130.0, right = 880.0
        func x(_ ordinal: Int) -> Double { left + (right - left) * Double(ordinal - from) / Double(max(1, to - from)) }
        let rowHeight = 34.0
        let height = 40 + rowHeight * Double(phases.count + 1) + 10
        var svg = "<svg class=\"timeline\" viewBox=\"0 0 900 \(Int(height))\" role=\"img\" aria-label=\"\(e(L("Timeline of the phases, milestones and events")))\">"
        // A label every so many years that two never meet (36 units apart at the least).
        let yearWidth = (right - left) / Double(max(1, endYear - startYear))
        let every = max(1, Int((36 / yearWidth).rounded(.up)))
        for year in startYear...endYear {
            let px = x(CalendarDate.ordinal(year: year, month: 1, day: 1))
            svg += "<line x1=\"\(f(px))\" y1=\"24\" x2=\"\(f(px))\" y2=\"\(Int(height) - 8)\" stroke=\"#e3e7ec\"/>"
            if year < endYear && (year - startYear) % every == 0 {
                svg += "<text x=\"\(f(px + 3))\" y=\"18\" font-size=\"11\" fill=\"#555\">\(year)</text>"
            }
        }
        for (i, (phase, start, end)) in phases.enumerated() {
            let y = 34 + rowHeight * Double(i)
            svg += "<text x=\"4\" y=\"\(f(y + 14))\" font-size=\"12\" font-weight=\"bold\">\(e(L("Phase %@", "\(phase.number)")))</text>"
            svg += "<rect x=\"\(f(x(start)))\" y=\"\(f(y + 4))\" width=\"\(f(max(2, x(end) - x(start))))\" height=\"14\" rx=\"3\" fill=\"#4a78b5\" opacity=\"0.85\"/>"
            for m in phase.milestones + phase.countries.flatMap(\.milestones) {
                let title = "<title>\(e(m.title)) (\(e(["done": L("done"), "open": L("open"), "overdue": L("overdue")][m.status] ?? m.status)))</title>"
                if let due = m.due.flatMap(CalendarDate.init) {
                    let cx = x(due.lastOrdinal), cy = y + 26
                    // The due as first planned, when it moved: a hollow diamond joined to where it is now.
                    if let planned = m.plannedDue.flatMap(CalendarDate.init) {
                        let px = x(planned.lastOrdinal)
                        svg += "<line x1=\"\(f(px))\" y1=\"\(f(cy))\" x2=\"\(f(cx))\" y2=\"\(f(cy))\" stroke=\"#777\" stroke-dasharray=\"2 2\"/>"
                        svg += "<path d=\"M\(f(px)) \(f(cy - 5)) l5 5 l-5 5 l-5 -5 z\" fill=\"#fff\" stroke=\"#555\" stroke-width=\"1.5\">"
                            + "<title>\(e(m.title)): \(e(L("planned %@", planned.description)))</title></path>"
                    }
                    switch m.status {
                    case "done": svg += "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"4\" fill=\"\(doneColour)\">\(title)</circle>"
                    case "overdue": svg += "<path d=\"M\(f(cx)) \(f(cy - 5)) l5 9 l-10 0 z\" fill=\"\(overdueColour)\">\(title)</path>"
                    default: svg += "<circle cx=\"\(f(cx))\" cy=\"\(f(cy))\" r=\"3.5\" fill=\"#fff\" stroke=\"\(openColour)\" stroke-width=\"2\">\(title)</circle>"
                    }
                }
                // When it was achieved, where the record says: a tick mark on the day.
                if let day = achieved(m) {
                    svg += "<path d=\"M\(f(x(day) - 4)) \(f(y + 10)) l3 4 l6 -8\" fill=\"none\" stroke=\"\(doneColour)\" stroke-width=\"2\">"
                        + "<title>\(e(m.title)): \(e(L("achieved %@", "\(CalendarDate.fromOrdinal(day))")))</title></path>"
                }
            }
        }
        let eventsY = 34 + rowHeight * Double(phases.count)
        svg += "<text x=\"4\" y=\"\(f(eventsY + 14))\" font-size=\"12\" font-weight=\"bold\">\(e(L("Events")))</text>"
        for event in r.events {
            guard let day = CalendarDate(event.date) else { continue }
            let cx = x(day.firstOrdinal)
            svg += "<path d=\"M\(f(cx)) \(f(eventsY + 3)) l6 6 l-6 6 l-6 -6 z\" fill=\"\(eventColour)\"><title>\(e(event.date)) \(e(event.title))</title></path>"
        }
        let tx = x(today)
        svg += "<line x1=\"\(f(tx))\" y1=\"22\" x2=\"\(f(tx))\" y2=\"\(Int(height) - 6)\" stroke=\"\(overdueColour)\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>"
        // The day's label on the side of the line where there is room.
        let anchor = tx > 800 ? "end" : "start"
        svg += "<text x=\"\(f(tx > 800 ? tx - 4 : tx + 4))\" y=\"\(Int(height) - 8)\" font-size=\"11\" fill=\"\(overdueColour)\" text-anchor=\"\(anchor)\">\(e(r.asOf))</text>"
        svg += "</svg>"
        let legend = "<p class=\"legend\"><span style=\"color:#4a78b5\">▬</span> \(e(L("phase"))) · <span style=\"color:\(doneColour)\">●</span> \(e(L("done (due)"))) · "
            + "<span style=\"color:\(doneColour)\">✓</span> \(e(L("achieved"))) · <span style=\"color:\(openColour)\">○</span> \(e(L("open"))) · "
            + "<span style=\"color:\(overdueColour)\">▲</span> \(e(L("overdue"))) · <span style=\"color:#555\">◇</span> \(e(L("due as first planned"))) · "
            + "<span style=\"color:\(eventColour)\">◆</span> \(e(L("event"))) · <span style=\"color:\(overdueColour)\">┆</span> " + L("the report's day") + "</p>"
        return svg + legend
    }

    static func f(_ value: Double) -> String { String(Int(value.rounded())) }
}
