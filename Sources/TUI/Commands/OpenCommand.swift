import ArgumentParser
import Foundation
import Model
import Presentation

/// `knupp` (or `knupp open`): the interactive front.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the interactive front (the default).")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .customLong("no-mouse"), help: "Do not take over the mouse (also: KNUPP_MOUSE=0, or off).")
    var noMouse = false

    @Flag(name: .customLong("read-only"), help: "Open the store for reading only.")
    var readOnly = false

    func run() throws {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else {
            Output.error(L("the interactive front needs a terminal. In a script, use the commands: `knupp --help`."))
            throw ExitCode.failure
        }
        try Context.run(global) { context in
            let firstRun = context.isDefaultStore && !AtomicFile.exists(context.storePath)
            let store = try context.openStore(mode: readOnly ? .readOnly : .readWrite)
            defer { store.close() }
            let environment = ProcessInfo.processInfo.environment
            let mouse = !noMouse && (environment["KNUPP_MOUSE"].flatMap(Settings.flag) ?? context.settings.bool("mouse") ?? true)
            let color = environment["NO_COLOR"].map(\.isEmpty) ?? context.settings.bool("color") ?? true
            Glyphs.choose(ascii: (environment["KNUPP_GLYPHS"] ?? context.settings["glyphs"])?.lowercased() == "ascii")
            try Runtime.run(store: store, context: context, mouse: mouse, color: color,
                            greeting: firstRun ? L("Created your own store from the K-NUPP sample. For the team's shared one: knupp config store PATH (or --store PATH).") : nil)
        }
    }
}
