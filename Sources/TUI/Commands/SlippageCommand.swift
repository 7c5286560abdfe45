import ArgumentParser
import Foundation
import Model
import Presentation

/// `knupp slippage`: the milestones off their first plan (planned, now or achieved, slip, moves,
/// last reason), latest first, and the phases whose end moved.
struct SlippageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slippage", abstract: "Planned against actual: milestones whose due moved or that were achieved on a known day.")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only this country's (id or name; a unique prefix is enough).", valueName: "country"),
            completion: .custom(Completion.countryIDs))
    var country: String?

    @Option(name: .customLong("min-days"), help: ArgumentHelp("Only those that slipped at least this many days.", valueName: "n"))
    var minDays: Int?

    @Flag(help: "Machine-readable output.")
    var json = false

    func run() throws {
        try Context.run(global) { context in
            let programme = try context.programme()
            let countryID = try country.map { try ShowCommand.resolve($0, in: programme).id }
            let lines = Slippage.lines(programme, today: context.today, timeZone: .current,
                                       admits: { countryID == nil || $0.owner == .country(countryID ?? "") }, minDays: minDays)
            let phases = countryID == nil && minDays == nil ? Slippage.phases(programme) : []
            if json {
                Output.print(Slippage.json(lines, phases: phases))
                Output.finish()
            }
            for p in phases { Output.print(Slippage.phaseSentence(p).clean) }
            guard !lines.isEmpty else {
                Output.print("No milestone is off its plan" + (minDays.map { " by \($0) days or more" } ?? "")
                             + ": no due has moved" + (minDays == nil ? " and none was achieved on a recorded day." : "."))
                Output.finish()
            }
            var cells: [String] = []
            for l in lines {
                cells += [l.id, l.owner, l.planned, (l.status == "done" ? "done " : "") + l.current, l.slip,
                          l.moves == 0 ? "" : "\(l.moves)", l.lastReason ?? "", l.title]
            }
            let table = TextTable(
                columns: [.init(title: "ID", flexible: true, minimum: 14, yieldOrder: 2), .init(title: "FOR", flexible: true, minimum: 8, yieldOrder: 3),
                          .init(title: "PLANNED"), .init(title: "NOW"), .init(title: "SLIP", alignRight: true),
                          .init(title: "MOVES", alignRight: true), .init(title: "LAST REASON", flexible: true, minimum: 0, yieldOrder: 1),
                          .init(title: "TITLE", flexible: true, minimum: 16, yieldOrder: 0)],
                cells: cells)
            Output.print(bytes: table.renderedBytes(width: Output.terminalWidth))
            Output.finish()
        }
    }
}
