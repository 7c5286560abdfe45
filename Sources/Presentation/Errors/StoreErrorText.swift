import Foundation
import Model

/// A store error in words for the officer who has to act on it: what is wrong (the same in every
/// front), the offending line where there is one, and advice for the front they are in (the
/// command line names commands and flags; the interactive front says what it does meanwhile).
public enum StoreErrorText {
    /// Where the officer reads the message.
    public enum Front: Sendable { case commandLine, interactive }

    /// The whole message: what is wrong, the line with a caret, what to do.
    public static func message(_ error: StoreError, for front: Front = .commandLine) -> String {
        let excerpt = position(of: error).map { "\n" + $0.excerpt } ?? ""
        let advice = self.advice(error, for: front)
        return fact(error).clean + excerpt + (advice.isEmpty ? "" : "\n" + advice)
    }

    /// What is wrong, on one line: "programme.json:3:7: not valid JSON: …".
    public static func fact(_ error: StoreError) -> String {
        func place(_ position: TextPosition?) -> String { position.map { ":\($0.line):\($0.column)" } ?? "" }
        switch error {
        case .notFound(let path): return "\(path): " + L("no such file.")
        case .unreadable(let path, let reason): return "\(path): " + L("cannot be read (%@).", reason)
        case .empty(let path): return "\(path): " + L("the file is empty.")
        case .damaged(let path, let reason, let position): return "\(path)\(place(position)): " + L("the file is damaged: %@.", reason)
        case .mergeConflict(let path, let position): return "\(path)\(place(position)): " + L("git merge conflict markers.")
        case .malformed(let path, let message, let position): return "\(path)\(place(position)): " + L("not valid JSON: %@.", message)
        case .invalid(let path, let field, let message, let position): return "\(path)\(place(position)): \(field): \(message)."
        case .duplicateID(let path, let kind, let id, let position):
            return "\(path)\(place(position)): " + L("the %@ id “%@” is used twice.", kind, id)
        case .readOnly(let path, let reason): return L("%@ is open read-only: %@.", path, reason)
        case .locked(let path, _, let holder, let waited):
            return "\(path): " + L("not saved: another save held the lock for %@", seconds(waited))
                + (holder.map { " (\($0.description))" } ?? " " + L("(its lock file cannot be read)")) + "."
        case .changedOnDisk(let path): return L("%@ was changed by someone else since it was loaded; it was not overwritten.", path)
        case .writeFailed(let path, let reason): return "\(path): " + L("could not save (%@). The file on disk is as it was before.", reason)
        case .exists(let path): return L("%@ already exists; it was left as it is.", path)
        }
    }

    /// Where in the file the problem is, when the error knows.
    public static func position(of error: StoreError) -> TextPosition? {
        switch error {
        case .mergeConflict(_, let position), .malformed(_, _, let position): position
        case .invalid(_, _, _, let position), .duplicateID(_, _, _, let position): position
        default: nil
        }
    }

