import Foundation

/// A result the programme or a country is measured by (IATI's result/indicator): a dated
/// baseline, dated targets and dated actuals, each value a decimal string checked against the
/// measure. Optional in the store: a store without indicators is as valid as before.
public struct Indicator: Hashable, Sendable, Identifiable {
    /// IATI IndicatorMeasure 1–5.
    public enum Measure: String, Sendable, CaseIterable { case unit, percentage, nominal, ordinal, qualitative }
    /// IATI ResultType 1–3.
    public enum ResultType: String, Sendable, CaseIterable { case output, outcome, impact }

    public var id: String
    public var title: String
    public var measure: Measure
    /// True when more is better (progress counts up); false inverts it.
    public var ascending: Bool
    /// Whether its latest actuals add up across countries sharing its `sdg` code.
    public var aggregate: Bool
    public var resultType: ResultType?
    /// An SDG indicator code, e.g. "11.a.1".
    public var sdg: String?
    public var baseline: IndicatorValue?
    public var targets: [IndicatorValue]
    public var actuals: [IndicatorValue]

    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(id: String, title: String, measure: Measure, ascending: Bool = true, aggregate: Bool = false, resultType: ResultType? = nil,
                sdg: String? = nil, baseline: IndicatorValue? = nil, targets: [IndicatorValue] = [], actuals: [IndicatorValue] = []) {
        self.id = id; self.title = title; self.measure = measure; self.ascending = ascending; self.aggregate = aggregate
        self.resultType = resultType; self.sdg = sdg; self.baseline = baseline; self.targets = targets; self.actuals = actuals
    }
}

/// A baseline, a target or an actual: its day, its value (a decimal string; none for a
/// qualitative measure, which says it in `comment`), and for an actual who recorded it when.
public struct IndicatorValue: Hashable, Sendable {
    public var date: CalendarDate
    public var value: String?
    public var comment: String?
    public var evidence: String?
    public var by: String?
    public var at: String?

    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(date: CalendarDate, value: String?, comment: String? = nil, evidence: String? = nil, by: String? = nil, at: String? = nil) {
        self.date = date; self.value = value; self.comment = comment; self.evidence = evidence; self.by = by; self.at = at
    }
}
