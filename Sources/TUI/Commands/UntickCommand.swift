import Foundation
import ArgumentParser
import Model
import Presentation

/// `knupp untick ID`: marks a milestone open again.
struct UntickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "untick", abstract: "Mark a ticked milestone open again.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The milestone's id, or a unique start of it (see `knupp milestones`).", valueName: "milestone"),
              completion: .custom(Completion.milestoneIDs))
    var id: String

    func validate() throws {
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("Name a milestone: its id, or a unique start of it (see `knupp milestones`).")
        }
    }

    func run() throws {
        try Context.run(global) { context in
            try MilestoneCommit.run(context, query: id) { m in
                if !m.done { return (nil, "“\(m.title.clean)” is already open.") }
                return (.untick(milestone: m.id), nil)
            }
        }
    }
}
