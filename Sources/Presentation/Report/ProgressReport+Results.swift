import Model

/// The report's results: the indicators with their values, and SDG 11.a.1 for every country, as
/// of the report's day (the programme it is made from is already as of it: `Programme.asOf`).
extension ProgressReport {
    public struct ValueLine: Codable, Equatable, Sendable {
        public var date: String
        public var value: String?
        public var comment: String?
        public var evidence: String?
        public var by: String?
        public var at: String?

        init(_ v: IndicatorValue) {
            date = v.date.description; value = v.value; comment = v.comment; evidence = v.evidence; by = v.by; at = v.at
        }

        /// "5 (2025-06-30)"; a qualitative one's words.
        public var shown: String { IndicatorRow.dated(value ?? comment ?? "", date) }
    }

    public struct IndicatorLine: Codable, Equatable, Sendable {
        /// The country's id; absent for the programme's own.
        public var country: String?
        public var id: String
        public var title: String
        public var measure: String
        public var ascending: Bool
        /// Its latest actual adds up with those of the other indicators of its SDG code.
        public var aggregate: Bool
        public var resultType: String?
        public var sdg: String?
        public var baseline: ValueLine?
        public var target: ValueLine?
        /// The latest actual on the report's day.
        public var actual: ValueLine?
        /// Every actual up to the day, oldest first.
        public var actuals: [ValueLine]
        /// Progress from the baseline to the target, in whole percent; absent where it cannot be measured.
        public var progressPercent: Int?

        init(_ row: IndicatorRow) {
            country = row.country; id = row.id; title = row.title; measure = row.measure; ascending = row.ascending; aggregate = row.aggregate
            resultType = row.resultType; sdg = row.sdg; baseline = row.baseline.map(ValueLine.init); target = row.target.map(ValueLine.init)
            actual = row.actual.map(ValueLine.init); actuals = row.actuals.map(ValueLine.init)
            progressPercent = row.progress.map { Int(($0 * 100).rounded()) }
        }
    }

    public struct SDGSection: Codable, Equatable, Sendable {
        public var countriesMeeting: Int
        public var countriesAssessed: Int
        public var countries: [SDGLine]
    }

    public struct SDGLine: Codable, Equatable, Sendable {
        public var country: String
        public var name: String
        /// Absent: not assessed by the day (reported as 0).
        public var date: String?
        public var policy: String?
        /// The means and X to one decimal ("45.0"), as text: the 51 line is decided exactly (`meets`).
        public var qa: String, qb: String, qc: String, x: String
        public var category: Int
        public var meets: Bool
        /// "developing" or "implementing", from the NUP stage.
        public var stage: String?
        public var evidence: String?
        public var note: String?
        public var evaluations: [EvaluationLine]

        init(_ row: SDGRow) {
            country = row.country; name = row.name; date = row.date?.description; policy = row.policy
            qa = row.qa; qb = row.qb; qc = row.qc; x = row.x; category = row.category; meets = row.meets; stage = row.stage
            evidence = row.evidence; note = row.note
            evaluations = row.evaluators.map { EvaluationLine(evaluator: $0.evaluator, a: $0.a, b: $0.b, c: $0.c) }
        }
    }

    public struct EvaluationLine: Codable, Equatable, Sendable {
        public var evaluator: String
        public var a: Int, b: Int, c: Int
    }

    /// The indicators and SDG 11.a.1 of `p` (already as of `day`).
    public static func results(_ p: Programme, asOf day: CalendarDate) -> ([IndicatorLine], SDGSection) {
        let (rows, meeting, assessed) = SDGRow.all(p, asOf: day)
        return (IndicatorRow.all(p, asOf: day).map(IndicatorLine.init),
                SDGSection(countriesMeeting: meeting, countriesAssessed: assessed, countries: rows.map(SDGLine.init)))
    }

    /// The results' JSON, in sorted key order as Foundation's encoder writes them.
    func writeResults(_ w: inout JSONWriter, key: String) {
        w.key(key)
        if key == "indicators" { ProgressReport.write(&w, indicators) } else { ProgressReport.write(&w, sdg11a1) }
    }

    /// Indicators as the report writes them (`knupp indicators --json` too).
    public static func write(_ w: inout JSONWriter, _ indicators: [IndicatorLine]) {
        w.list(indicators) { w, i in
            w.object { w in
                if let a = i.actual { w.key("actual"); ProgressReport.write(&w, a) }
                w.field("actuals", i.actuals) { w, v in ProgressReport.write(&w, v) }
                w.field("aggregate", i.aggregate); w.field("ascending", i.ascending)
                if let b = i.baseline { w.key("baseline"); ProgressReport.write(&w, b) }
                w.field("country", i.country); w.field("id", i.id); w.field("measure", i.measure)
                w.field("progressPercent", i.progressPercent); w.field("resultType", i.resultType); w.field("sdg", i.sdg)
                if let t = i.target { w.key("target"); ProgressReport.write(&w, t) }
                w.field("title", i.title)
            }
        }
    }

    /// SDG 11.a.1 as the report writes it (`knupp sdg11a1 --json` too).
    public static func write(_ w: inout JSONWriter, _ section: SDGSection) {
        w.object { w in
            w.field("countries", section.countries) { w, c in
                w.object { w in
                    w.field("category", c.category); w.field("country", c.country); w.field("date", c.date)
                    w.field("evaluations", c.evaluations) { w, e in
                        w.object { w in w.field("a", e.a); w.field("b", e.b); w.field("c", e.c); w.field("evaluator", e.evaluator) }
                    }
                    w.field("evidence", c.evidence); w.field("meets", c.meets); w.field("name", c.name); w.field("note", c.note)
                    w.field("policy", c.policy); w.field("qa", c.qa); w.field("qb", c.qb); w.field("qc", c.qc); w.field("stage", c.stage)
                    w.field("x", c.x)
                }
            }
            w.field("countriesAssessed", section.countriesAssessed); w.field("countriesMeeting", section.countriesMeeting)
        }
    }

    private static func write(_ w: inout JSONWriter, _ v: ValueLine?) {
        guard let v else { w.null(); return }
        w.object { w in
            w.field("at", v.at); w.field("by", v.by); w.field("comment", v.comment); w.field("date", v.date)
            w.field("evidence", v.evidence); w.field("value", v.value)
        }
    }
}
