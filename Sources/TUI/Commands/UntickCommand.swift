import ArgumentParser
import Model
import Presentation

/// `knupp untick ID`: marks a milestone open again; the tick it had is kept in its log.
struct UntickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "untick", abstract: "Mark a ticked milestone open again.")

    @OptionGroup var global: GlobalOptions

    @OptionGroup var milestone: MilestoneArgument

    func run() throws {
        try Context.run(global) { context in
            try MilestoneCommit.run(context, query: milestone.id) { m in
                if !m.done { return (nil, L("“%@” is already open.", m.title.clean)) }
                return (.untick(milestone: m.id, by: context.officer, at: isoMoment(context.now)), nil)
            }
        }
    }
}
