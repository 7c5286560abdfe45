import ArgumentParser
import Foundation
import Model
import Presentation

/// `knupp unlock`: clears a lock left behind by a knupp that is gone (another machine that crashed).
struct UnlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock",
        abstract: "Clear a save's lock left behind by a knupp that is gone.",
        discussion: """
            A save holds the lock beside the store for a few milliseconds. A lock left by a \
            process on this machine that is gone is cleared by the next save on its own; one \
            from another machine cannot be checked from here, so knupp asks first. Clear it only \
            when the officer named in it is not saving at this moment.
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(name: .shortAndLong, help: "Do not ask: clear the lock (for scripts).")
    var yes = false

    func run() throws {
        try Context.run(global) { context in
            let lockPath = ProgrammeStore.lockPath(for: context.storePath)
            guard AtomicFile.exists(lockPath) else {
                Output.print(L("%@ is not locked: nothing to do.", context.storePath.clean))
                return
            }
            let owner = StoreLockFile.owner(at: lockPath)
            let who = owner.map { $0.description.clean } ?? L("an unreadable lock file")
            if let owner, StoreLockFile.isAliveHere(owner) {
                Output.error(L("%@ is held by %@, which is still running on this machine; it releases the lock when its save is done. Nothing was changed.", lockPath.clean, who))
                throw ExitCode(ExitStatus.storeNotWritable)
            }
            if !yes {
                guard isatty(STDIN_FILENO) != 0 else {
                    Output.error(L("%@ is held by %@.", lockPath.clean, who) + " " + L("To clear it, confirm with `knupp unlock --yes`."))
                    throw ExitCode.validationFailure
                }
                Output.print(L("%@ is held by %@.", lockPath.clean, who) + "\n" + L("Clear it? Only if that knupp is not saving now. [y/N]") + " ",
                             newline: false)
                guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                    Output.print(L("Left as it is."))
                    return
                }
            }
            guard StoreLockFile.remove(lockPath, expected: owner) else {
                Output.error(L("The lock changed while you decided (another save took it); nothing was cleared. Run it again."))
                throw ExitCode(ExitStatus.storeNotWritable)
            }
            Output.print(L("Cleared the lock of %@.", who))
        }
    }
}
