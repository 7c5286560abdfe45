import ArgumentParser
import Model
import Presentation

/// `knupp note ID TEXT`: adds a note (or evidence) to a milestone's log, with who and when.
struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Add a note, or evidence (--evidence), to a milestone's log; it keeps who and when.")

    @OptionGroup var global: GlobalOptions

    @OptionGroup var milestone: MilestoneArgument

    @Argument(help: ArgumentHelp("What to note: text, or for evidence a link or a document reference.", valueName: "text"))
    var text: String

    @Flag(help: "It is evidence that the milestone was achieved (a link, a document reference).")
    var evidence = false

    func validate() throws {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError(L("A note needs some text."))
        }
    }

    func run() throws {
        try Context.run(global) { context in
            try MilestoneCommit.run(context, query: milestone.id) { m in
                (.addNote(milestone: m.id, MilestoneNote(text: text, kind: evidence ? .evidence : .note,
                                                         by: context.officer, at: isoMoment(context.now))), nil)
            }
        }
    }
}
