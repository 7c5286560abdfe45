import ArgumentParser
import Foundation
import Model
import Presentation

/// `knupp indicators`: every indicator with its baseline, latest actual, target and progress.
struct IndicatorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators", abstract: "List the indicators: baseline, latest actual, target, progress.",
        discussion: """
            Progress is (actual − baseline) / (target − baseline), inverted for an indicator where less is better; none for
            nominal, ordinal and qualitative measures. Record values with `knupp indicator baseline|target|actual`.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("Only this country's indicators (“programme” for the programme's own).", valueName: "id"))
    var country: String?

    @OptionGroup var view: ResultCommands.View

    func run() throws {
        try Context.run(global) { context in
            let day = try view.day(today: context.today)
            let json = view.json
            let record = try context.programme()
            let programme = record.asOf(day, in: .current)
            var rows = IndicatorRow.all(programme, asOf: day)
            if let country {
                if country.lowercased() == "programme" { rows = rows.filter { $0.country == nil } } else {
                    let id = try ResultCommands.country(country, in: programme)
                    rows = rows.filter { $0.country == id }
                }
            }
            if json {
                // As the report writes them: one form of results for every reader.
                let shown = Set(rows.map { ($0.country ?? "") + "/" + $0.id })
                let lines = ProgressReport.results(programme, asOf: day).0.filter { shown.contains(($0.country ?? "") + "/" + $0.id) }
                var w = JSONWriter(alsoEscape: JSONOutput.alsoEscaped)
                ProgressReport.write(&w, lines)
                Output.print(String(decoding: w.bytes, as: UTF8.self))
                return
            }
            if rows.isEmpty {
                Output.print((country.map { L("No indicators for %@ in the record.", $0.clean) } ?? L("No indicators in the record.")) + " "
                             + L("Add one: %@", "knupp indicator add ID --title T --measure unit [--country C]"))
                return
            }
            let table = TextTable(
                columns: [.init(title: L("COUNTRY")), .init(title: "ID"), .init(title: L("TITLE"), flexible: true, minimum: 12),
                          .init(title: L("MEASURE")), .init(title: L("BASELINE")), .init(title: L("ACTUAL")), .init(title: L("TARGET")),
                          .init(title: L("PROGRESS"), alignRight: true), .init(title: "EV")],
                rows: rows.map { r in
                    [r.country ?? L("programme"), r.id, r.title, (Indicator.Measure(rawValue: r.measure)?.text ?? r.measure) + (r.ascending ? "" : " ↓"), IndicatorRow.dated(r.baseline),
                     IndicatorRow.dated(r.actual), IndicatorRow.dated(r.target), r.percent, r.hasEvidence ? "✓" : ""]
                })
            Output.print(table.render(width: Output.terminalWidth))
            for rollUp in IndicatorRollUp.all(rows) { Output.print(rollUp.sentence.clean + ".") }
            Output.print(L("↓: less is better. EV ✓: the latest actual has evidence. Progress: (actual − baseline) / (target − baseline), against the last target; none for nominal, ordinal and qualitative measures."))
        }
    }
}

/// `knupp indicator add|baseline|target|actual`.
struct IndicatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicator", abstract: "Add an indicator, or record its baseline, a target or an actual.",
        discussion: """
            Examples:
              knupp indicator add moz-plans --country MOZ --title "Municipal plans adopted" --measure unit --result outcome
              knupp indicator baseline moz-plans 0 --date 2022-11
              knupp indicator target moz-plans 12 --date 2026-11
              knupp indicator actual moz-plans 5 --date 2025-06-30 --evidence https://example.org/report.pdf
            Values are numbers (12, 4.5; a negative one as -3) for unit and percentage measures; a qualitative indicator's
            value is its words. A day that has a target or an actual already keeps it unless --replace is given.
            Its other fields: `knupp set indicator:ID FIELD=VALUE`; remove it with `knupp remove indicator:ID`.
            """,
        subcommands: [Add.self, Value.Baseline.self, Value.Target.self, Value.Actual.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an indicator to a country, or to the programme.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("Its id: one word, unique among indicators and milestones.", valueName: "id"))
        var id: String

        @Option(help: "What it measures.")
        var title: String

        @Option(help: ArgumentHelp("unit, percentage, nominal, ordinal or qualitative (IATI's measures).", valueName: "measure"))
        var measure: String

        @Option(help: ArgumentHelp("The country it belongs to; without it, the programme's.", valueName: "id"))
        var country: String?

        @Option(help: ArgumentHelp("The SDG indicator it reports on, e.g. 11.a.1.", valueName: "code"))
        var sdg: String?

        @Flag(help: "Less is better (progress counts down).")
        var descending = false

        @Flag(help: "Its latest actuals add up with those of other indicators of the same SDG code.")
        var aggregate = false

        @Option(name: .customLong("result"), help: ArgumentHelp("output, outcome or impact.", valueName: "type"))
        var resultType: String?

        func run() throws {
            try Context.run(global) { context in
                var pairs = [("title", title), ("measure", measure), ("ascending", descending ? "no" : "yes"), ("aggregate", aggregate ? "yes" : "no")]
                if let sdg { pairs.append(("sdg", sdg)) }
                if let resultType { pairs.append(("resultType", resultType)) }
                let values = try RecordCommand.values(pairs, kind: .indicator, adding: true)
                _ = try context.recordingOfficer()
                try MilestoneCommit.commitWhole(context) { programme in
                    let owner = try country.map { try ResultCommands.country($0, in: programme) }
                    return (.addRecord(RecordRef(.indicator, id, country: owner), values, at: nil), nil)
                }
            }
        }
    }

    /// The three dated values, one shape.
    enum Value {
        struct Options: ParsableArguments {
            @Argument(help: ArgumentHelp("The indicator: its id, or COUNTRY/ID.", valueName: "indicator"), completion: .custom(Completion.indicators))
            var indicator: String

            @Argument(help: ArgumentHelp("A number (12, 4.5); for a qualitative indicator, its words.", valueName: "value"))
            var value: String

            @Option(help: ArgumentHelp("Its day: YYYY-MM-DD, YYYY-MM or YYYY.", valueName: "day"))
            var date: String

            // Taken as typed even when they start with "-" (a comment "-2 on last year").
            @Option(parsing: .unconditional, help: "What it rests on, or what it says.")
            var comment: String?

            @Option(parsing: .unconditional, help: ArgumentHelp("A link or a document's reference that shows it.", valueName: "url"))
            var evidence: String?

            @Flag(help: "Put it in the place of the value there already (the baseline, or that day's target or actual); without it, that is refused.")
            var replace = false

            func run(_ kind: IndicatorValueKind, _ global: GlobalOptions) throws {
                try Context.run(global) { context in
                    guard let day = CalendarDate(date) else {
                        throw ValidationError(L("“%@” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY.", date.clean))
                    }
                    _ = try context.recordingOfficer()
                    try MilestoneCommit.commitWhole(context) { programme in
                        let ref = try ResultCommands.indicator(indicator, in: programme)
                        let typed = value.trimmingCharacters(in: .whitespaces)
                        if !replace, let there = programme.indicator(ref)?.value(kind, on: day) {
                            let name = programme.recordName(ref).clean
                            let what = kind == .baseline ? L("“%@” has a baseline already", name)
                                : (kind == .actual ? L("%@ already has an actual of “%@”", "\(day)", name) : L("%@ already has a target of “%@”", "\(day)", name))
                            throw ValidationError(what + ": " + there.shown.clean + " (\(there.date))" + (there.evidence.map { ", " + L("evidence:") + " \($0.clean)" } ?? "")
                                                  + ". " + L("Give --replace to put %@ in its place: the record then keeps only the new one (a shared store's git history keeps the old).", typed.clean))
                        }
                        return (try programme.recording(kind, of: ref, value: typed, on: day, comment: comment, evidence: evidence,
                                                        by: context.officer, at: isoMoment(context.now), today: context.today), nil)
                    }
                }
            }
        }

        struct Baseline: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "baseline", abstract: "Set an indicator's baseline (its value before, and its day).")
            @OptionGroup var global: GlobalOptions
            @OptionGroup var options: Options
            func run() throws { try options.run(.baseline, global) }
        }

        struct Target: ParsableCommand {
            static let configuration = CommandConfiguration(commandName: "target", abstract: "Set an indicator's target for a day (--replace puts it in the place of that day's).")
            @OptionGroup var global: GlobalOptions
            @OptionGroup var options: Options
            func run() throws { try options.run(.target, global) }
        }

        struct Actual: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "actual", abstract: "Record what an indicator stood at on a day (never a day to come), with who and when.")
            @OptionGroup var global: GlobalOptions
            @OptionGroup var options: Options
            func run() throws { try options.run(.actual, global) }
        }
    }
}

/// What the result commands share: a day option, a country, an indicator named by the officer.
enum ResultCommands {
    /// How results are listed: as of a day (actuals and assessments after it left out), as JSON.
    struct View: ParsableArguments {
        @Option(name: .customLong("as-of"), help: ArgumentHelp("As the record stood at the end of this day (what was dated or written after it left out).",
                                                              valueName: "day"))
        var asOf: String?

        @Flag(help: "Machine-readable output.")
        var json = false

        /// The day asked for (today when not given); never after today.
        func day(today: CalendarDate) throws -> CalendarDate {
            guard let asOf else { return today }
            guard let day = CalendarDate(asOf) else { throw ValidationError(L("--as-of “%@” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY.", asOf.clean)) }
            if day.firstOrdinal > today.lastOrdinal {
                throw ValidationError(L("--as-of %@ is after today (%@): the record cannot say yet how it will stand. Leave it out for today.", "\(day)", "\(today)"))
            }
            return day
        }
    }

    /// The country an officer names: its id, its name, or a unique start of either (as `show`).
    static func country(_ typed: String, in programme: Programme) throws -> String {
        try ShowCommand.resolve(typed, in: programme).id
    }

    static func indicator(_ typed: String, in programme: Programme) throws -> RecordRef {
        let found = programme.findRecords(typed.lowercased().hasPrefix("indicator:") ? typed : "indicator:" + typed)
        if found.count == 1 { return found[0] }
        if found.isEmpty { throw NotFound(message: L("No indicator “%@”. `knupp indicators` lists them.", typed.clean)) }
        throw NotFound(message: L("“%@” could be %@. Type more of it.", typed.clean, found.prefix(8).map(\.description).joined(separator: ", ")))
    }
}
