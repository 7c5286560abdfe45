import ArgumentParser
import Foundation
import Model
import Presentation

/// `knupp slippage`: the milestones off their first plan (planned, now or achieved, slip, moves,
/// last reason), latest first, and the phases whose end moved.
struct SlippageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slippage", abstract: "Planned against actual: milestones whose due moved or that came later than planned, and phases whose end moved.")

    @OptionGroup var global: GlobalOptions

    @OptionGroup var only: CountryOption

    @Option(name: .customLong("min-days"), help: ArgumentHelp("Only those that slipped at least this many days.", valueName: "n"))
    var minDays: Int?

    @Flag(help: "Machine-readable output.")
    var json = false

    func run() throws {
        try Context.run(global) { context in
            let programme = try context.programme()
            let countryID = try only.id(in: programme)
            let lines = Slippage.lines(programme, today: context.today, timeZone: .current,
                                       admits: { countryID == nil || $0.owner == .country(countryID ?? "") }, minDays: minDays)
            // Phases are no country's; with --min-days, those that slipped as far.
            let phases = countryID == nil ? Slippage.phases(programme).filter { p in minDays.map { p.slipDays >= $0 } ?? true } : []
            if json {
                Output.print(Slippage.json(lines, phases: phases))
                Output.finish()
            }
            for p in phases { Output.print(Slippage.phaseSentence(p).clean) }
            guard !lines.isEmpty else {
                Output.print(minDays.map { countryID == nil ? L("No milestone slipped %@ days or more.", "\($0)") : L("No milestone slipped %@ days or more in this country.", "\($0)") }
                             ?? (countryID == nil ? Slippage.none : L("No milestone of this country is off its first plan.")))
                Output.finish()
            }
            var cells: [String] = []
            for l in lines {
                let owner = ReportWords.owner(l.owner)
                let slip = Slip.text(of: l.slip)
                cells += [l.id, owner, l.planned, (l.status == "done" ? L("achieved") + " " : "") + l.current, slip,
                          l.moves == 0 ? "" : "\(l.moves)", l.lastReason ?? "", l.title]
            }
            let table = TextTable(
                columns: [.init(title: "ID", flexible: true, minimum: 14, yieldOrder: 2), .init(title: L("FOR"), flexible: true, minimum: 8, yieldOrder: 3),
                          .init(title: L("PLANNED")), .init(title: L("NOW")), .init(title: L("SLIP"), alignRight: true),
                          .init(title: L("MOVES"), alignRight: true), .init(title: L("LAST REASON"), flexible: true, minimum: 0, yieldOrder: 1),
                          .init(title: L("TITLE"), flexible: true, minimum: 16, yieldOrder: 0)],
                cells: cells)
            Output.print(bytes: table.renderedBytes(width: Output.terminalWidth))
            Output.finish()
        }
    }
}
