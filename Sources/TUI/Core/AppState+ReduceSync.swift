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
            return [.sync]
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
