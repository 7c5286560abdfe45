import Foundation

/// A country's SDG 11.a.1 standing on a day: its latest assessment then, and its figures.
public struct SDGStanding: Sendable {
    public let country: Country
    /// nil: never assessed by then, "not assessed — reported as 0".
    public let assessment: SDGAssessment?
    /// The figures; zero when not assessed or without a NUP.
    public let score: SDG11a1Score

    public var meets: Bool { score.meets }

    public init(country: Country, assessment: SDGAssessment?) {
        self.country = country; self.assessment = assessment
        score = assessment.flatMap(SDG11a1Score.init) ?? .zero
    }
}

/// The three values an indicator holds by date.
public enum IndicatorValueKind: String, CaseIterable, Sendable {
    case baseline, target, actual
}

extension Programme {
    /// Every country's SDG 11.a.1 standing on `day`, in the record's order.
    public func sdg11a1Standings(asOf day: CalendarDate) -> [SDGStanding] {
        countries.map { country in
            SDGStanding(country: country, assessment: country.sdg11a1(asOf: day))
        }
    }

    /// Every indicator with its record reference: the programme's first, then each country's.
    public var allIndicators: [(ref: RecordRef, indicator: Indicator)] {
        indicators.map { (RecordRef(.indicator, $0.id), $0) }
            + countries.flatMap { c in c.indicators.map { (RecordRef(.indicator, $0.id, country: c.id), $0) } }
    }

    /// The indicator `ref` names.
    public func indicator(_ ref: RecordRef) -> Indicator? {
        let list = ref.country.map { id in countries.first { $0.id == id }?.indicators ?? [] } ?? indicators
        return list.first { $0.id == ref.id }
    }

    /// The edit that records a baseline, a target or an actual of an indicator (`setResult`),
    /// checked here with the indicator's measure: an actual is what was achieved by then, never
    /// after `today` (a month or a year must be over), and names who recorded it when.
    public func recording(_ kind: IndicatorValueKind, of ref: RecordRef, value: String?, on date: CalendarDate, comment: String?,
                          evidence: String?, by: String, at: String, today: CalendarDate) throws(EditError) -> Edit {
        guard let indicator = indicator(ref) else { throw .unknownRecord(ref) }
        var entry = IndicatorValue(date: date, value: value, comment: comment, evidence: evidence,
                                   by: kind == .actual ? by : nil, at: kind == .actual ? at : nil)
        if indicator.measure == .qualitative, let words = value {
            // A qualitative value is said in words: what was typed is its comment (with the
            // comment given beside it, after it).
            entry.comment = [words, comment].compactMap { $0 }.joined(separator: " — "); entry.value = nil
        }
        if let problem = entry.problem(measure: indicator.measure) { throw .invalidField(.indicator, field: "value", problem) }
        // The baseline is where it stood before: not after an actual, and a target lies after it.
        if kind == .baseline, let first = indicator.actuals.map(\.date).min(), date.firstOrdinal > first.lastOrdinal {
            throw .invalidField(.indicator, field: "date", L("%@ is after the first actual (%@): the baseline is the value before", "\(date)", "\(first)"))
        }
        if kind == .target, let base = indicator.baseline?.date, date.lastOrdinal < base.firstOrdinal {
            throw .invalidField(.indicator, field: "date", L("%@ is before the baseline (%@): a target lies after it", "\(date)", "\(base)"))
        }
        if kind == .actual, let base = indicator.baseline?.date, date.lastOrdinal < base.firstOrdinal {
            throw .invalidField(.indicator, field: "date", L("%@ is before the baseline (%@): an actual is what came after it", "\(date)", "\(base)"))
        }
        if kind == .actual, date.lastOrdinal > today.lastOrdinal {
            throw .invalidField(.indicator, field: "date", date.precision == .day
                ? L("%@ is after today (%@): an actual is what was achieved, recorded on or after its day", "\(date)", "\(today)")
                : L("%@ is not over yet (today is %@): give the day the figure stood (e.g. %@)", "\(date)", "\(today)", "\(today)"))
        }
        return .setResult(ref, kind, date, entry)
    }

    /// The edit that records one evaluator's scores of a country's NUP on a day (`scoreSDG`),
    /// naming `policy`, else the policy that day's assessment names, else the country's only one.
    public func assessing(_ countryID: String, on date: CalendarDate, policy: String?, evaluator: String, a: Int, b: Int, c: Int,
                          evidence: String?, note: String?) throws(EditError) -> Edit {
        guard let country = country(countryID) else { throw .unknownCountry(countryID) }
        guard date.precision == .day else {
            throw .invalidField(.country, field: "sdg11a1.date", L("“%@” is not a day: an assessment is dated YYYY-MM-DD", "\(date)"))
        }
        for (name, score) in [("a", a), ("b", b), ("c", c)] where !(0...100).contains(score) {
            throw .invalidField(.country, field: "sdg11a1.\(name)", L("%@ is not a score: each qualifier is scored from 0 to 100", "\(score)"))
        }
        let evaluator = evaluator.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !evaluator.isEmpty else {
            throw .invalidField(.country, field: "sdg11a1.evaluator", L("empty: name who scored it"))
        }
        let that = country.sdg11a1.first { $0.date == date }
        guard let named = policy ?? that?.policy ?? (country.policies.count == 1 ? country.policies.first?.id : nil) else {
            throw .invalidField(.country, field: "sdg11a1.policy", country.policies.isEmpty
                ? L("%@ has no policy: without a NUP it is reported as 0 and has nothing to score (add its policy first)", "\(country.id)")
                : L("name the policy assessed: --policy ") + country.policies.map(\.id).joined(separator: " or --policy "))
        }
        return .scoreSDG(country: country.id, date: date, policy: named, SDGEvaluation(evaluator: evaluator, a: a, b: b, c: c),
                         evidence: evidence, note: note)
    }

