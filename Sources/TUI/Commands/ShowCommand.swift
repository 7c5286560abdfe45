import ArgumentParser
import Model

/// `knupp show COUNTRY`: one country in full.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one country in full.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A country id or name, case-insensitive; a unique prefix is enough.")
    var country: String

    func run() throws {
        try Context.run(global) { context in
            let programme = try context.programme()
            let found = try ShowCommand.resolve(country, in: programme)
            Output.print(CountryText.render(found, programme: programme, today: context.today))
        }
    }

    /// The country a query names, or a NotFound that lists what there is.
    static func resolve(_ query: String, in programme: Programme) throws -> Country {
        switch programme.findCountry(query) {
        case .found(let country): return country
        case .ambiguous(let matches):
            throw NotFound(message: "“\(query.clean)” could be " + matches.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
                           + ". Type more of it.")
        case .notFound:
            throw NotFound(message: "No country “\(query.clean)”. The countries are: "
                           + programme.countries.map { "\($0.id) (\($0.name))" }.joined(separator: ", ") + ".")
        }
    }
}

/// A country as plain text, for `knupp show`.
enum CountryText {
    static func render(_ c: Country, programme: Programme, today: CalendarDate) -> String {
        var lines: [String] = []
        let p = MilestoneProgress.of(c.milestones)
        lines.append("\(c.name.clean) (\(c.id))" + (c.officialName.map { " — \($0.clean)" } ?? ""))
        lines.append("Phase:      \(c.phase)" + (programme.phase(c.phase).map { ", \($0.periodLabel)" } ?? ""))
        lines.append("Scope:      \(c.scope.level == .national ? "national" : "sub-national: \(c.scope.label.clean)")")
        lines.append("NUP stage:  \(StageStrip.text(c.stage))" + (c.stageBasis.map { "\n            \($0.clean)" } ?? ""))
        lines.append("MilestoneProgress:   \(p.done)/\(p.total) milestones done (\(p.percent)%)")
        lines.append("")
        lines.append("Policy documents:")
        lines += c.policies.isEmpty ? ["  (none recorded)"] : c.policies.map { "  - \($0.title.clean): \($0.status.label)" + ($0.note.map { " — \($0.clean)" } ?? "") }
        lines.append("Demonstration projects:")
        lines += c.projects.isEmpty ? ["  (none recorded)"] : c.projects.map {
            "  - \($0.title.clean)" + ($0.peopleReached.map { ": \(Format.number($0)) people reached" } ?? "")
        }
        if !c.funding.isEmpty {
            lines.append("Funding:")
            lines += c.funding.map { "  - \($0.clean)" }
        }
        lines.append("Milestones:")
        lines += c.milestones.isEmpty ? ["  (none)"] : c.milestones.map { MilestoneText.line($0, today: today) }
        let events = programme.events(concerning: c.id)
        if !events.isEmpty {
            lines.append("Events:")
            lines += events.map { "  - \($0.date) \($0.title.clean)" }
        }
        if !c.notes.isEmpty {
            lines.append("Notes:")
            lines += c.notes.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + String($0).clean }
        }
        return lines.joined(separator: "\n")
    }
}

/// A milestone as one line of plain text.
enum MilestoneText {
    static func line(_ m: Milestone, today: CalendarDate) -> String {
        let box: String
        switch m.status(today: today) {
        case .done: box = "[x]"
        case .open: box = "[ ]"
        case .overdue: box = "[!]"
        }
        var text = "  \(box) \(m.title.clean)  (\(m.id))"
        if let due = m.due { text += "  due \(due)" + (m.isOverdue(today: today) ? " OVERDUE" : "") }
        if m.done, m.doneBy != nil || m.doneAt != nil {
            text += "  ticked" + (m.doneBy.map { " by \($0.clean)" } ?? "") + (m.doneAt.map { " at \($0.clean)" } ?? "")
        }
        return text
    }
}

/// The five NUP stages with the current one marked.
enum StageStrip {
    static func text(_ stage: NUPStage?) -> String {
        guard let stage else { return "unknown (the record does not say)" }
        return NUPStage.allCases.map { $0 == stage ? "[\($0.label)]" : $0.label }.joined(separator: " > ")
    }
}

/// Numbers as people read them.
enum Format {
    /// 500000 -> "500,000".
    static func number(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
