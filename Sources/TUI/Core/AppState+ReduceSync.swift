import Foundation
import Model
import Presentation

extension AppState {
    /// The record and field a conflict's words name ("country MOZ › name", "country MOZ › policy
    /// moz-nup › status"): the last KIND ID before the field, a country before it owning it.
    static func conflictRecord(_ words: String) -> (RecordRef, String)? {
        let parts = (words.contains("[id ") ? StoreMerge.place(words) : words).components(separatedBy: " › ")
        guard parts.count >= 2, let field = parts.last else { return nil }
        var ref: RecordRef?
        for part in parts.dropLast() {
            let pieces = part.split(separator: " ", maxSplits: 1).map(String.init)
            guard pieces.count == 2, let kind = RecordKind(rawValue: pieces[0]) else { return nil }
            ref = RecordRef(kind, pieces[1], country: kind.mayBelongToCountry && ref?.kind == .country ? ref?.id : nil)
        }
        guard let ref, !field.contains("[") else { return nil }
        return (ref, field)
    }

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
        case .editConflict:
            // The officer's own value: the record's form, on the field; Enter saves it and syncs keeping it.
            guard let conflict = syncConflict else { return [] }
            syncConflict = nil
            guard let (ref, field) = AppState.conflictRecord(conflict.field), (try? programme.members(of: ref)) != nil, readOnlyReason == nil else {
                message = Message(text: L("To set another value for %@: S, then t (take theirs); then set yours and S again.", conflict.field))
                return []
            }
            var opened = FormState.record(ref.kind, ref: ref, country: ref.country, in: programme)
            if let i = opened.keys.firstIndex(of: field) { opened.focus = i }
            opened.syncsWhenSaved = true
            form = opened
            message = Message(text: L("Set your value of %@ (theirs: %@); Enter saves it and syncs, keeping it.", conflict.field, conflict.theirs))
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
