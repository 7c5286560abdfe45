import ArgumentParser
import Foundation
import Model
import Sync
import Presentation

/// `knupp report`: the programme progress report for the donor.
struct ReportCommand: ParsableCommand {

    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the programme progress report.",
        discussion: """
            The record as it stood on a day (--as-of, or --to): what was achieved after it is open, \
            events after it left out; inside git, the record the store's history held that day. Per phase and per country: NUP stage, policies, milestones with who \
            ticked them, notes and evidence, people reached; events, publications, contacts. \
            Markdown reads as it is; HTML is one page to open in a browser or print to PDF; CSV \
            is RFC 4180; JSON is stable (reportVersion 3, keys sorted). --from DAY (or --since) \
            adds the changes of the period. Each form is described in docs/REPORT.md.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("format"), help: "markdown, html, csv or json (default: the --output file's ending, else markdown).")
    var chosenFormat: ReportFormat?

    /// The format asked for, else the one the output file's name ends in (report.csv), else Markdown.
    var format: ReportFormat {
        chosenFormat ?? output.flatMap { name in ReportFormat.allCases.first { $0.fileExtension == (name as NSString).pathExtension.lowercased() } }
            ?? .markdown
    }

    @Option(help: ArgumentHelp("Write to this file instead of stdout (replaced atomically).", valueName: "file"), completion: .file())
    var output: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day the report is for, YYYY-MM-DD (default: today).", valueName: "day"))
    var asOf: String?

    @Option(name: [.customLong("from"), .customLong("since")],
            help: ArgumentHelp("The start of the reporting period: adds the changes to the record since this day, YYYY-MM-DD.", valueName: "day"))
    var since: String?

    @Option(help: ArgumentHelp("The end of the reporting period (the same as --as-of), YYYY-MM-DD.", valueName: "day"))
    var to: String?

    @Flag(inversion: .prefixedNo,
          help: "CSV: start with the UTF-8 byte-order mark, so that Excel shows Korean and “2017–2022” as written (default: on for --output FILE.csv, off otherwise).")
    var bom: Bool?

    func validate() throws {
        if let output, output.isEmpty {
            throw ValidationError(L("--output takes a file name; it was given an empty one. Leave it out to print the report."))
        }
        if let asOf, CalendarDate(asOf)?.precision != .day {
            throw ValidationError(L("%@ takes a day as YYYY-MM-DD; “%@” is not one.", "--as-of", asOf.clean))
        }
        if let since, CalendarDate(since)?.precision != .day {
            throw ValidationError(L("%@ takes a day as YYYY-MM-DD; “%@” is not one.", "--from", since.clean))
        }
        if let to, CalendarDate(to)?.precision != .day {
            throw ValidationError(L("%@ takes a day as YYYY-MM-DD; “%@” is not one.", "--to", to.clean))
        }
        if asOf != nil && to != nil {
            throw ValidationError(L("--to and --as-of both name the report's last day (a period's end, or the day it is as of): give one of them."))
        }
        if bom == true && format != .csv {
            throw ValidationError(L("--bom is for CSV (a spreadsheet's file); %@ goes without one.", format.rawValue))
        }
    }

    /// The report of `programme` as of `day`, with the changes of the period from `from` (read
    /// from the store's history: git, or its tick records) when one is asked for. What the
    /// command and the front's `R` both write.
    ///
    /// As of a day before today, inside git, the record is the one the store's history held at
    /// the end of that day (a milestone ticked then and unticked since is done in it); the
    /// rules of `Programme.asOf` then apply to it as to any record.
    static func report(of programme: Programme, storePath: String, asOf day: CalendarDate, from: CalendarDate?,
                       today: CalendarDate, format: ReportFormat = .markdown) -> ProgressReport {
        let historical = day < today ? StoreHistory.record(storePath: storePath, endOf: day, in: .current) : nil
        // The Slippage table is for the formats that draw it (the JSON's milestones carry its facts).
        var report = ProgressReport(programme: historical?.programme ?? programme, asOf: day, from: from,
                                    withSlippage: format == .markdown || format == .html)
        if let historical { report.recordSource = "the store's git history at the end of \(day) (commit \(historical.commit))" }
        // Read from the record as it is now, a day before today: its undated notes may have been
        // written since (from history, they were there by the day).
        if day < today && historical == nil { report.undatedMayBeLater = true }
        if let from {
            let history = StoreHistory.load(storePath: storePath, current: programme)
            let source = history.source == .tickRecords ? "dated records in the store (ticks, notes, moves)" : "store's history in git"
            report.addChanges(since: from, source: source, history.filtered(since: from, until: day).map {
                (moment: $0.moment, officer: $0.officer, change: $0.change)
            })
        }
        return report
    }

    func run() throws {
        try Context.run(global) { context in
            try OutputFile.check(output, store: context.storePath)
            let (end, start) = ((to ?? asOf).flatMap(CalendarDate.init), since.flatMap(CalendarDate.init))
            if let problem = ReportDays.problem(end: end, start: start, today: context.today) {
                var option: String?
                if case .afterToday(_, let isStart) = problem { option = isStart ? "--from" : (to != nil ? "--to" : "--as-of") }
                throw ValidationError(ReportDays.sentence(problem, today: context.today, option: option)
                                      + (option == "--as-of" || option == "--to" ? " Leave it out for a report as of today." : ""))
            }
            let programme = try context.programme()
            let day = end ?? context.today
            let report = ReportCommand.report(of: programme, storePath: context.storePath, asOf: day, from: since.flatMap(CalendarDate.init),
                                              today: context.today, format: format)
            guard let output else {
                // JSON goes out as it is made: a report of 900,000 milestones is 200 MB.
                if format == .json { report.writeJSON { Output.print(raw: $0) } } else { Output.print(bytes: try format.renderBytes(report, bom: bom ?? false)) }
                Output.finish()
            }
            try OutputFile.write(try format.renderBytes(report, bom: bom ?? format.marksByteOrder(writingTo: output)), to: output)
            Output.note(L("Wrote the %@ report to %@.", format.rawValue, output.clean))
        }
    }
}
