import ArgumentParser
import Model
import Presentation

/// `knupp init`: creates a store.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a store: an empty programme, or the K-NUPP sample.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Start from the K-NUPP programme as the app ships it.")
    var sample = false

    @Flag(help: "Replace an existing store (the old one is kept as a timestamped backup beside it).")
    var force = false

    func run() throws {
        try Context.run(global) { context in
            let programme = sample ? try Sample.load().programme : Programme.empty
            let backup = try ProgrammeStore.create(path: context.storePath, programme: programme, force: force,
                                                   officer: context.officer, now: context.now, lockWait: context.lockWait)
            Output.print((sample ? L("Created %@ from the K-NUPP sample.", context.storePath) : L("Created %@ (an empty programme).", context.storePath))
                         + (backup.map { "\n" + L("The store it replaced is kept as %@.", $0) } ?? ""))
        }
    }
}
