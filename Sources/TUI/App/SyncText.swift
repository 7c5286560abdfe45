import Model
import Presentation
import Sync

/// How a sync ended, in words.
enum SyncText {
    static func outcome(_ outcome: StoreSync.Outcome, storePath: String) -> String {
        switch outcome {
        case .synced(let sent, let received):
            if sent == 0 && received == 0 { return L("Up to date: nothing to send, nothing new from your colleagues.") }
            return L("Synced: sent %@, received %@.", count(sent), count(received))
        case .keptLocally(let reason):
            return L("Not sent: %@.", reason.clean)
        case .conflict(let field, let ours, let theirs):
            return L("Stopped: %@ was changed differently here and by a colleague.", field.clean) + "\n"
                + "  " + L("here:") + "      \(ours.clean)\n  " + L("colleague:") + " \(theirs.clean)\n"
                + L("Nothing was merged; your copy is as it was. Keep yours: %@; take theirs: %@. To agree on another value: take theirs first, then set it with knupp and sync again.",
                    "`knupp sync --keep mine --store \(storePath.clean)`", "`knupp sync --keep theirs --store \(storePath.clean)`")
        case .notInRepository:
            return L("%@ is not in a git repository, so there is nothing to sync with.", storePath.clean) + "\n"
                + L("To share it through git: `knupp sync --init REMOTE` (REMOTE: a repository URL or path your colleagues reach). To use a colleague's shared copy instead: `git clone REMOTE FOLDER`, then `knupp --store FOLDER/programme.json`.")
        case .unreadable(let which, let error):
            return L("Sync stopped: %@ of the store cannot be used: %@", which, StoreErrorText.fact(error).clean)
        case .storeBusy(let error):
            return L("Sync stopped before merging: %@ Nothing was merged (what was committed here stays).", StoreErrorText.fact(error).clean) + " "
                + StoreErrorText.advice(error, for: .commandLine)
        case .cancelled:
            return L("Sync stopped, as you asked. What was committed here stays, and goes at the next sync.")
        case .failed(let message):
            return L("Sync failed: %@", message.clean) + (message.hasSuffix(".") ? "" : ".")
        }
    }

    private static func count(_ n: Int) -> String { n == 1 ? L("1 change") : L("%@ changes", "\(n)") }
}
