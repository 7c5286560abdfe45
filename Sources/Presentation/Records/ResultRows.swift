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
    /// Its latest actual adds up with those of other indicators of its SDG code (`IndicatorRollUp`).
    public var aggregate: Bool
    public var baseline: IndicatorValue?
    public var actual: IndicatorValue?
    public var target: IndicatorValue?
    /// 0.5 is half way from the baseline to the target; nil when it cannot be measured.
    public var progress: Double?
    /// Every actual, oldest first (the report lists them with their comments and evidence).
    public var actuals: [IndicatorValue]

    public init(_ indicator: Indicator, country: String?, asOf day: CalendarDate) {
        self.country = country; id = indicator.id; title = indicator.title; measure = indicator.measure.rawValue
        ascending = indicator.ascending; aggregate = indicator.aggregate; resultType = indicator.resultType?.rawValue; sdg = indicator.sdg
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
        return dated(value.shown, value.date.description)
    }

    /// The one wording of a value with its day, for screens and reports: "5 (2025-06-30)", "(2022)" without one.
    public static func dated(_ shown: String, _ day: String) -> String { shown.isEmpty ? "(\(day))" : "\(shown) (\(day))" }

    /// True when the latest actual has evidence (a link or a document's reference).
    public var hasEvidence: Bool { !(actual?.evidence ?? "").isEmpty }
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

    /// The verdict in the chosen language (a screen's, a Markdown or HTML report's).
    public var verdictText: String {
        guard date != nil else { return L("not assessed — reported as 0") }
        guard policy != nil, !evaluators.isEmpty else { return L("no NUP — reported as 0") }
        return meets ? L("meets (X %@ ≥ 51)", x) : L("does not meet (X %@ < 51)", x)
    }

    /// "developing" or "implementing" in the chosen language.
    public var stageText: String? { stage.map { $0 == "developing" ? L("developing") : L("implementing") } }

    /// The line the Overview, reports and `sdg11a1` print under the table.
    public static let rule = "Not assessed counts as 0, as in UN-Habitat's reporting; a country meets 11.a.1 at X ≥ 51 (unrounded)."
    /// "SDG 11.a.1: 2 of 8 countries meet the three qualifiers (X ≥ 51) · 3 assessed", in the
    /// chosen language: the Overview's and `knupp show programme`'s line.
    public static func line(_ programme: Programme, asOf day: CalendarDate) -> String {
        let (rows, meeting, assessed) = all(programme, asOf: day)
        return "SDG 11.a.1: " + (rows.count == 1 ? L("%@ of 1 country meets the three qualifiers (X ≥ 51)", "\(meeting)")
            : L("%@ of %@ countries meet the three qualifiers (X ≥ 51)", "\(meeting)", "\(rows.count)"))
            + " · " + L("%@ assessed", "\(assessed)")
    }

    /// The same in the chosen language.
    public static var ruleText: String { L("Not assessed counts as 0, as in UN-Habitat's reporting; a country meets 11.a.1 at X ≥ 51 (unrounded).") }
}

/// The roll-up of indicators marked `aggregate` that share an SDG code (unit measures only): the
/// sum of their latest actuals against the sum of their targets.
public struct IndicatorRollUp: Equatable, Sendable {
    public var sdg: String
    public var actual: String
    public var target: String
    public var count: Int

    public static func all(_ rows: [IndicatorRow]) -> [IndicatorRollUp] {
        all(rows.map { ($0.sdg, $0.aggregate, $0.measure, $0.actual?.value, $0.target?.value) })
    }

    /// From each indicator's SDG code, whether it adds up, its measure, latest actual and target.
    static func all(_ items: [(sdg: String?, aggregate: Bool, measure: String, actual: String?, target: String?)]) -> [IndicatorRollUp] {
        var sums: [String: (Decimal, Decimal, Int)] = [:]
        for item in items where item.measure == "unit" && item.aggregate {
            guard let sdg = item.sdg, let actual = IndicatorValue.decimal(item.actual), let target = IndicatorValue.decimal(item.target) else { continue }
            let (a, t, n) = sums[sdg] ?? (0, 0, 0)
            sums[sdg] = (a + actual, t + target, n + 1)
        }
        return sums.keys.sorted().compactMap { sdg in
            sums[sdg].map { IndicatorRollUp(sdg: sdg, actual: "\($0.0)", target: "\($0.1)", count: $0.2) }
        }
    }

    /// "SDG 11.a.1: 5 of 15 across 2 indicators (latest actuals against targets)".
    public var sentence: String { "SDG \(sdg): \(actual) of \(target) across \(count) indicator\(count == 1 ? "" : "s") (latest actuals against targets)" }
}
