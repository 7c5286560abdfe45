import Foundation
import Model

extension IATIExport {
    struct Org { var ref: String?; var type: Int?; var role: Int; var name: String }

    enum ActivityResult {
        case indicator(Indicator)
        /// A country's SDG 11.a.1 assessments: measure 2, target 51, actual X.
        case sdg(Country)
    }

    /// One activity as the file writes it, in the schema's order of elements.
    struct Activity {
        var id: String
        var hierarchy: Int
        var title: String
        var description: String
        var phase: Phase
        var scope: Int
        var orgs: [Org] = []
        var recipients: [(code: String, percentage: String?)] = []
        var budgets: [Budget] = []
        var spent: [Expenditure] = []
        var documents: [(url: String, title: String)] = []
        var related: [(ref: String, type: Int)] = []
        var results: [ActivityResult] = []

        init(id: String, hierarchy: Int, title: String, description: String, phase: Phase, scope: Int) {
            self.id = id; self.hierarchy = hierarchy; self.title = title; self.description = description; self.phase = phase; self.scope = scope
        }

        func write(into x: inout XMLText, programme: Programme, iati: IATISettings, options: Options) {
            let today = options.asOf ?? options.today
            x.element("iati-activity", [("last-updated-datetime", "\(options.today)T00:00:00Z"), ("xml:lang", "en"), ("hierarchy", String(hierarchy))]) { x in
                x.leaf("iati-identifier", text: id)
                if let org = iati.reportingOrg { x.narrative("reporting-org", [("ref", org.ref), ("type", String(org.type))], org.name) }
                x.narrative("title", title)
                x.narrative("description", [("type", "1")], description.isEmpty ? title : description)
                for org in orgs { x.narrative("participating-org", [("ref", org.ref), ("role", String(org.role)), ("type", org.type.map(String.init))], org.name) }
                x.leaf("activity-status", [("code", String(iati.phase(phase.number)?.status ?? IATIExport.status(phase, today: today)))])
                IATIExport.date(&x, 1, phase.start, first: true)
                if let start = phase.implementationStart, start.firstOrdinal <= today.lastOrdinal { IATIExport.date(&x, 2, start, first: true) }
                IATIExport.date(&x, 3, phase.plannedEnd ?? phase.end, first: false)
                if let end = phase.actualEnd, end.firstOrdinal <= today.lastOrdinal { IATIExport.date(&x, 4, end, first: false) }
                x.leaf("activity-scope", [("code", String(scope))])
                for r in recipients { x.leaf("recipient-country", [("code", r.code), ("percentage", r.percentage)]) }
                if let sector = iati.sector { x.leaf("sector", [("vocabulary", "1"), ("code", sector)]) }
                x.leaf("tag", [("vocabulary", "3"), ("code", "11.a")])
                for b in budgets.sorted(by: { ($0.periodStart, $0.id) < ($1.periodStart, $1.id) }) {
                    x.element("budget", [("type", b.type == .original ? "1" : "2"), ("status", b.status == .indicative ? "1" : "2")]) { x in
                        x.leaf("period-start", [("iso-date", IATIExport.day(b.periodStart, first: true))])
                        x.leaf("period-end", [("iso-date", IATIExport.day(b.periodEnd, first: false))])
                        x.leaf("value", [("currency", b.currency), ("value-date", IATIExport.day(b.valueDate, first: true))], text: b.value)
                    }
                }
                for e in spent.sorted(by: { ($0.date, $0.id) < ($1.date, $1.id) }) where e.date.firstOrdinal <= today.lastOrdinal {
                    x.element("transaction", [("ref", e.id)]) { x in
                        x.leaf("transaction-type", [("code", "4")])
                        x.leaf("transaction-date", [("iso-date", IATIExport.day(e.date, first: false))])
                        x.leaf("value", [("currency", e.currency), ("value-date", IATIExport.day(e.date, first: false))], text: e.value)
                        if let note = e.note, !note.isEmpty { x.narrative("description", note) }
                    }
                }
                for d in documents { IATIExport.document(&x, d.url, d.title) }
                for r in related { x.leaf("related-activity", [("ref", r.ref), ("type", String(r.type))]) }
                for result in results { IATIExport.result(&x, result, today: today) }
            }
        }
    }

    /// 1 pipeline before the phase starts, 2 implementation while it runs, 3 finalisation once it
    /// has ended (its actual end, else its planned end, passed); 4–6 only when the officer sets them.
    static func status(_ phase: Phase, today: CalendarDate) -> Int {
        if phase.start.firstOrdinal > today.lastOrdinal { return 1 }
        if let end = phase.actualEnd, end.lastOrdinal <= today.lastOrdinal { return 3 }
        return phase.end.lastOrdinal < today.firstOrdinal ? 3 : 2
    }

    /// A date as IATI writes it: a whole day; a month or a year taken at its first day (a start)
    /// or its last (an end).
    static func day(_ date: CalendarDate, first: Bool) -> String {
        CalendarDate.fromOrdinal(first ? date.firstOrdinal : date.lastOrdinal).description
    }

    /// An activity-date; a month or a year says so in a narrative.
    static func date(_ x: inout XMLText, _ type: Int, _ date: CalendarDate, first: Bool) {
        let attributes = [("iso-date", day(date, first: first)), ("type", String(type))]
        switch date.precision {
        case .day: x.leaf("activity-date", attributes)
        case .month: x.narrative("activity-date", attributes, "The record gives the month only: \(date)")
        case .year: x.narrative("activity-date", attributes, "The record gives the year only: \(date)")
        }
    }

    static func document(_ x: inout XMLText, _ url: String, _ title: String) {
        x.element("document-link", [("format", format(of: url)), ("url", url)]) { x in
            x.narrative("title", title)
            x.leaf("category", [("code", "A08")])
        }
    }
}
