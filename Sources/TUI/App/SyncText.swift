import Model
import Presentation
import Sync

/// How a sync ended, in words.
enum SyncText {
    static func outcome(_ outcome: StoreSync.Outcome, storePath: String) -> String {
        switch outcome {
        case .synced(let sent, let received):
            if sent == 0 && received == 0 { return "Up to date: nothing to send, nothing new from your colleagues." }
            return "Synced: sent \(count(sent)), received \(count(received))."
        case .keptLocally(let reason):
            return "Not sent: \(reason.clean)."
        case .conflict(let field, let ours, let theirs):
            return "Stopped: \(field.clean) was changed differently here and by a colleague.\n"
                + "  here:      \(ours.clean)\n  colleague: \(theirs.clean)\n"
                + "Nothing was merged; your copy is as it was. Keep yours: `knupp sync --keep mine --store \(storePath.clean)`; take theirs: "
                + "`knupp sync --keep theirs --store \(storePath.clean)`. To agree on another value: take theirs first, then set it with knupp and sync again."
        case .notInRepository:
            return "\(storePath.clean) is not in a git repository, so there is nothing to sync with.\n"
                + "To share it through git: `knupp sync --init REMOTE` (REMOTE: a repository URL or path your colleagues reach). "
                + "To use a colleague's shared copy instead: `git clone REMOTE FOLDER`, then `knupp --store FOLDER/programme.json`."
        case .unreadable(let which, let error):
            return "Sync stopped: \(which) of the store cannot be used: \(StoreErrorText.fact(error).clean)"
        case .storeBusy(let error):
            return "Sync stopped before merging: \(StoreErrorText.fact(error).clean) Nothing was merged (what was committed here stays). "
                + StoreErrorText.advice(error, for: .commandLine)
        case .cancelled:
            return "Sync stopped, as you asked. What was committed here stays, and goes at the next sync."
        case .failed(let message):
            return "Sync failed: \(message.clean)" + (message.hasSuffix(".") ? "" : ".")
        }
    }

    private static func count(_ n: Int) -> String { "\(n) change\(n == 1 ? "" : "s")" }
}
