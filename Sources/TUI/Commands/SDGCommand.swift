import ArgumentParser
import Foundation
import Model
import Presentation

/// `knupp sdg11a1 [--as-of DAY] [--json]` and `knupp sdg11a1 assess …`.
struct SDGCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sdg11a1", abstract: "SDG indicator 11.a.1 for each country: show the standing, or record an evaluator's scores.",
        discussion: """
            11.a.1: "Number of countries that have national urban policies or regional development plans that (a) respond to
            population dynamics; (b) ensure balanced territorial development; and (c) increase local fiscal space" (UN SDG
            metadata, updated 2021-12-20). Each evaluator scores a, b and c from 0 to 100; Qa, Qb, Qc are the means over the
            evaluators, X = (Qa + Qb + Qc) / 3, and a country meets the indicator at X ≥ 51, unrounded. Categories: 1 (0),
            2 (1–25), 3 (26–50), 4 (51–75), 5 (76–100). A country without a NUP, or never assessed, is reported as 0.
            Example:
              knupp sdg11a1 assess MOZ --date 2025-03-01 --policy moz-nup --evaluator "A. Evaluator" --a 40 --b 20 --c 75
            """,
        subcommands: [Show.self, Assess.self], defaultSubcommand: Show.self)

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Each country's standing: Qa, Qb, Qc, X, category, meets.")

        @OptionGroup var global: GlobalOptions

        @OptionGroup var view: ResultCommands.View

        func run() throws {
            try Context.run(global) { context in
                let day = try view.day(today: context.today)
                let json = view.json
                let programme = try context.programme().asOf(day, in: .current)
                let rows = SDGRow.all(programme, asOf: day).rows
                if json {
                    // As the report writes it (`sdg11a1` of `report --format json`).
                    var w = JSONWriter(alsoEscape: JSONOutput.alsoEscaped)
                    ProgressReport.write(&w, ProgressReport.results(programme, asOf: day).1)
                    Output.print(String(decoding: w.bytes, as: UTF8.self))
                    return
                }
                let table = TextTable(
                    columns: [.init(title: L("COUNTRY")), .init(title: L("NAME"), flexible: true, minimum: 10), .init(title: L("DATE")),
                              .init(title: "QA", alignRight: true), .init(title: "QB", alignRight: true), .init(title: "QC", alignRight: true),
                              .init(title: "X", alignRight: true), .init(title: L("CAT"), alignRight: true), .init(title: L("MEETS")), .init(title: L("STAGE"))],
                    rows: rows.map { r in
                        [r.country, r.name, r.date?.description ?? L("not assessed"), r.qa, r.qb, r.qc, r.x, "\(r.category)",
                         r.meets ? L("yes") : L("no"), r.stageText ?? ""]
                    })
                Output.print(table.render(width: Output.terminalWidth))
                Output.print(SDGRow.line(programme, asOf: day) + " (" + L("as of %@", "\(day)") + ").")
                Output.print(SDGRow.ruleText + " " + L("CAT: the category of X (1: 0, 2: 1–25, 3: 26–50, 4: 51–75, 5: 76–100). STAGE: developing (feasibility to formulation) or implementing (implementation, M&E), from the NUP stage."))
            }
        }
    }

    struct Assess: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "assess", abstract: "Record one evaluator's scores of a country's NUP on a day (a second evaluator that day joins it).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The country.", valueName: "country"), completion: .custom(Completion.countriesOnly))
        var country: String

        @Option(help: ArgumentHelp("The day of the assessment: YYYY-MM-DD.", valueName: "day"))
        var date: String

        @Option(help: ArgumentHelp("The policy assessed (its id); the country's only one when not given.", valueName: "id"))
        var policy: String?

        @Option(help: ArgumentHelp("Who scored it.", valueName: "name"))
        var evaluator: String

        // Scores and texts taken as typed even when they start with "-": "-1" is then said to be no score.
        @Option(parsing: .unconditional, help: ArgumentHelp("(a) responds to population dynamics: 0–100.", valueName: "n"))
        var a: Int

        @Option(parsing: .unconditional, help: ArgumentHelp("(b) ensures balanced territorial development: 0–100.", valueName: "n"))
        var b: Int

        @Option(parsing: .unconditional, help: ArgumentHelp("(c) increases local fiscal space: 0–100.", valueName: "n"))
        var c: Int

        @Option(parsing: .unconditional, help: ArgumentHelp("A link or a document's reference for the assessment.", valueName: "url"))
        var evidence: String?

        @Option(parsing: .unconditional, help: "A note on the assessment.")
        var note: String?

        func run() throws {
            try Context.run(global) { context in
                guard let day = CalendarDate(date) else { throw ValidationError(L("“%@” is not a date: write YYYY-MM-DD.", date.clean)) }
                if day.firstOrdinal > context.today.lastOrdinal {
                    throw ValidationError(L("%@ is after today (%@): an assessment is recorded on or after its day.", "\(day)", "\(context.today)"))
                }
                _ = try context.recordingOfficer()
                try MilestoneCommit.commitWhole(context) { programme in
                    let id = try ResultCommands.country(country, in: programme)
                    return (try programme.assessing(id, on: day, policy: policy, evaluator: evaluator, a: a, b: b, c: c, evidence: evidence, note: note), nil)
                }
            }
        }
    }
}
