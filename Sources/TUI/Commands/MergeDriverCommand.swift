import ArgumentParser
import Foundation
import Processes
import Model
import Presentation
import Sync

/// `knupp merge-driver BASE OURS THEIRS`: git's merge driver for a shared store.
struct MergeDriverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-driver",
        abstract: "Merge two officers' copies of a store, record by record (a git merge driver).",
        discussion: """
            Set up once in the repository that holds the store:
              git config merge.knupp.name "knupp store merge"
              git config merge.knupp.driver "knupp merge-driver %O %A %B --path %P"
              echo "programme.json merge=knupp" >> .gitattributes

            Milestones ticked on both sides are kept (the first tick's record where both ticked \
            the same one); only a field both sides changed differently is a conflict. Then git's \
            own conflict markers are written (knupp then refuses to open the file until they are \
            resolved) and the exit status is 1. `knupp sync` sets all this up by itself.
            """)

    @Argument(help: "The common ancestor (git's %O).")
    var base: String

    @Argument(help: "Our version, replaced by the result (git's %A).")
    var ours: String

    @Argument(help: "Their version (git's %B).")
    var theirs: String

    @Option(help: ArgumentHelp("The store's path in the repository, for messages (git's %P).", valueName: "path"))
    var path: String?

    func run() throws {
        let name = path ?? ours
        AtomicFile.removeAbandonedTemporaries(in: AtomicFile.folder(of: AtomicFile.resolve(ours))) { $0.hasPrefix(".merge_file_") }
        let merged: Data
        do {
            merged = try StoreMerge.merge(base: try ProgrammeStore.read(base), ours: try ProgrammeStore.read(ours),
                                          theirs: try ProgrammeStore.read(theirs), path: name)
        } catch let error as StoreMerge.Conflict {
            Output.error("\(name): \(error.description)")
            textMerge()
            throw ExitCode.failure
        } catch let error as StoreMerge.Unreadable {
            // Not a conflict: one version cannot be read. Ours stays exactly as it was (a line merge
            // would put the unreadable side's text in it), and git sees the merge failed.
            let side = [.ours: L("your version (ours)"), .theirs: L("the version being merged in (theirs)"),
                        .ancestor: L("the version both started from (the common ancestor)")][error.side] ?? L("a version")
            Output.error("\(name): " + L("%@ cannot be used:", side) + " \(StoreErrorText.fact(error.error))\n"
                         + L("Nothing was merged; your version of %@ was left as it was.", name))
            throw ExitCode.failure
        } catch let error as StoreError {
            Output.error(StoreErrorText.message(error) + "\n" + L("Nothing was merged; %@ was left as it was.", name))
            throw ExitCode.failure
        }
        do {
            try AtomicFile.write(merged, to: ours)
        } catch {
            // The merge worked but could not be written: ours stays exactly as it was (no text
            // merge over it either), and git sees the failure.
            Output.error(StoreErrorText.message(error) + "\n" + L("%@ was left as it was; the merge did not happen.", ours.clean))
            throw ExitCode.failure
        }
    }

    /// Falls back to git's line merge, so the conflict shows as markers and cannot go unnoticed.
    private func textMerge() {
        guard let git = Git.executable else { return }
        _ = ChildProcess.run([git, "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs],
                             environment: ProcessInfo.processInfo.environment, timeout: 60)
    }
}
