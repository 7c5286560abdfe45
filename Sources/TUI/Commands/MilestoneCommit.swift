import ArgumentParser
import Model
import Presentation

/// Opens the store for writing, commits one edit through the safe save, and says what happened.
enum MilestoneCommit {
    static func run(_ context: Context, edit make: (Programme) -> (Edit?, String?)) throws {
        let store = try context.openStore(mode: .readWrite)
        defer { store.close() }
        if let reason = store.readOnlyReason { throw StoreError.readOnly(path: store.path, reason: reason) }
        let (edit, message) = make(store.programme)
        guard let edit else {
            Output.print(message ?? "Nothing to do.")
            return
        }
        let summary = edit.summary(in: store.programme).clean
        let commit = try store.commit(edit)
        for note in commit.notes { Output.error(StoreErrorText.note(note)) }
        guard commit.changed else {
            let m = store.programme.milestone(edit.recordID)
            Output.print("Nothing to save: another officer's version already has it" + (m?.doneBy.map { " (ticked by \($0.clean))" } ?? "")
                         + " (revision \(commit.revision)).")
            return
        }
        Output.print("\(summary) (revision \(commit.revision)"
                     + (commit.reloaded ? "; someone else had saved first, their changes were kept" : "") + ").")
    }
}
