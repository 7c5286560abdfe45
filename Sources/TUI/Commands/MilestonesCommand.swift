import ArgumentParser
import Model
import Presentation

/// `knupp milestones`: milestones by country, phase and status.
struct MilestonesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "milestones", abstract: "List milestones.")

    @OptionGroup var global: GlobalOptions

    @OptionGroup var only: CountryOption

    @Option(help: ArgumentHelp("Only this phase's (its own and its countries').", valueName: "n"))
    var phase: Int?

    @Option(help: "open (includes overdue), done, overdue, slipped (later than first planned) or all.")
    var status: StatusFilter = .all

    @Flag(help: "Machine-readable output.")
    var json = false

    func run() throws {
        try Context.run(global) { context in
            let programme = try context.programme()
            let countryID = try only.id(in: programme)
            if let phase, programme.phase(phase) == nil {
                throw NotFound(message: L("There is no phase %@; the phases are", "\(phase)") + " "
                               + programme.phases.map { "\($0.number)" }.joined(separator: ", ") + ".")
            }
            let ownPhase = countryID.flatMap { programme.country($0)?.phase }
            func admits(_ entry: MilestoneEntry) -> Bool {
                (phase == nil || entry.phase == phase)
                    // A country's milestones include those of its phase as a whole: they are left for it too.
                    && (countryID == nil || entry.owner == .country(countryID ?? "") || entry.owner == .phase(ownPhase ?? -1))
                    && status.admits(entry.milestone, today: context.today)
            }
            if json {
                var rows: [MilestoneRow] = []
                programme.forEachMilestoneEntry { if admits($0) { rows.append(MilestoneRow(entry: $0, programme: programme, today: context.today)) } }
                Output.print(JSONOutput.list(rows, MilestoneRow.write))
                Output.finish()
            }
            // Each owner's name once, not a search of the countries per row; the cells straight from
            // the programme, row after row, with no list of entries or rows in between.
            var owners: [MilestoneOwner: String] = [:]
            for c in programme.countries { owners[.country(c.id)] = c.name }
            for p in programme.phases { owners[.phase(p.number)] = L("Phase %@", "\(p.number)") }
            var cells: [String] = []
            cells.reserveCapacity(programme.milestoneCount * 6)
            programme.forEachMilestoneEntry { e in
                guard admits(e) else { return }
                let m = e.milestone
                let at = m.doneAt.map { MomentFormat.day($0) }
                cells.append(m.id); cells.append(MilestoneFormat.label(m.status(today: context.today)))
                cells.append(owners[e.owner] ?? programme.ownerName(e.owner)); cells.append(m.due?.description ?? "")
                cells.append(m.title)
                // Who ticked it and when; the day achieved when the officer gave another.
                let ticked = m.doneBy.map { by in at.map { by + " " + $0 } ?? by } ?? at ?? ""
                cells.append(m.doneOn.map { ticked + (ticked.isEmpty ? "" : ", ") + "achieved \($0)" } ?? ticked)
            }
            let table = TextTable(
                // On a narrow terminal the tick record gives way first, then the owner, then the title
                // down to something readable; the id never (it is what `tick` and `due` take).
                columns: [.init(title: "ID"), .init(title: L("STATUS")),
                          .init(title: L("FOR"), flexible: true, minimum: 8, yieldOrder: 1), .init(title: L("DUE")),
                          .init(title: L("TITLE"), flexible: true, minimum: 10, yieldOrder: 2),
                          .init(title: L("TICKED"), flexible: true, minimum: 0, yieldOrder: 0)],
                cells: cells)
            if cells.isEmpty { Output.print(L("No milestones match.")) } else { Output.print(bytes: table.renderedBytes(width: Output.terminalWidth)) }
            Output.finish()
        }
    }
}
