import ArgumentParser
import Model
import Presentation

/// Opens the store for writing, commits one edit through the safe save, and says what happened.
enum MilestoneCommit {
    /// The milestone an officer named: its id, or a unique prefix of it; else a NotFound that
    /// suggests the closest ids.
    static func resolve(_ query: String, in programme: Programme) throws -> String {
        switch programme.findMilestone(query) {
        case .found(let id): return id
        case .ambiguous(let ids):
            throw NotFound(message: L("“%@” could be %@. Type more of it.", query.clean, ids.prefix(8).joined(separator: ", ")
                           + (ids.count > 8 ? " " + L("and %@ more", "\(ids.count - 8)") : "")))
        case .notFound(let suggestions):
            throw NotFound(message: L("No milestone “%@”.", query.clean)
                           + (suggestions.isEmpty ? "" : " " + L("Did you mean %@?", suggestions.joined(separator: ", ")))
                           + "\n" + L("List them with %@.", "`knupp milestones`"))
        }
    }

    /// What a save did on the way, on stderr.
    static func tell(_ notes: [StoreNote]) {
        for note in notes { Output.error(StoreErrorText.note(note)) }
    }

    /// A lock the save could not remove locks others out: the command fails (status 1), though
    /// the edit itself is saved and said so.
    static func failIfLockLeft(_ notes: [StoreNote]) throws {
        if notes.contains(where: { if case .lockNotReleased = $0 { true } else { false } }) {
            throw ExitCode(ExitStatus.failure)
        }
    }

    /// Runs the edit `make` gives for the milestone the officer named by `query` (nil, with a
    /// message, when there is nothing to do). An exact id in a store this knupp has verified is
    /// edited in place (`ProgrammeStore.editInPlace`), else the store is opened whole.
    static func run(_ context: Context, query: String, edit make: (Milestone) throws -> (Edit?, String?)) throws {
        _ = try context.recordingOfficer()
        var declined: String?, chosen: Edit?
        switch try ProgrammeStore.editInPlace(path: context.storePath, milestone: query, officer: context.officer,
                                                     lockWait: context.lockWait, verified: context.verified, decide: { m in
            let (edit, message) = try make(m)
            declined = message; chosen = edit
            return edit
        }) {
        case .unchanged:
            Output.print(declined ?? L("Nothing to save: the record already says so."))
            return
        case .saved(let commit, let before, _):
            tell(commit.notes)
            Output.print("\((chosen.map { $0.summary(of: before) } ?? L("Saved")).clean) (" + L("revision %@", "\(commit.revision)") + ").")
            try failIfLockLeft(commit.notes)
            return
        case .needsFullRead(let notes):
            tell(notes)
        }
        try commitWhole(context) { programme in
            let id = try resolve(query, in: programme)
            guard let milestone = programme.milestone(id) else { throw NotFound(message: L("No milestone “%@”.", query.clean)) }
            return try make(milestone)
        }
    }

    /// Opens the whole store for writing and commits the edit `make` gives for its record (nil,
    /// with a message, when there is nothing to do): a milestone's that could not be edited in
    /// place, or any other (a phase's dates).
    static func commitWhole(_ context: Context, edit make: (Programme) throws -> (Edit?, String?)) throws {
        let store = try context.openStore(mode: .readWrite)
        defer { store.close() }
        if let reason = store.readOnlyReason { throw StoreError.readOnly(path: store.path, reason: reason) }
        let (edit, message) = try make(store.programme)
        guard let edit else {
            Output.print(message ?? L("Nothing to do."))
            return
        }
        let summary = edit.summary(in: store.programme).clean
        let commit = try store.commit(edit)
        tell(commit.notes)
        if commit.changed {
            Output.print("\(summary) (" + L("revision %@", "\(commit.revision)")
                         + (commit.reloaded ? "; " + L("someone else had saved first, their changes were kept") : "") + ").")
        } else {
            let m = store.programme.milestone(edit.recordID)
            Output.print(L("Nothing to save: another officer's version already has it") + (m?.doneBy.map { " (" + L("ticked by %@", $0.clean) + ")" } ?? "")
                         + " (" + L("revision %@", "\(commit.revision)") + ").")
        }
        try failIfLockLeft(commit.notes)
    }
}
