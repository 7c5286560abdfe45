import ArgumentParser
import Foundation
import Model
import Sync
import Presentation

/// `knupp report`: the programme progress report for the donor.
struct ReportCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, csv, json }

    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the programme progress report.",
        discussion: """
            Per phase and per country: NUP stage, policies and their status, milestones done and
            open (overdue marked), people reached, and the events. Markdown reads as it is; CSV
            is RFC 4180; JSON is stable (reportVersion 1, keys sorted). The fields of each form
            are described in docs/REPORT.md.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "markdown, csv or json.")
    var format: Format = .markdown

    @Option(help: ArgumentHelp("Write to this file instead of stdout (replaced atomically).", valueName: "file"))
    var output: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The day the report is for, YYYY-MM-DD (default: today).", valueName: "day"))
    var asOf: String?

    @Option(help: ArgumentHelp("Add the changes to the record since this day (from git, or the tick records), YYYY-MM-DD.", valueName: "day"))
    var since: String?

    func validate() throws {
        if let asOf, CalendarDate(asOf)?.precision != .day {
            throw ValidationError("--as-of takes a day as YYYY-MM-DD; “\(asOf.clean)” is not one.")
        }
        if let since, CalendarDate(since)?.precision != .day {
            throw ValidationError("--since takes a day as YYYY-MM-DD; “\(since.clean)” is not one.")
        }
    }

    func run() throws {
        try Context.run(global) { context in
            if let output, StoreFiles.belongsToStore(output, store: context.storePath) {
                throw ValidationError("--output \(output.clean) is the store or one of its files (\(context.storePath.clean)); "
                                      + "the report would replace the record. Name another file.")
            }
            let programme = try context.programme()
            let day = asOf.flatMap(CalendarDate.init) ?? context.today
            var report = ProgressReport(programme: programme, asOf: day)
            if let since = since.flatMap(CalendarDate.init) {
                let history = StoreHistory.load(storePath: context.storePath, current: programme)
                let source = history.source == .tickRecords ? "tick records in the store" : "store's history in git"
                report.addChanges(since: since, source: source, history.filtered(since: since, until: day).map {
                    (moment: $0.moment, officer: $0.officer, change: $0.change)
                })
            }
            let text: String
            switch format {
            case .markdown: text = MarkdownReport.render(report)
            case .csv: text = CSVReport.render(report)
            case .json: text = try JSONOutput.encode(report) + "\n"
            }
            if let output {
                try AtomicFile.write(Data(text.utf8), to: output)
                Output.note("Wrote the \(format.rawValue) report to \(output.clean).")
            } else {
                Output.print(text, newline: false)
            }
        }
    }
}
