import ArgumentParser
import Model

/// `knupp tick ID`: marks a milestone done, recording who and when.
struct TickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tick", abstract: "Tick a milestone off (records who and when).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The milestone's id (see `knupp milestones`).")
    var id: String

    @Option(help: "A note to keep with the milestone.")
    var note: String?

    func run() throws {
        try Context.run(global) { context in
            try MilestoneCommit.run(context) { programme in
                if let m = programme.milestone(id), m.done, note == nil {
                    return (nil, "“\(m.title.clean)” was already ticked" + (m.doneBy.map { " by \($0.clean)" } ?? "") + ".")
                }
                return (.tick(milestone: id, by: context.officer, at: isoMoment(context.now), note: note), nil)
            }
        }
    }
}

/// `knupp untick ID`: marks a milestone open again.
struct UntickCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "untick", abstract: "Mark a ticked milestone open again.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The milestone's id (see `knupp milestones`).")
    var id: String

    func run() throws {
        try Context.run(global) { context in
            try MilestoneCommit.run(context) { programme in
                if let m = programme.milestone(id), !m.done { return (nil, "“\(m.title.clean)” is already open.") }
                return (.untick(milestone: id), nil)
            }
        }
    }
}

/// Opens the store for writing, commits one edit through the safe save, and says what happened.
enum MilestoneCommit {
    static func run(_ context: Context, edit make: (Programme) -> (Edit?, String?)) throws {
        let store = try context.openStore(mode: .readWrite)
        defer { store.close() }
        if let reason = store.readOnlyReason { throw StoreError.readOnly(path: store.path, reason: reason) }
        let (edit, message) = make(store.programme)
        guard let edit else {
            Output.print(message ?? "Nothing to do.")
            return
        }
        let summary = edit.summary(in: store.programme).clean
        let commit = try store.commit(edit)
        Output.print("\(summary) (revision \(commit.revision)"
                     + (commit.reloaded ? "; someone else had saved first, their changes were kept" : "") + ").")
    }
}
