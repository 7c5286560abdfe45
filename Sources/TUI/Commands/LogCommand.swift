import ArgumentParser
import Foundation
import Model
import Presentation
import Sync

/// `knupp log`: every change to the record, newest first.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Every change to the record, newest first: when, who, what, old → new.",
        discussion: """
            Inside a git repository the history is read from the store's commits (each compared \
            record by record with the one before), plus what is saved but not synced yet. \
            Outside git only what the store dates is listed (ticks, notes and evidence, moves of a due \
            or a phase's end: who and when), and the list says so; unticks and other edits need git.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only changes on or after this day, YYYY-MM-DD.", valueName: "day"))
    var since: String?

    @Option(help: ArgumentHelp("Only changes on or before this day, YYYY-MM-DD (with --since: a period).", valueName: "day"))
    var until: String?

    @Option(help: ArgumentHelp("Only this country's records (id or name; a unique prefix is enough).", valueName: "country"))
    var country: String?

    @Option(name: .customLong("by"), help: ArgumentHelp("Only changes by this officer (part of the name is enough).", valueName: "name"))
    var by: String?

    @Flag(help: "Machine-readable output.")
    var json = false

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, CalendarDate(value)?.precision != .day {
                throw ValidationError(L("%@ takes a day as YYYY-MM-DD; “%@” is not one.", name, value.clean))
            }
        }
        if let since, let until, let a = CalendarDate(since), let b = CalendarDate(until), b < a {
            throw ValidationError(L("--until %@ is before --since %@: the period ends before it starts.", "\(b)", "\(a)"))
        }
    }

    func run() throws {
        try Context.run(global) { context in
            let programme = try context.programme()
            let countryID = try country.map { try ShowCommand.resolve($0, in: programme).id }
            let history = StoreHistory.load(storePath: context.storePath, current: programme)
            let entries = history.filtered(since: since.flatMap(CalendarDate.init), until: until.flatMap(CalendarDate.init),
                                           country: countryID, officer: by)
            if json {
                Output.print(JSONOutput.list(entries.map { HistoryRow(moment: $0.moment, officer: $0.officer, change: $0.change, commit: $0.commit) }, HistoryRow.write))
                return
            }
            // WHEN is the officer's local time: the report and the front show moments in the same zone.
            Output.print(HistoryText.source(history.source) + " " + L("Times are in %@.", MomentFormat.zone(.current)))
            guard !entries.isEmpty else {
                Output.print(L("No changes match."))
                return
            }
            Output.print(HistoryText.table(entries).render(width: Output.terminalWidth))
        }
    }
}