    mutating func setResult(_ ref: RecordRef, _ kind: IndicatorValueKind, _ date: CalendarDate, _ value: IndicatorValue?) throws(EditError) {
        try modifyIndicator(ref) { indicator in
            switch kind {
            case .baseline: indicator.baseline = value
            case .target: Programme.put(value, on: date, in: &indicator.targets)
            case .actual: Programme.put(value, on: date, in: &indicator.actuals)
            }
        }
    }

    /// The value of `date` replaced by `value` (taken away when nil), else `value` added in date order.
    private static func put(_ value: IndicatorValue?, on date: CalendarDate, in list: inout [IndicatorValue]) {
        if let same = list.firstIndex(where: { $0.date == date }) {
            if let value { list[same] = value } else { list.remove(at: same) }
        } else if let value {
            list.insert(value, at: list.firstIndex { date < $0.date } ?? list.count)
        }
    }

    private mutating func modifyIndicator(_ ref: RecordRef, _ change: (inout Indicator) -> Void) throws(EditError) {
        if let id = ref.country {
            guard let c = countries.firstIndex(where: { $0.id == id }), let i = countries[c].indicators.firstIndex(where: { $0.id == ref.id }) else {
                throw .unknownRecord(ref)
            }
            change(&countries[c].indicators[i])
        } else {
            guard let i = indicators.firstIndex(where: { $0.id == ref.id }) else { throw .unknownRecord(ref) }
            change(&indicators[i])
        }
    }

    mutating func scoreSDG(_ id: String, _ date: CalendarDate, policy: String, _ evaluation: SDGEvaluation, evidence: String?, note: String?) throws(EditError) {
        guard let country = country(id) else { throw .unknownCountry(id) }
        guard country.policies.contains(where: { $0.id == policy }) else {
            throw .invalidField(.country, field: "sdg11a1.policy", L("“%@” is not a policy of %@", "\(policy)", "\(id)")
                                + (country.policies.isEmpty ? L(" (it has none)") : " " + L("(its policies: %@)", country.policies.map(\.id).joined(separator: ", "))))
        }
        if let earlier = country.sdg11a1.first(where: { $0.date == date })?.policy, earlier != policy {
            throw .invalidField(.country, field: "sdg11a1.policy", L("the assessment of %@ is of “%@”: another policy is assessed on another day", "\(date)", "\(earlier)"))
        }
        try modifyAssessments(id) { list in
            var assessment = list.first { $0.date == date } ?? SDGAssessment(date: date, policy: policy)
            assessment.policy = policy
            // A second evaluator's evidence and note are added to the first's, not put in their place.
            assessment.evidence = Programme.adding(evidence, to: assessment.evidence)
            assessment.note = Programme.adding(note, to: assessment.note)
            // The same evaluator is the same name, whatever its case.
            if let same = assessment.evaluations.firstIndex(where: { $0.evaluator.lowercased() == evaluation.evaluator.lowercased() }) {
                // Their scores replaced, under the name as first written.
                var scores = evaluation
                scores.evaluator = assessment.evaluations[same].evaluator
                assessment.evaluations[same] = scores
            } else {
                assessment.evaluations.append(evaluation)
            }
            list.removeAll { $0.date == date }
            list.insert(assessment, at: list.firstIndex { date < $0.date } ?? list.count)
        }
    }

    /// `text` after what is there (on a line of its own), unless it is already there.
    static func adding(_ text: String?, to existing: String?) -> String? {
        guard let text, !text.isEmpty else { return existing }
        guard let existing, !existing.isEmpty else { return text }
        return existing.components(separatedBy: "\n").contains(text) ? existing : existing + "\n" + text
    }

    mutating func modifyAssessments(_ id: String, _ change: (inout [SDGAssessment]) -> Void) throws(EditError) {
        guard let c = countries.firstIndex(where: { $0.id == id }) else { throw .unknownCountry(id) }
        change(&countries[c].sdg11a1)
    }
}

extension Indicator {
    /// Its baseline, or its target or actual of `date`.
    public func value(_ kind: IndicatorValueKind, on date: CalendarDate) -> IndicatorValue? {
        switch kind {
        case .baseline: baseline
        case .target: targets.first { $0.date == date }
        case .actual: actuals.first { $0.date == date }
        }
    }
}
