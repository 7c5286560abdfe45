import ArgumentParser
import Foundation
import Model
import Presentation
import Sync

/// `knupp sync`: commit, merge and send the store through its git repository.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Share the store through git: commit your changes, merge your colleagues', send.",
        discussion: """
            The store must be in a git repository with a remote (a colleague's copy, a shared \
            server). The first sync sets up knupp's merge driver, so that ticks made on both \
            sides are kept. A conflict (both changed one field differently) stops the merge \
            and changes nothing; the message names the record and both values. Without a \
            network the commit stays here and is sent at the next sync.

            To start sharing a store that is in no repository: knupp sync --init REMOTE.
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("init"), help: ArgumentHelp("Start sharing: a repository for the store, REMOTE as its remote, the first push.", valueName: "remote"))
    var initRemote: String?

    @Option(help: ArgumentHelp("After a conflict: keep your value of every field both changed (mine), or the colleague's (theirs).",
                               valueName: "mine|theirs"))
    var keep: StoreMerge.Preference?

    func run() throws {
        try Context.run(global) { context in
            _ = try context.programme() // the store must be readable before it is shared
            _ = try context.recordingOfficer()
            var sync = StoreSync(storePath: context.storePath, officer: context.officer, driver: SyncCommand.knuppExecutable)
            sync.lockWait = context.lockWait
            sync.prefer = keep
            let report = initRemote.map { sync.initialise(remote: $0) } ?? sync.run()
            for step in report.steps {
                // The other fields of a conflict go with its message.
                if case .conflict = report.outcome, step.hasPrefix("Both sides also changed") { Output.error(step.clean) } else { Output.print(step.clean) }
            }
            let text = SyncText.outcome(report.outcome, storePath: context.storePath)
            switch report.outcome {
            case .synced, .keptLocally:
                Output.print(text)
            case .conflict:
                Output.error(text)
                throw ExitCode(ExitStatus.conflict)
            case .notInRepository, .failed, .unreadable, .cancelled:
                Output.error(text)
                throw ExitCode.failure
            case .storeBusy:
                Output.error(text)
                throw ExitCode(ExitStatus.storeNotWritable)
            }
        }
    }

    /// This program's own path, for git to run as the merge driver.
    static var knuppExecutable: String {
        if let real = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return real }
        return AtomicFile.resolve(CommandLine.arguments.first ?? "knupp")
    }
}

extension StoreMerge.Preference: ExpressibleByArgument {}
