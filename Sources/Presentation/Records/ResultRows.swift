import Foundation
import Model

/// An indicator as every front and report shows it on a day: its baseline, latest actual and
/// target, and the progress between (`Indicator.progress`).
public struct IndicatorRow: Equatable, Sendable {
    /// The country's id; nil for the programme's own.
    public var country: String?
    public var id: String
    public var title: String
    public var measure: String
    public var ascending: Bool
    public var resultType: String?
    public var sdg: String?
    public var baseline: IndicatorValue?
    public var actual: IndicatorValue?
    public var target: IndicatorValue?
    /// 0.5 is half way from the baseline to the target; nil when it cannot be measured.
    public var progress: Double?
    /// Every actual, oldest first (the report lists them with their comments and evidence).
    public var actuals: [IndicatorValue]

    public init(_ indicator: Indicator, country: String?, asOf day: CalendarDate) {
        self.country = country; id = indicator.id; title = indicator.title; measure = indicator.measure.rawValue
        ascending = indicator.ascending; resultType = indicator.resultType?.rawValue; sdg = indicator.sdg
        baseline = indicator.baseline; actual = indicator.latestActual(asOf: day); target = indicator.target
        progress = indicator.progress(asOf: day)
        actuals = indicator.actuals.filter { $0.date.lastOrdinal <= day.lastOrdinal }.sorted { $0.date < $1.date }
    }

    /// Every indicator of the record, the programme's first.
    public static func all(_ programme: Programme, asOf day: CalendarDate, country: String? = nil) -> [IndicatorRow] {
        programme.allIndicators.filter { country == nil || $0.ref.country == country }
            .map { IndicatorRow($0.indicator, country: $0.ref.country, asOf: day) }
    }

    /// "62%", "-10%"; "" when it cannot be measured.
    public var percent: String { progress.map { "\(Int(($0 * 100).rounded()))%" } ?? "" }

    /// A value and its day: "5 (2025-06-30)"; "" for none.
    public static func dated(_ value: IndicatorValue?) -> String {
        guard let value else { return "" }
        return value.shown.isEmpty ? "(\(value.date))" : "\(value.shown) (\(value.date))"
    }

    /// True when the latest actual has evidence (a link or a document's reference).
    public var hasEvidence: Bool { !(actual?.evidence ?? "").isEmpty }

    public static func write(_ w: inout JSONWriter, _ row: IndicatorRow) {
        func value(_ w: inout JSONWriter, _ v: IndicatorValue?, _ key: String) {
            w.key(key)
            guard let v else { w.null(); return }
            w.object { w in IndicatorRow.fields(&w, v) }
        }
        w.object { w in
            value(&w, row.actual, "actual")
            w.key("actuals"); w.list(row.actuals) { w, a in w.object { IndicatorRow.fields(&$0, a) } }
            w.key("ascending"); w.bool(row.ascending)
            value(&w, row.baseline, "baseline")
            w.key("country"); if let c = row.country { w.string(c) } else { w.null() }
            w.key("id"); w.string(row.id)
            w.key("measure"); w.string(row.measure)
            w.key("progress"); if let p = row.progress { w.number(String(format: "%.4f", p)) } else { w.null() }
            w.key("resultType"); if let r = row.resultType { w.string(r) } else { w.null() }
            w.key("sdg"); if let s = row.sdg { w.string(s) } else { w.null() }
            value(&w, row.target, "target")
            w.key("title"); w.string(row.title)
        }
    }

    static func fields(_ w: inout JSONWriter, _ v: IndicatorValue) {
        if let at = v.at { w.key("at"); w.string(at) }
        if let by = v.by { w.key("by"); w.string(by) }
        if let c = v.comment { w.key("comment"); w.string(c) }
        w.key("date"); w.string(v.date.description)
        if let e = v.evidence { w.key("evidence"); w.string(e) }
        if let value = v.value { w.key("value"); w.string(value) }
    }
}

/// A country's SDG 11.a.1 standing as shown: Qa, Qb, Qc and X to one decimal, the category, whether it
/// meets the three qualifiers, developing or implementing.
public struct SDGRow: Equatable, Sendable {
    public var country: String
    public var name: String
    /// nil: not assessed (reported as 0).
    public var date: CalendarDate?
    public var policy: String?
    public var qa: String, qb: String, qc: String, x: String
    public var category: Int
    /// The categories of Qa, Qb and Qc.
    public var categories: [Int]
    public var meets: Bool
    public var stage: String?
    public var evidence: String?
    public var note: String?
    public var evaluators: [SDGEvaluation]
    /// X as a fraction of 100 for a bar (display only: `meets` is decided exactly).
    public var fraction: Double

    public init(_ standing: SDGStanding) {
        let s = standing.score
        country = standing.country.id; name = standing.country.name
        date = standing.assessment?.date; policy = standing.assessment?.policy
        qa = SDG11a1Score.shown(s.qa); qb = SDG11a1Score.shown(s.qb); qc = SDG11a1Score.shown(s.qc); x = SDG11a1Score.shown(s.x)
        category = SDG11a1Score.category(s.x)
        categories = [s.qa, s.qb, s.qc].map(SDG11a1Score.category)
        meets = s.meets
        stage = standing.country.sdgStage
        evidence = standing.assessment?.evidence; note = standing.assessment?.note
        evaluators = standing.assessment?.evaluations ?? []
        fraction = Double(s.x.0) / Double(max(s.x.1, 1)) / 100
    }

    /// Every country's row on `day`, with how many meet and how many were assessed.
    public static func all(_ programme: Programme, asOf day: CalendarDate) -> (rows: [SDGRow], meeting: Int, assessed: Int) {
        let rows = programme.sdg11a1Standings(asOf: day).map(SDGRow.init)
        return (rows, rows.filter(\.meets).count, rows.filter { $0.date != nil }.count)
    }

    /// "not assessed — reported as 0", "no NUP — 0", or "meets (X 52.0 ≥ 51)" / "does not meet (X 45.0)".
    public var verdict: String {
        guard date != nil else { return "not assessed — reported as 0" }
        guard policy != nil, !evaluators.isEmpty else { return "no NUP — reported as 0" }
        return meets ? "meets (X \(x) ≥ 51)" : "does not meet (X \(x) < 51)"
    }

    /// The line the Overview, reports and `sdg11a1` print under the table.
    public static let rule = "Not assessed counts as 0, as in UN-Habitat's reporting; a country meets 11.a.1 at X ≥ 51 (unrounded)."

    public static func write(_ w: inout JSONWriter, _ row: SDGRow) {
        w.object { w in
            w.key("category"); w.int(row.category)
            w.key("country"); w.string(row.country)
            w.key("date"); if let d = row.date { w.string(d.description) } else { w.null() }
            w.key("evaluations"); w.list(row.evaluators) { w, e in
                w.object { w in
                    w.key("a"); w.int(e.a); w.key("b"); w.int(e.b); w.key("c"); w.int(e.c)
                    w.key("evaluator"); w.string(e.evaluator)
                }
            }
            w.key("evidence"); if let e = row.evidence { w.string(e) } else { w.null() }
            w.key("meets"); w.bool(row.meets)
            w.key("name"); w.string(row.name)
            w.key("note"); if let n = row.note { w.string(n) } else { w.null() }
            w.key("policy"); if let p = row.policy { w.string(p) } else { w.null() }
            w.key("qa"); w.number(row.qa); w.key("qb"); w.number(row.qb); w.key("qc"); w.number(row.qc)
            w.key("stage"); if let s = row.stage { w.string(s) } else { w.null() }
            w.key("x"); w.number(row.x)
        }
    }
}
