import Foundation
import Model
import Presentation

extension AppState {
    /// Sharing through git and the history of the record; notices from the runtime.
    mutating func reduceSync(_ action: Action, now: Date) -> [Effect] {
        switch action {
        case .sync:
            guard busy == nil else {
                message = Message(text: "A sync is under way already (Esc stops it).", kind: .warning)
                return []
            }
            busy = .syncing
            message = Message(text: "Syncing… (commit, merge your colleagues' changes, send; Esc stops it)")
            return [.sync(prefer: nil)]
        case .syncConflict(let field, let ours, let theirs):
            busy = nil
            syncConflict = SyncConflict(field: field, ours: ours, theirs: theirs)
            message = Message(text: "Sync stopped: \(field) was changed differently here (\(ours)) and by a colleague (\(theirs)).", kind: .error)
        case .settleConflict(let prefer):
            guard let conflict = syncConflict else { return [] }
            syncConflict = nil
            guard let prefer else {
                message = Message(text: "To set another value for \(conflict.field): S, then t (take theirs); then set yours and S again.")
                return []
            }
            busy = .syncing
            message = Message(text: prefer == .mine ? "Syncing, keeping your values where you both changed one… (Esc stops it)"
                                                    : "Syncing, taking the colleague's values where you both changed one… (Esc stops it)")
            return [.sync(prefer: prefer)]
        case .stopWork:
            guard busy == .syncing else { return [] }
            message = Message(text: "Stopping the sync…", kind: .warning)
            return [.stopWork]
        case .synced(let text, let ok):
            busy = nil
            message = Message(text: text, kind: ok ? .info : .error)
            return panel == .activity ? [.loadHistory] : []
        case .notice(let text, let ok):
            message = Message(text: text, kind: ok ? .info : .error)
            return []
        case .historyLoaded(let entries, let source):
            activity = entries
            activitySource = source
            activityCursor.clamp(count: entries.count, visible: Layout(width: width, height: height).listRows)
        default:
            break
        }
        return []
    }
}
