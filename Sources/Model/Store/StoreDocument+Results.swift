import Foundation

/// The rules of the record's results (indicators, SDG 11.a.1 assessments), applied by `validate`
/// with the line and column of each, and by every edit (`checkingRecords`): a value that is not
/// its measure's, an actual dated after it was written, a score outside 0–100.
extension StoreDocument {
    func resultProblems(path: String, bytes: [UInt8]) -> [StoreError] {
        var problems: [StoreError] = []
        func invalid(_ field: [JSONPathKey], _ message: String) {
            let position = JSONSyntaxChecker.offset(of: field, in: bytes).map { TextPosition(offset: $0, in: bytes) }
            problems.append(.invalid(path: path, field: StoreDocument.fieldName(field), message: message, position: position))
        }
        let p = programme
        let lists: [(at: [JSONPathKey], indicators: [Indicator])] = [([.key("programme"), .key("indicators")], p.indicators)]
            + p.countries.indices.map { ([.key("programme"), .key("countries"), .index($0), .key("indicators")], p.countries[$0].indicators) }
        guard lists.contains(where: { !$0.indicators.isEmpty }) || p.countries.contains(where: { !$0.sdg11a1.isEmpty }) else { return [] }
        // Ids are unique across indicators and milestones: `knupp set ID` reaches one record.
        var seen = Set(p.milestoneEntries.map(\.milestone.id))
        for (at, indicators) in lists {
            for (i, indicator) in indicators.enumerated() {
                let here = at + [.index(i)]
                if indicator.id.isEmpty { invalid(here + [.key("id")], "empty") }
                else if !seen.insert(indicator.id).inserted {
                    problems.append(.duplicateID(path: path, kind: "indicator (or milestone)", id: indicator.id,
                                                 position: StoreDocument.secondOccurrence(of: indicator.id, in: bytes)))
                }
                if indicator.title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { invalid(here + [.key("title")], "empty") }
                func check(_ value: IndicatorValue, _ at: [JSONPathKey]) {
                    if let problem = value.problem(measure: indicator.measure) {
                        invalid(at + [.key(indicator.measure == .qualitative && value.value == nil ? "comment" : "value")], problem)
                    }
                }
                if let baseline = indicator.baseline { check(baseline, here + [.key("baseline")]) }
                for (k, target) in indicator.targets.enumerated() { check(target, here + [.key("targets"), .index(k)]) }
                for (k, actual) in indicator.actuals.enumerated() {
                    let place = here + [.key("actuals"), .index(k)]
                    check(actual, place)
                    guard let at = actual.at else { continue }
                    guard let written = Moment.instant(at) else {
                        invalid(place + [.key("at")], L("“%@” is not a moment: write it as 2026-11-28T10:00:00Z", "\(at)"))
                        continue
                    }
                    // Written on a day somewhere on Earth: a day past its UTC day allows for the zones.
                    let day = written.seconds >= 0 ? written.seconds / 86_400 : -((-written.seconds + 86_399) / 86_400)
                    if actual.date.firstOrdinal > day + 1 {
                        invalid(place + [.key("date")], L("%@ is after the actual was written (%@): an actual is what was achieved by then", "\(actual.date)", "\(at)"))
                    }
                }
            }
        }
        for (c, country) in p.countries.enumerated() {
            var days = Set<CalendarDate>()
            let policies = Set(country.policies.map(\.id))
            for (k, assessment) in country.sdg11a1.enumerated() {
                let here: [JSONPathKey] = [.key("programme"), .key("countries"), .index(c), .key("sdg11a1"), .index(k)]
                if assessment.date.precision != .day {
                    invalid(here + [.key("date")], L("“%@” is not a day: an assessment is dated YYYY-MM-DD", "\(assessment.date)"))
                } else if !days.insert(assessment.date).inserted {
                    invalid(here + [.key("date")], L("a second assessment of %@ on %@: the evaluators of one day join one assessment", "\(country.id)", "\(assessment.date)"))
                }
                if let policy = assessment.policy {
                    if !policies.contains(policy) {
                        invalid(here + [.key("policy")], L("“%@” is not a policy of %@", "\(policy)", "\(country.id)")
                                + (policies.isEmpty ? L(" (it has none: without a NUP the assessment names none and is 0)") : " " + L("(its policies: %@)", policies.sorted().joined(separator: ", "))))
                    }
                } else if !assessment.evaluations.isEmpty {
                    invalid(here + [.key("evaluations")], L("without a policy (no NUP) the country scores 0: name the policy assessed, or leave out the evaluations"))
                }
                var evaluators = Set<String>()
                for (e, evaluation) in assessment.evaluations.enumerated() {
                    let place = here + [.key("evaluations"), .index(e)]
                    if evaluation.evaluator.trimmingCharacters(in: .whitespaces).isEmpty { invalid(place + [.key("evaluator")], "empty") }
                    else if !evaluators.insert(evaluation.evaluator).inserted {
                        invalid(place + [.key("evaluator")], L("“%@” scores this assessment twice", "\(evaluation.evaluator)"))
                    }
                    for (key, score) in [("a", evaluation.a), ("b", evaluation.b), ("c", evaluation.c)] where !(0...100).contains(score) {
                        invalid(place + [.key(key)], L("%@ is not a score: each qualifier is scored from 0 to 100", "\(score)"))
                    }
                }
            }
        }
        return problems
    }
}
