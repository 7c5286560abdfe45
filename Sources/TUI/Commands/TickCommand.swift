import ArgumentParser
import Model
import Presentation

/// `knupp tick ID`: marks a milestone done, recording who and when.
struct TickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tick", abstract: "Tick a milestone off (records who and when).")

    @OptionGroup var global: GlobalOptions

    @OptionGroup var milestone: MilestoneArgument

    @Option(help: "A note to add to the milestone's log, with your name and the moment (the notes there are stay).")
    var note: String?

    @Option(name: .customLong("on"),
            help: ArgumentHelp("The day it was achieved, YYYY-MM-DD, when not today (never after today); also for a milestone ticked before.",
                               valueName: "day"))
    var on: String?

    func validate() throws {
        if let note, note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError(L("--note adds a note to the milestone's log: give it some text (notes are never wiped; the edit form changes the undated one)."))
        }
        if let on, CalendarDate(on)?.precision != .day {
            throw ValidationError(L("--on takes the day it was achieved as YYYY-MM-DD; “%@” is not one.", on.clean))
        }
    }

    func run() throws {
        try Context.run(global) { context in
            let day = on.flatMap(CalendarDate.init)
            if let day, day > context.today {
                throw ValidationError(L("--on %@ is after today (%@): a milestone is achieved on a day that has come.", "\(day)", "\(context.today)"))
            }
            try MilestoneCommit.run(context, query: milestone.id) { m in
                // Done already, and no note or day that would change anything: nothing to do.
                // (The same note as the last one is taken as said twice.)
                if m.done, note == nil || note == m.notes.last?.text, day == nil || day == m.doneOn {
                    return (nil, (m.doneBy.map { L("“%@” was already ticked by %@.", m.title.clean, $0.clean) } ?? L("“%@” was already ticked.", m.title.clean)))
                }
                return (.tick(milestone: m.id, by: context.officer, at: isoMoment(context.now), note: note, on: day), nil)
            }
        }
    }
}
