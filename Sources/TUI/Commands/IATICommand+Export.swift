import ArgumentParser
import Foundation
import Model
import Presentation

extension IATICommand {
    /// What an export lacks, a point a line, each with the command that supplies it under it.
    static func listed(_ missing: [IATIExport.Missing]) -> String {
        missing.map { "\n  - " + $0.what.clean + ($0.fix.isEmpty ? "" : "\n      " + $0.fix.clean) }.joined()
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check", abstract: "List the IATI settings and what an export still lacks (exit 1 while something does).")

        @OptionGroup var global: GlobalOptions

        @Option(help: "Check an export of this phase only.")
        var phase: Int?

        @Flag(help: "Check an export of the countries' activities only (no phase shares needed).")
        var childrenOnly = false

        func run() throws {
            try Context.run(global) { context in
                let programme = try context.programme()
                let iati = programme.iati ?? IATISettings()
                Output.print(L("IATI settings in %@:", context.storePath.clean))
                Output.print("  reporting-org      " + (iati.reportingOrg.map { "\($0.ref) (\($0.type)) \($0.name)".clean } ?? "—"))
                Output.print("  identifier-prefix  " + (iati.identifierPrefix?.clean ?? "—"))
                Output.print("  sector             " + (iati.sector.map { $0 + (IATICodes.sectors[$0].map { " \($0)" } ?? "") } ?? "—"))
                for partner in programme.partners {
                    let p = iati.partner(partner.id)
                    Output.print("  role \(partner.id.clean)  " + (p.map { $0.roles.map(\.rawValue).joined(separator: ",") + ($0.type.map { " type \($0)" } ?? "") + ($0.ref.map { " ref \($0.clean)" } ?? "") } ?? "—"))
                }
                for phase in programme.phases {
                    let p = iati.phase(phase.number)
                    Output.print("  " + L("Phase %@", "\(phase.number)") + "  " + L("shares:") + " " + ((p?.shares ?? []).isEmpty ? "—" : p!.shares.map { "\($0.country)=\($0.percentage)" }.joined(separator: " "))
                                 + "  " + L("status:") + " " + (p?.status.map { "\($0) \(IATICodes.activityStatuses[$0] ?? "")" } ?? L("derived from the dates")))
                }
                let missing = IATIExport.missing(programme, IATIExport.Options(phase: phase, childrenOnly: childrenOnly, today: context.today, timeZone: .current))
                if missing.isEmpty {
                    let command = "knupp iati export" + (phase.map { " --phase \($0)" } ?? "") + (childrenOnly ? " --children-only" : "")
                    Output.print(L("Nothing is missing: `%@` writes the file.", command))
                    return
                }
                Output.print(L("Missing for an export:") + IATICommand.listed(missing))
                throw ExitCode(ExitStatus.failure)
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write the IATI 2.03 activity file: one activity per phase and one per country of it.",
            discussion: "Exits 1 naming each missing value and the `knupp iati set …` that supplies it; nothing is written then.")

        @OptionGroup var global: GlobalOptions

        @Option(name: .shortAndLong, help: "Write to this file (replaced whole, or not at all) instead of printing.")
        var output: String?

        @Option(help: "Export this phase only.")
        var phase: Int?

        @Flag(help: "Only the countries' activities (hierarchy 2): no phase shares needed.")
        var childrenOnly = false

        @Option(help: "The record as it stood on a day (YYYY-MM-DD): later expenditures, actuals and assessments left out.")
        var asOf: String?

        func run() throws {
            try Context.run(global) { context in
                try OutputFile.check(output, store: context.storePath)
                var day: CalendarDate?
                if let asOf {
                    guard let d = CalendarDate(asOf), d.precision == .day else { throw ValidationError(L("%@ takes a day as YYYY-MM-DD; “%@” is not one.", "--as-of", asOf.clean)) }
                    if let problem = ReportDays.problem(end: d, start: nil, today: context.today) {
                        throw ValidationError(ReportDays.sentence(problem, today: context.today, option: "--as-of"))
                    }
                    day = d
                }
                let programme = try context.programme()
                let options = IATIExport.Options(phase: phase, childrenOnly: childrenOnly, today: context.today, asOf: day, timeZone: .current)
                switch IATIExport.xml(programme, options) {
                case .failure(let lacking):
                    Output.error(L("the IATI file was not written; it lacks:") + IATICommand.listed(lacking.missing))
                    throw ExitCode(ExitStatus.failure)
                case .success(let xml):
                    guard let output else {
                        Output.print(bytes: Array(xml.utf8))
                        Output.finish()
                    }
                    try OutputFile.write(Array(xml.utf8), to: output)
                    Output.note(L("Wrote the IATI activity file to %@.", output.clean))
                }
            }
        }
    }
}
