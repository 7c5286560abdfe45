import ArgumentParser
import Model
import Presentation

/// `knupp tick ID`: marks a milestone done, recording who and when.
struct TickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tick", abstract: "Tick a milestone off (records who and when).")

    @OptionGroup var global: GlobalOptions

    @OptionGroup var milestone: MilestoneArgument

    @Option(help: "A note to keep with the milestone (it replaces the note there was; \"\" removes it).")
    var note: String?

    func run() throws {
        try Context.run(global) { context in
            try MilestoneCommit.run(context, query: milestone.id) { m in
                // Done already, and no note that would change anything: nothing to do.
                if m.done, note == nil || (note?.isEmpty == true ? m.note == nil : m.note == note) {
                    return (nil, "“\(m.title.clean)” was already ticked" + (m.doneBy.map { " by \($0.clean)" } ?? "") + ".")
                }
                return (.tick(milestone: m.id, by: context.officer, at: isoMoment(context.now), note: note), nil)
            }
        }
    }
}
