import Foundation
import Model
import Processes

extension StoreSync {
    /// Why a sync stops, with what was done on the way.
    struct Stop: Error {
        var outcome: Outcome
        var steps: [String] = []
        init(_ outcome: Outcome, steps: [String] = []) { self.outcome = outcome; self.steps = steps }
    }

    /// A merge git left unfinished (the merge driver killed or crashed, git itself stopped): a
    /// MERGE_HEAD, the store perhaps unmerged. Committing that state would conclude the merge with
    /// this copy alone and drop the colleague's changes for everyone, so the merge is done again
    /// here, record by record: this copy as it is now (with anything changed since) against the
    /// colleague's, from their common ancestor; the result is saved like any save, added, and
    /// committed as the merge. A real conflict stops the merge (`git merge --abort`) and puts
    /// this copy's file back as it was; another file git could not merge stops the sync, naming
    /// it and the command that clears it. nil when no merge was under way.
    /// `startedHere`: the merge is the one this sync just ran (its conflict needs no word about git).
    func finishUnfinishedMerge(_ git: Git, path: String, startedHere: Bool = false) -> Result<String?, Stop> {
        // Finished whole once begun: Esc stops a sync between steps, never in the middle of this.
        var git = git
        git.cancel = nil
        guard git.isMerging else { return .success(nil) }
        let others = git.unmergedPaths().filter { $0 != path }
        guard others.isEmpty else {
            return .failure(Stop(.failed("a git merge was left unfinished, and git could not merge \(others.joined(separator: ", ")) "
                                         + "(knupp merges only the store). Resolve \(others.count == 1 ? "it" : "them") and `git add` "
                                         + "\(others.count == 1 ? "it" : "them"), or drop the merge with `git merge --abort`; then sync again")))
        }
        guard let theirs = git.show("MERGE_HEAD", path) else {
            return .failure(Stop(.failed(L("a git merge was left unfinished, and the branch being merged has no %@; ", "\(path)")
                                         + L("finish it by hand or drop it with `git merge --abort`, then sync again"))))
        }
        let working = (try? AtomicFile.readBytes(storePath)) ?? []
        let head = git.show("HEAD", path) ?? Data()
        // The file as it is, unless it is git's conflict output (markers): then the copy committed.
        let workingReads = (try? StoreDocument.decode(bytes: working, path: storePath)) != nil
        let ours = workingReads ? Data(working) : head
        let base = git.run(["merge-base", "HEAD", "MERGE_HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let ancestor = base.isEmpty ? ours : (git.show(base, path) ?? ours)
        let stopped = startedHere ? [] : [L("git had left a merge unfinished; knupp stopped it (`git merge --abort`)")
            + (workingReads ? L(" and kept your copy of %@ as it was.", "\(path)") : ".")]
        func abort() {
            _ = try? ProgrammeStore.holdingLock(path: storePath, officer: officer) { git.run(["merge", "--abort"]) }
            // `--abort` puts the committed copy back: anything changed since is put back on top.
            if workingReads, let now = try? AtomicFile.readBytes(storePath), now != working {
                try? ProgrammeStore.replace(path: storePath, expecting: now, with: working, officer: officer)
            }
        }
        let merged: Data
        var resolved: [StoreMerge.Conflict] = []
        do {
            merged = try StoreMerge.merge(base: ancestor, ours: ours, theirs: theirs, path: path, prefer: prefer, resolved: &resolved)
        } catch let conflict as StoreMerge.Conflict {
            abort()
            // Every field both changed, not the first alone: the merge walked again, settling
            // each (nothing is written), to name them all.
            var all: [StoreMerge.Conflict] = []
            _ = try? StoreMerge.merge(base: ancestor, ours: ours, theirs: theirs, path: path, prefer: .mine, resolved: &all)
            let others = all.filter { $0.field != conflict.field }
            let also = others.map { "Both sides also changed \($0.place): here \($0.ours ?? "(removed)"), colleague \($0.theirs ?? "(removed)")." }
            return .failure(Stop(.conflict(field: conflict.place, ours: conflict.ours ?? "(removed)", theirs: conflict.theirs ?? "(removed)"),
                                 steps: stopped + also))
        } catch let unreadable as StoreMerge.Unreadable {
            abort()
            let which = [.ours: L("your copy"), .theirs: L("the colleague's copy being merged"), .ancestor: L("the copy both started from")][unreadable.side] ?? "a copy"
            return .failure(Stop(.unreadable(which: which, error: unreadable.error), steps: stopped))
        } catch {
            abort()
            return .failure(Stop(.failed(L("the merge of %@ failed: %@", "\(path)", "\(error.localizedDescription)")), steps: stopped))
        }
        do {
            try ProgrammeStore.replace(path: storePath, expecting: working, with: [UInt8](merged), officer: officer)
        } catch {
            return .failure(Stop(.unreadable(which: L("your copy"), error: error)))
        }
        let add = git.run(["add", "--", path])
        guard add.ok else { return .failure(Stop(.failed(L("git add: ") + git.explain(add)))) }
        guard git.unmergedPaths().isEmpty else {
            return .failure(Stop(.failed(L("git still reports unmerged files; ") + git.adviceForUnfinishedOperation())))
        }
        let commit = git.run(["commit", "--no-edit", "--quiet"])
        guard commit.ok else { return .failure(Stop(.failed(L("git commit: ") + git.explain(commit)))) }
        if let prefer, !resolved.isEmpty {
            // What each settled field now holds, and what the other side had.
            return .success(resolved.map { c in
                let (kept, other) = prefer == .mine ? (c.ours, c.theirs) : (c.theirs, c.ours)
                return "\(c.place): kept \(prefer == .mine ? "yours" : "the colleague's"), \(kept ?? "(removed)") (the other was \(other ?? "(removed)"))"
            }.joined(separator: "\n"))
        }
        if startedHere { return .success(nil) }
        return .success(L("Finished a merge git had left unfinished: %@ merged record by record with the colleague's copy.", "\(path)"))
    }
}
