import ArgumentParser
import Foundation
import Model
import Presentation

/// `knupp countries`: every country with its phase, scope, stage and progress.
struct CountriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "countries", abstract: "List the countries and their progress.")

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only the countries of this phase.", valueName: "n"))
    var phase: Int?

    @Flag(help: "Machine-readable output.")
    var json = false

    func run() throws {
        try Context.run(global) { context in
            let programme = try context.programme()
            let countries = programme.countries.filter { phase == nil || $0.phase == phase }
            if json {
                Output.print(JSONOutput.list(countries.map { CountryRow(country: $0, today: context.today) }, CountryRow.write))
                return
            }
            let table = TextTable(
                columns: [.init(title: "ID"), .init(title: L("NAME"), flexible: true, minimum: 12), .init(title: L("PHASE"), alignRight: true),
                          .init(title: L("SCOPE")), .init(title: L("STAGE")), .init(title: L("DONE"), alignRight: true),
                          .init(title: L("OPEN"), alignRight: true), .init(title: L("OVERDUE"), alignRight: true)],
                rows: countries.map { c in
                    let tally = MilestoneTally(c.milestones, today: context.today)
                    return [c.id, c.name, "\(c.phase)", c.scope.text, c.stage?.text ?? L("unknown"),
                            "\(tally.progress.done)/\(tally.progress.total)", "\(tally.open)", "\(tally.overdue)"]
                })
            Output.print(table.render(width: Output.terminalWidth))
        }
    }
}
