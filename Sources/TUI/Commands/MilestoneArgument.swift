import ArgumentParser
import Foundation

/// The milestone `tick` and `untick` act on: its id, or a unique start of it.
struct MilestoneArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The milestone's id, or a unique start of it (see `knupp milestones`).", valueName: "milestone"),
              completion: .custom(Completion.milestoneIDs))
    var id: String

    func validate() throws {
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("Name a milestone: its id, or a unique start of it (see `knupp milestones`).")
        }
    }
}
