import Model

/// A country's results as its page says them: each indicator's baseline, latest actual, target
/// and progress; its SDG 11.a.1 standing by the indicator's method.
extension CountrySheet {
    static func indicatorLines(_ c: Country, today: CalendarDate) -> [Line] {
        c.indicators.map { indicator in
            let row = IndicatorRow(indicator, country: c.id, asOf: today)
            var parts = [L("baseline %@", row.baseline.map(IndicatorRow.dated) ?? L("none")),
                         L("actual %@", row.actual.map(IndicatorRow.dated) ?? L("none yet")),
                         L("target %@", row.target.map(IndicatorRow.dated) ?? L("none"))]
            if !row.percent.isEmpty { parts.append(L("%@ of the way", row.percent)) }
            if let evidence = row.actual?.evidence { parts.append(L("evidence:") + " " + evidence) }
            let tone: Tone = row.progress.map { $0 >= 1 ? .good : .plain } ?? .plain
            return Line(text: indicator.title + " (\(indicator.measure.text)" + (indicator.ascending ? "" : ", " + L("less is better")) + ")",
                        tone: tone, detail: parts.joined(separator: " · "), id: indicator.id)
        }
    }

    static func sdgLines(_ c: Country, today: CalendarDate) -> [Line] {
        guard let assessment = c.sdg11a1(asOf: today) else {
            return [Line(text: L("not assessed — reported as 0") + (c.policies.isEmpty ? " " + L("(no NUP recorded)") : ""), tone: .dim)]
        }
        let row = SDGRow(SDGStanding(country: c, assessment: assessment))
        let figures: String = "Qa \(row.qa) · Qb \(row.qb) · Qc \(row.qc) · X \(row.x) · " + L("category %@", "\(row.category)") + " · " + row.verdictText
        let policy: String = assessment.policy.map { " " + L("(policy %@)", $0) } ?? ""
        let evaluators: String = assessment.evaluations.isEmpty ? L("no evaluator") : assessment.evaluations.map(\.evaluator).joined(separator: ", ")
        let stage: String = row.stageText.map { " · \($0)" } ?? ""
        var lines = [Line(text: figures, tone: row.meets ? .good : .warning,
                          detail: L("Assessed %@%@ by %@", "\(assessment.date)", policy, evaluators) + stage)]
        if let evidence = assessment.evidence { lines.append(Line(text: L("Evidence:") + " " + evidence, tone: .dim)) }
        if let note = assessment.note { lines.append(Line(text: L("Note:") + " " + note, tone: .dim)) }
        return lines
    }
}