    /// What the officer can do about it, in the words of their front.
    public static func advice(_ error: StoreError, for front: Front) -> String {
        let fixIt = front == .commandLine ? L("then check it with `knupp validate`.") : L("then knupp reloads it by itself.")
        switch error {
        case .notFound(let path):
            return front == .commandLine ? L("Create it with %@, or point at another with --store PATH.", "`knupp init --sample --store \(path)`")
                : L("Your view is kept; nothing is saved until the file is back.")
        case .unreadable: return L("Check the file's permissions and that the drive is reachable.")
        case .empty(let path):
            return L("It was left as it is. Restore it from a backup or from git (%@)", "`git checkout -- \(path)`")
                + (front == .commandLine ? L(", or start again with `knupp init --sample --force`.") : ".")
        case .damaged(let path, _, _):
            return L("It was left as it is. Restore it from a backup or from git (%@)", "`git checkout -- \(path)`") + "."
        case .mergeConflict:
            return L("Resolve the conflict (keep one side of each <<<<<<< ======= >>>>>>> block),") + " " + fixIt
        case .malformed: return L("The file was left as it is. Fix that line in an editor,") + " " + fixIt
        case .invalid: return L("The file was left as it is. Fix that field,") + " " + fixIt
        case .duplicateID: return L("Ids must be unique: rename one of them,") + " " + fixIt
        case .exists: return front == .commandLine ? L("Use --force to replace it (the old file is kept as a backup).") : ""
        case .locked(_, let lockPath, let holder, _):
            if let holder, StoreLockFile.isAliveHere(holder) {
                return L("It is a knupp still running on this machine (pid %@); it releases the lock when its save is done.", "\(holder.pid)") + " "
                    + (front == .commandLine ? L("If it seems stuck, end that program (%@), then try again.", "`kill \(holder.pid)`") : L("If it seems stuck, end that program, then try again."))
            }
            let age = holder.flatMap { Moment.date($0.since) }.map { Date().timeIntervalSince($0) } ?? 0
            if age > 600 {
                return L("It has been held since %@ (%@ ago), far longer than any save: that knupp is probably gone.", holder?.since ?? "?", duration(age)) + " "
                    + (front == .commandLine ? L("Clear it with `knupp unlock` (it asks first).") : L("Clear it with `knupp unlock` in a shell."))
            }
            return front == .commandLine
                ? L("Try again in a moment. If that knupp is gone (a machine that crashed), clear %@ with `knupp unlock`.", lockPath)
                : L("Nothing was saved; try again in a moment. If that knupp is gone, clear the lock with `knupp unlock` in a shell.")
        case .readOnly, .changedOnDisk, .writeFailed: return ""
        }
    }

    /// A failed save on the front's status line: one line, the outcome first, no path (the title
    /// line shows it).
    public static func short(_ error: StoreError) -> String {
        switch error {
        case .locked(_, _, let holder, let waited):
            return L("Not saved: %@ held the lock for %@.", holder.map { L("%@ on %@", $0.user, $0.host) } ?? L("another save"), seconds(waited)) + " "
                + advice(error, for: .interactive)
        case .readOnly(_, let reason): return L("Not saved: read-only, %@.", reason)
        case .changedOnDisk: return L("Not saved: the file was changed by someone else; it is reloaded, try again.")
        case .writeFailed(_, let reason): return L("Not saved (%@); the file on disk is as it was.", reason)
        default: return L("Not saved:") + " " + fact(error)
        }
    }

    /// "0.5 s", "5 s".
    static func seconds(_ value: Double) -> String {
        value < 10 && value != value.rounded() ? String(format: "%.1f s", value) : "\(Int(value.rounded())) s"
    }

    /// "3 days", "2 hours", "15 minutes".
    static func duration(_ seconds: Double) -> String {
        let minutes = Int(seconds / 60), hours = minutes / 60, days = hours / 24
        if days > 0 { return days == 1 ? L("1 day") : L("%@ days", "\(days)") }
        if hours > 0 { return hours == 1 ? L("1 hour") : L("%@ hours", "\(hours)") }
        return minutes == 1 ? L("1 minute") : L("%@ minutes", "\(minutes)")
    }

    /// A note from a save that succeeded, in words. The interactive front tries again by itself
    /// to remove a lock it could not, and says so first: its status line is one line.
    public static func note(_ note: StoreNote, for front: Front = .commandLine) -> String {
        switch note {
        case .tookOverStaleLock(let what): L("Took over %@.", what)
        case .lockNotReleased(_, let reason) where front == .interactive:
            L("The save's lock could not be removed (%@): others cannot save until it is; trying again each second.", reason)
        case .lockNotReleased(let path, let reason):
            L("Saved, but the lock file %@ could not be removed (%@); other saves wait on it. A save on this machine takes it over once this knupp has ended; elsewhere, clear it with `knupp unlock`.", path, reason)
        case .notDurable(let reason): L("Saved, but %@; check the disk.", reason)
        }
    }
}
