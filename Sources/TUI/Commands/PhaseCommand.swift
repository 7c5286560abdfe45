import ArgumentParser
import Model
import Presentation

/// `knupp phase end N DATE` and `knupp phase actual-end N DATE`: a phase's planned and actual end.
struct PhaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "phase", abstract: "Move a phase's planned end, or record its actual end.",
        subcommands: [End.self, ActualEnd.self])

    /// The phase a number names, or a NotFound that lists the phases.
    static func phase(_ number: Int, in programme: Programme) throws -> Phase {
        guard let phase = programme.phase(number) else {
            throw NotFound(message: L("There is no phase %@; the phases are", "\(number)") + " "
                           + programme.phases.map { "\($0.number)" }.joined(separator: ", ") + ".")
        }
        return phase
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "end", abstract: "Move the phase's planned end (the first plan is kept; the move is listed).")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The phase's number.", valueName: "n"))
        var number: Int

        @Argument(help: ArgumentHelp("The new planned end: YYYY-MM-DD, YYYY-MM or YYYY.", valueName: "date"))
        var date: String

        @Option(help: "Why it moved.")
        var reason: String?

        func validate() throws {
            if CalendarDate(date) == nil { throw ValidationError(L("“%@” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY.", date.clean)) }
        }

        func run() throws {
            try Context.run(global) { context in
                _ = try context.recordingOfficer()
                guard let to = CalendarDate(date) else { return }
                try MilestoneCommit.commitWhole(context) { programme in
                    let phase = try PhaseCommand.phase(number, in: programme)
                    if phase.end == to { return (nil, L("Phase %@ is already planned to end %@.", "\(number)", "\(to)")) }
                    if to.lastOrdinal < phase.start.firstOrdinal {
                        throw ValidationError(L("%@ is before Phase %@ began (%@): a phase ends after it begins.", "\(to)", "\(number)", "\(phase.start)"))
                    }
                    return (.movePhaseEnd(phase: number, to: to, move: DateMove(by: context.officer, at: isoMoment(context.now), reason: reason)), nil)
                }
            }
        }
    }

    struct ActualEnd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "actual-end", abstract: "Record the day (or month) the phase actually ended; “none” takes it away.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The phase's number.", valueName: "n"))
        var number: Int

        @Argument(help: ArgumentHelp("YYYY-MM-DD, YYYY-MM or YYYY, never after today; or “none”.", valueName: "date"))
        var date: String

        func validate() throws {
            try DateOrNone.check(date)
        }

        func run() throws {
            try Context.run(global) { context in
                let to = CalendarDate(date)
                if let to, to.firstOrdinal > context.today.firstOrdinal {
                    throw ValidationError(L("%@ has not come yet (today is %@): an actual end is a day that has come.", "\(to)", "\(context.today)"))
                }
                _ = try context.recordingOfficer()
                try MilestoneCommit.commitWhole(context) { programme in
                    let phase = try PhaseCommand.phase(number, in: programme)
                    if let start = to, start.lastOrdinal < phase.start.firstOrdinal {
                        throw ValidationError(L("%@ is before Phase %@ began (%@).", "\(start)", "\(number)", "\(phase.start)"))
                    }
                    if phase.actualEnd == to { return (nil, L("Phase %@'s actual end already reads %@.", "\(number)", to?.description ?? L("nothing"))) }
                    return (.setPhaseActualEnd(phase: number, to: to), nil)
                }
            }
        }
    }
}
