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
        case .notFound(let path): return "\(path): no such file."
        case .unreadable(let path, let reason): return "\(path): cannot be read (\(reason))."
        case .empty(let path): return "\(path): the file is empty."
        case .damaged(let path, let reason, let position): return "\(path)\(place(position)): the file is damaged: \(reason)."
        case .mergeConflict(let path, let position): return "\(path)\(place(position)): git merge conflict markers."
        case .malformed(let path, let message, let position): return "\(path)\(place(position)): not valid JSON: \(message)."
        case .invalid(let path, let field, let message, let position): return "\(path)\(place(position)): \(field): \(message)."
        case .duplicateID(let path, let kind, let id, let position):
            return "\(path)\(place(position)): the \(kind) id “\(id)” is used twice."
        case .readOnly(let path, let reason): return "\(path) is open read-only: \(reason)."
        case .locked(let path, _, let holder, let waited):
            return "\(path): not saved: another save held the lock for \(seconds(waited))"
                + (holder.map { " (\($0.description))" } ?? " (its lock file cannot be read)") + "."
        case .changedOnDisk(let path): return "\(path) was changed by someone else since it was loaded; it was not overwritten."
        case .writeFailed(let path, let reason): return "\(path): could not save (\(reason)). The file on disk is as it was before."
        case .exists(let path): return "\(path) already exists; it was left as it is."
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
        let fixIt = front == .commandLine ? "then check it with `knupp validate`." : "then knupp reloads it by itself."
        switch error {
        case .notFound(let path):
            return front == .commandLine ? "Create it with `knupp init --sample --store \(path)`, or point at another with --store PATH."
                : "Your view is kept; nothing is saved until the file is back."
        case .unreadable: return "Check the file's permissions and that the drive is reachable."
        case .empty(let path):
            return "It was left as it is. Restore it from a backup or from git (`git checkout -- \(path)`)"
                + (front == .commandLine ? ", or start again with `knupp init --sample --force`." : ".")
        case .damaged(let path, _, _):
            return "It was left as it is. Restore it from a backup or from git (`git checkout -- \(path)`)."
        case .mergeConflict:
            return "Resolve the conflict (keep one side of each <<<<<<< ======= >>>>>>> block), " + fixIt
        case .malformed: return "The file was left as it is. Fix that line in an editor, " + fixIt
        case .invalid: return "The file was left as it is. Fix that field, " + fixIt
        case .duplicateID: return "Ids must be unique: rename one of them, " + fixIt
        case .exists: return front == .commandLine ? "Use --force to replace it (the old file is kept as a backup)." : ""
        case .locked(_, let lockPath, let holder, _):
            if let holder, StoreLockFile.isAliveHere(holder) {
                return "It is a knupp still running on this machine (pid \(holder.pid)); it releases the lock when its save is done. "
                    + "If it seems stuck, end that program" + (front == .commandLine ? " (`kill \(holder.pid)`), then try again." : ", then try again.")
            }
            let age = holder.flatMap { Moment.date($0.since) }.map { Date().timeIntervalSince($0) } ?? 0
            if age > 600 {
                return "It has been held since \(holder?.since ?? "?") (\(duration(age)) ago), far longer than any save: that knupp is "
                    + "probably gone. Clear it with `knupp unlock`" + (front == .commandLine ? " (it asks first)." : " in a shell.")
            }
            return front == .commandLine
                ? "Try again in a moment. If that knupp is gone (a machine that crashed), clear \(lockPath) with `knupp unlock`."
                : "Nothing was saved; try again in a moment. If that knupp is gone, clear the lock with `knupp unlock` in a shell."
        case .readOnly, .changedOnDisk, .writeFailed: return ""
        }
    }

    /// A failed save on the front's status line: one line, the outcome first, no path (the title
    /// line shows it).
    public static func short(_ error: StoreError) -> String {
        switch error {
        case .locked(_, _, let holder, let waited):
            return "Not saved: " + (holder.map { "\($0.user) on \($0.host)" } ?? "another save") + " held the lock for \(seconds(waited)). "
                + advice(error, for: .interactive)
        case .readOnly(_, let reason): return "Not saved: read-only, \(reason)."
        case .changedOnDisk: return "Not saved: the file was changed by someone else; it is reloaded, try again."
        case .writeFailed(_, let reason): return "Not saved (\(reason)); the file on disk is as it was."
        default: return "Not saved: " + fact(error)
        }
    }

    /// "0.5 s", "5 s".
    static func seconds(_ value: Double) -> String {
        value < 10 && value != value.rounded() ? String(format: "%.1f s", value) : "\(Int(value.rounded())) s"
    }

    /// "3 days", "2 hours", "15 minutes".
    static func duration(_ seconds: Double) -> String {
        let minutes = Int(seconds / 60), hours = minutes / 60, days = hours / 24
        if days > 0 { return "\(days) day\(days == 1 ? "" : "s")" }
        if hours > 0 { return "\(hours) hour\(hours == 1 ? "" : "s")" }
        return "\(minutes) minute\(minutes == 1 ? "" : "s")"
    }

    /// A note from a save that succeeded, in words. The interactive front tries again by itself
    /// to remove a lock it could not, and says so first: its status line is one line.
    public static func note(_ note: StoreNote, for front: Front = .commandLine) -> String {
        switch note {
        case .tookOverStaleLock(let what): "Took over \(what)."
        case .lockNotReleased(_, let reason) where front == .interactive:
            "The save's lock could not be removed (\(reason)): others cannot save until it is; trying again each second."
        case .lockNotReleased(let path, let reason):
            "Saved, but the lock file \(path) could not be removed (\(reason)); other saves wait on it. A save on this "
                + "machine takes it over once this knupp has ended; elsewhere, clear it with `knupp unlock`."
        case .notDurable(let reason): "Saved, but \(reason); check the disk."
        }
    }
}
