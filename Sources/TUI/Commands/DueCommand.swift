import ArgumentParser
import Model
import Presentation

/// `knupp due ID DATE`: moves a milestone's due, keeping the first plan and listing the move.
struct DueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "due", abstract: "Move a milestone's due date (the first plan is kept; the move is listed with who, when and why).")

    @OptionGroup var global: GlobalOptions

    @OptionGroup var milestone: MilestoneArgument

    @Argument(help: ArgumentHelp("The new due: YYYY-MM-DD, YYYY-MM or YYYY, as precisely as known; “none” takes the date away.",
                                 valueName: "date"))
    var date: String

    @Option(help: "Why it moved (shown with the move in the record, `knupp slippage` and reports).")
    var reason: String?

    func validate() throws {
        try DateOrNone.check(date)
    }

    func run() throws {
        try Context.run(global) { context in
            let to = CalendarDate(date)
            try MilestoneCommit.run(context, query: milestone.id) { m in
                if m.due == to { return (nil, "“\(m.title.clean)” is already due \(to?.description ?? "with no date").") }
                return (.moveDue(milestone: m.id, to: to, move: DateMove(by: context.officer, at: isoMoment(context.now), reason: reason)), nil)
            }
        }
    }
}
