import Foundation
import Model
import Presentation

extension AppState {
    /// Sharing through git and the history of the record; notices from the runtime.
    mutating func reduceSync(_ action: Action, now: Date) -> [Effect] {
        switch action {
        case .sync:
            guard busy == nil else {
                message = Message(text: L("A sync is under way already (Esc stops it)."), kind: .warning)
                return []
            }
            busy = .syncing
            message = Message(text: L("Syncing… (commit, merge your colleagues' changes, send; Esc stops it)"))
            return [.sync(prefer: nil)]
        case .syncConflict(let field, let ours, let theirs):
            busy = nil
            syncConflict = SyncConflict(field: field, ours: ours, theirs: theirs)
            message = Message(text: L("Sync stopped: %@ was changed differently here (%@) and by a colleague (%@).", field, ours, theirs), kind: .error)
        case .settleConflict(let prefer):
            guard let conflict = syncConflict else { return [] }
            syncConflict = nil
            guard let prefer else {
                message = Message(text: L("To set another value for %@: S, then t (take theirs); then set yours and S again.", conflict.field))
                return []
            }
            busy = .syncing
            message = Message(text: prefer == .mine ? L("Syncing, keeping your values where you both changed one… (Esc stops it)")
                                                    : L("Syncing, taking the colleague's values where you both changed one… (Esc stops it)"))
            return [.sync(prefer: prefer)]
        case .stopWork:
            guard busy == .syncing else { return [] }
            message = Message(text: L("Stopping the sync…"), kind: .warning)
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
