import Model

/// A country as plain text, for `knupp show`: the `CountrySheet`, line by line.
public enum CountryText {
    public static func render(_ c: Country, programme: Programme, today: CalendarDate) -> String {
        let sheet = CountrySheet(country: c, programme: programme, today: today)
        var lines = [sheet.heading, sheet.summary, L("NUP stage:") + " " + CountrySheet.stageStrip(sheet.stage)]
        if let basis = sheet.stageBasis { lines.append(String(repeating: " ", count: L("NUP stage:").displayWidth + 1) + basis) }
        for (_, section) in sheet.sections {
            if section.isEmpty && section.whenEmpty == nil { continue }
            lines.append("")
            lines.append(section.title + ":")
            if section.isEmpty, let empty = section.whenEmpty {
                lines.append("  (\(empty))")
                continue
            }
            switch section.content {
            case .lines(let items):
                for item in items {
                    lines.append("  - " + item.text)
                    if let detail = item.detail { lines.append("    " + detail) }
                }
            case .milestones(let milestones):
                for m in milestones {
                    lines.append(MilestoneFormat.line(m, today: today))
                    lines += MilestoneFormat.noteLines(m).map { "        " + $0 }
                }
            case .text(let text):
                lines += text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + String($0) }
            }
        }
        return lines.map(\.clean).joined(separator: "\n")
    }
}
