import Foundation
import Model
import Presentation

/// The country detail as styled lines for a width: the shared `CountrySheet`, laid out for the
/// terminal. Built when the record, the width or the day changes (not per key press); milestone
/// lines and the notes carry the target the cursor selects.
enum CountryDetailContent {
    static func lines(country c: Country, programme: Programme, today: CalendarDate, width screenWidth: Int,
                      timeZone: TimeZone = .current, readOnly: Bool = false) -> [StyledLine] {
        let sheet = CountrySheet(country: c, programme: programme, today: today)
        let width = max(10, screenWidth - 2)
        var lines: [StyledLine] = []
        lines.append(StyledLine(sheet.name, style: .title) + StyledLine(String(sheet.heading.dropFirst(sheet.name.count)), style: .dim))
        lines += StyledLine.wrapped(sheet.summary, width: width, indent: "  ")
        lines.append(StyledLine())
        lines.append(StyledLine(L("NUP stage"), style: .bold, target: .record(RecordRef(.country, c.id))))
        // The stages in full where they fit; else the others abbreviated, the current one whole.
        let fullWidth = 2 + NUPStage.allCases.reduce(0) { $0 + $1.text.displayWidth + 3 } + 2
        let abbreviate = fullWidth > width
        var strip = StyledLine("  ")
        for (i, stage) in NUPStage.allCases.enumerated() {
            if i > 0 { strip.spans.append(.init(text: " › ", style: .dim)) }
            strip.spans.append(stage == sheet.stage ? .init(text: "[\(stage.text)]", style: Style(color: .cyan, bold: true, reverse: true))
                                                    : .init(text: abbreviate ? stage.shortText : stage.text, style: .plain))
        }
        // The heading, the strip and the basis are one record: selected together (e edits the stage).
        let stageTarget = DetailTarget.record(RecordRef(.country, c.id))
        strip.target = stageTarget
        lines.append(strip)
        if sheet.stage == nil { lines.append(StyledLine(L("  The record does not say which stage."), style: .dim, target: stageTarget)) }
        if let basis = sheet.stageBasis {
            lines += StyledLine.wrapped(L("Basis:") + " " + basis, width: width, style: .dim, indent: "    ", firstIndent: "  ", target: stageTarget)
        }
        for (kind, section) in sheet.sections {
            if section.isEmpty && section.whenEmpty == nil { continue }
            lines.append(StyledLine())
            lines.append(StyledLine(section.title, style: .bold))
            let kinds: [CountrySheet.Kind: RecordKind] = [.policies: .policy, .projects: .project, .indicators: .indicator, .counterparts: .counterpart,
                                                          .budgets: .budget, .expenditures: .expenditure]
            let recordKind = kinds[kind]
            let target: DetailTarget? = kind == .notes ? .notes : recordKind.map { .kind($0, country: c.id) }
            if section.isEmpty, let empty = section.whenEmpty {
                lines.append(StyledLine("  " + empty + (readOnly ? "" : hint(for: kind)), style: .dim, target: target))
                continue
            }
            if kind == .sdg11a1 { lines += sdgBars(c, today: today, width: width) }
            switch section.content {
            case .lines(let items):
                for item in items {
                    let itemTarget = recordKind.flatMap { k in item.id.map { DetailTarget.record(RecordRef(k, $0, country: k.mayBelongToCountry ? c.id : nil)) } }
                    lines += StyledLine.wrapped(item.text, width: width, style: style(item.tone), indent: "    ", firstIndent: "  ", target: itemTarget)
                    if let detail = item.detail {
                        lines += StyledLine.wrapped(detail, width: width, style: kind == .projects ? .accent : .dim, indent: "    ", target: itemTarget)
                    }
                }
            case .milestones(let milestones):
                for m in milestones { lines += MilestoneLines.lines(for: m, today: today, width: width, indent: "  ", wrap: true, timeZone: timeZone) }
            case .text(let text):
                lines += StyledLine.wrapped(text, width: width, indent: "  ", target: target)
            }
            if kind == .sdg11a1, !readOnly { lines.append(StyledLine(L("  A records an evaluator's scores (a, b, c from 0 to 100)"), style: .dim)) }
        }
        return lines
    }

    private static func hint(for kind: CountrySheet.Kind) -> String {
        switch kind {
        case .milestones: L(": press a to add one")
        case .notes: L(": press e here to write some")
        case .policies, .projects, .indicators: L(": press a here to add one")
        default: ""
        }
    }

    /// Qa, Qb, Qc and X as bars against the line of 51 (the indicator's threshold), when assessed.
    private static func sdgBars(_ c: Country, today: CalendarDate, width: Int) -> [StyledLine] {
        guard let assessment = c.sdg11a1(asOf: today), let score = SDG11a1Score(assessment) else { return [] }
        let bar = max(10, min(50, width - 20))
        let mark = Int((Double(bar) * 0.51).rounded(.down))
        return [("Qa", score.qa), ("Qb", score.qb), ("Qc", score.qc), ("X ", score.x)].map { name, value in
            let filled = min(bar, Int((Double(bar) * Double(value.0) / Double(max(value.1, 1)) / 100).rounded(.down)))
            var line = StyledLine("  \(name) ", style: .bold)
            for i in 0..<bar {
                let text = i == mark ? "│" : (i < filled ? "█" : "░")
                line.spans.append(.init(text: text, style: i == mark ? .warning : (i < filled ? (score.meets ? .done : .accent) : .dim)))
            }
            line.spans.append(.init(text: " " + SDG11a1Score.shown(value), style: .plain))
            return line
        } + [StyledLine("     " + String(repeating: " ", count: mark) + "51", style: .dim)]
    }

    private static func style(_ tone: CountrySheet.Tone) -> Style {
        switch tone {
        case .plain: .plain
        case .dim: .dim
        case .good: .done
        case .warning: .warning
        case .accent: .accent
        }
    }
}
