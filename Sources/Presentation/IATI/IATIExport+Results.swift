import Foundation
import Model

/// Results: an indicator with its baseline, and its targets and actuals in periods; a country's
/// SDG 11.a.1 assessments as the indicator 11.a.1 (reference vocabulary 9).
extension IATIExport {
    static func result(_ x: inout XMLText, _ result: ActivityResult, today: CalendarDate) {
        switch result {
        case .indicator(let indicator): self.indicator(&x, indicator, today: today)
        case .sdg(let country): sdg(&x, country, today: today)
        }
    }

    static func measureCode(_ measure: Indicator.Measure) -> String {
        switch measure {
        case .unit: "1"
        case .percentage: "2"
        case .nominal: "3"
        case .ordinal: "4"
        case .qualitative: "5"
        }
    }

    static func typeCode(_ type: Indicator.ResultType?) -> String {
        switch type {
        case .output?, nil: "1"
        case .outcome?: "2"
        case .impact?: "3"
        }
    }

    /// A baseline, a target or an actual: its value (a qualitative one's words go in the
    /// comment), its comment and its evidence. In a baseline the evidence comes before the
    /// comment; in a target or an actual, after it (the schema's order).
    private static func value(_ x: inout XMLText, _ name: String, _ v: IndicatorValue, numeric: Bool) {
        // A baseline is dated (its day and its year around the value); a target or an actual by its period.
        let attributes: [(String, String?)] = name == "baseline"
            ? [("iso-date", day(v.date, first: true)), ("value", numeric ? v.value : nil), ("year", String(v.date.year))]
            : [("value", numeric ? v.value : nil)]
        let comment = [numeric ? nil : v.value, v.comment].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " — ")
        let link = webLink(v.evidence)
        guard !comment.isEmpty || link != nil else { x.leaf(name, attributes); return }
        let evidenceFirst = name == "baseline"
        x.element(name, attributes) { x in
            if evidenceFirst, let link { document(&x, link, "Evidence") }
            if !comment.isEmpty { x.narrative("comment", comment) }
            if !evidenceFirst, let link { document(&x, link, "Evidence") }
        }
    }

    /// Targets and actuals in periods: each target closes a period (from the day after the one
    /// before, or the baseline, or its own first day); actuals fall in the period that holds them,
    /// and those after the last target in one period of their own.
    static func indicator(_ x: inout XMLText, _ indicator: Indicator, today: CalendarDate) {
        let numeric = indicator.measure != .qualitative
        let actuals = indicator.actuals.filter { $0.date.lastOrdinal <= today.lastOrdinal }
        x.element("result", [("type", typeCode(indicator.resultType)), ("aggregation-status", indicator.aggregate ? "1" : "0")]) { x in
            x.narrative("title", indicator.title)
            x.element("indicator", [("measure", measureCode(indicator.measure)), ("ascending", indicator.ascending ? "1" : "0")]) { x in
                x.narrative("title", indicator.title)
                if let sdg = indicator.sdg { x.leaf("reference", [("vocabulary", "9"), ("code", sdg)]) }
                if let b = indicator.baseline {
                    value(&x, "baseline", b, numeric: numeric)
                }
                let targets = indicator.targets.sorted { $0.date < $1.date }
                var start = indicator.baseline.map { $0.date.firstOrdinal } ?? (targets.first ?? actuals.first).map { $0.date.firstOrdinal } ?? 0
                var periods: [(start: Int, end: Int, target: IndicatorValue?)] = []
                for t in targets {
                    let end = t.date.lastOrdinal
                    periods.append((min(start, t.date.firstOrdinal), end, t))
                    start = end + 1
                }
                if let last = actuals.filter({ $0.date.lastOrdinal >= start }).map({ $0.date.lastOrdinal }).max() {
                    let first = actuals.filter { $0.date.lastOrdinal >= start }.map { $0.date.firstOrdinal }.min() ?? start
                    periods.append((min(start, first), last, nil))
                }
                for (i, period) in periods.enumerated() {
                    let from = i == 0 ? Int.min : period.start
                    let held = actuals.filter { $0.date.lastOrdinal >= from && $0.date.lastOrdinal <= period.end }.sorted { $0.date < $1.date }
                    x.element("period") { x in
                        x.leaf("period-start", [("iso-date", CalendarDate.fromOrdinal(period.start).description)])
                        x.leaf("period-end", [("iso-date", CalendarDate.fromOrdinal(period.end).description)])
                        if let target = period.target { value(&x, "target", target, numeric: numeric) }
                        for actual in held { value(&x, "actual", actual, numeric: numeric) }
                    }
                }
            }
        }
    }

    /// Each assessment a period of its day: target 51, actual X, and the qualifiers in a comment.
    static func sdg(_ x: inout XMLText, _ country: Country, today: CalendarDate) {
        let assessments = country.sdg11a1.filter { $0.date.lastOrdinal <= today.lastOrdinal }.sorted { $0.date < $1.date }
        guard !assessments.isEmpty else { return }
        x.element("result", [("type", "2"), ("aggregation-status", "0")]) { x in
            x.narrative("title", "SDG 11.a.1 — \(country.name)")
            x.element("indicator", [("measure", "2"), ("ascending", "1")]) { x in
                x.narrative("title", "SDG 11.a.1: national urban policy that responds to population dynamics, ensures balanced territorial development and increases local fiscal space")
                x.leaf("reference", [("vocabulary", "9"), ("code", "11.a.1")])
                for a in assessments {
                    let score = SDG11a1Score(a) ?? .zero
                    let day = IATIExport.day(a.date, first: true)
                    x.element("period") { x in
                        x.leaf("period-start", [("iso-date", day)])
                        x.leaf("period-end", [("iso-date", day)])
                        x.leaf("target", [("value", "51")])
                        x.element("actual", [("value", SDG11a1Score.shown(score.x))]) { x in
                            x.narrative("comment", "Qa \(SDG11a1Score.shown(score.qa)), Qb \(SDG11a1Score.shown(score.qb)), Qc \(SDG11a1Score.shown(score.qc)); category \(SDG11a1Score.category(score.x))"
                                        + (a.note.map { "; \($0)" } ?? ""))
                            if let link = webLink(a.evidence) { document(&x, link, "Evidence") }
                        }
                    }
                }
            }
        }
    }
}
