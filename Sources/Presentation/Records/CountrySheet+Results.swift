import Model

/// A country's results as its page says them: each indicator's baseline, latest actual, target
/// and progress; its SDG 11.a.1 standing by the indicator's method.
extension CountrySheet {
    static func indicatorLines(_ c: Country, today: CalendarDate) -> [Line] {
        c.indicators.map { indicator in
            let row = IndicatorRow(indicator, country: c.id, asOf: today)
            var parts = ["baseline " + (row.baseline.map(IndicatorRow.dated) ?? "none"),
                         "actual " + (row.actual.map(IndicatorRow.dated) ?? "none yet"),
                         "target " + (row.target.map(IndicatorRow.dated) ?? "none")]
            if !row.percent.isEmpty { parts.append(row.percent + " of the way") }
            if let evidence = row.actual?.evidence { parts.append("evidence: " + evidence) }
            let tone: Tone = row.progress.map { $0 >= 1 ? .good : .plain } ?? .plain
            return Line(text: indicator.title + " (\(indicator.measure.rawValue)" + (indicator.ascending ? "" : ", less is better") + ")",
                        tone: tone, detail: parts.joined(separator: " · "), id: indicator.id)
        }
    }

    static func sdgLines(_ c: Country, today: CalendarDate) -> [Line] {
        guard let assessment = c.sdg11a1(asOf: today) else {
            return [Line(text: "not assessed — reported as 0" + (c.policies.isEmpty ? " (no NUP recorded)" : ""), tone: .dim)]
        }
        let row = SDGRow(SDGStanding(country: c, assessment: assessment))
        let figures: String = "Qa \(row.qa) · Qb \(row.qb) · Qc \(row.qc) · X \(row.x) · category \(row.category) · " + row.verdict
        let policy: String = assessment.policy.map { " (policy \($0))" } ?? ""
        let evaluators: String = assessment.evaluations.isEmpty ? "no evaluator" : assessment.evaluations.map(\.evaluator).joined(separator: ", ")
        let stage: String = row.stage.map { " · \($0)" } ?? ""
        var lines = [Line(text: figures, tone: row.meets ? .good : .warning,
                          detail: "Assessed \(assessment.date)\(policy) by \(evaluators)\(stage)")]
        if let evidence = assessment.evidence { lines.append(Line(text: "Evidence: " + evidence, tone: .dim)) }
        if let note = assessment.note { lines.append(Line(text: "Note: " + note, tone: .dim)) }
        return lines
    }
}
