import ArgumentParser
import Foundation
import Model
import Presentation

/// The milestone `tick` and `untick` act on: its id, or a unique start of it.
struct MilestoneArgument: ParsableArguments {
    @Argument(help: ArgumentHelp("The milestone's id, or a unique start of it (see `knupp milestones`).", valueName: "milestone"),
              completion: .custom(Completion.milestoneIDs))
    var id: String

    func validate() throws {
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError(L("Name a milestone: its id, or a unique start of it (see `knupp milestones`)."))
        }
    }
}

/// A date argument that may be "none" (a due or an end taken away): YYYY-MM-DD, YYYY-MM or YYYY.
enum DateOrNone {
    /// Refused with the sentence that says how to write one.
    static func check(_ text: String) throws {
        if text.lowercased() != "none", CalendarDate(text) == nil {
            throw ValidationError(L("“%@” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY (or “none”).", text.clean))
        }
    }
}
