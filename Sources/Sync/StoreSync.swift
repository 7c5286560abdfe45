import Foundation
import Model
import Processes

/// `knupp sync`: the store shared through a git repository, for officers who are not git users.
///
/// Sets up the knupp merge driver the first time, commits the store with a message written from
/// its changes (the officer as author), fetches and merges the remote's changes through the
/// driver, and pushes, merging again when the remote moved meanwhile. It changes nothing it
/// cannot finish: with no remote or no network the commit stays and is sent next time; a real
/// conflict stops the merge cleanly and names the record and both values.
public struct StoreSync {
    /// How a sync ended.
    public enum Outcome: Equatable, Sendable {
        /// Sent (and received) all there was; `received` changes arrived from the remote.
        case synced(sent: Int, received: Int)
        /// Committed here but not sent: no remote, or it could not be reached.
        case keptLocally(reason: String)
        /// Both sides changed one field differently: the merge was stopped, nothing changed.
        case conflict(field: String, ours: String, theirs: String)
        /// The store is not in a git work tree.
        case notInRepository
        /// A copy of the store that the merge needs cannot be read (`which`: whose copy).
        case unreadable(which: String, error: StoreError)
        /// Something git refused that knupp did not expect: its words.
        case failed(String)
        /// Stopped on the officer's word (Esc in the front) before it was done.
        case cancelled
        /// The store's lock was held (a knupp saving) for all the wait: nothing was merged.
        case storeBusy(StoreError)
    }

    public struct Report: Equatable, Sendable {
        /// What was done on the way, in order: "Set up the knupp merge driver …", "Committed …".
        public var steps: [String]
        public var outcome: Outcome
    }

    public let storePath: String
    public let officer: String
    /// The knupp program git should run as the merge driver.
    public let driver: String

    /// Set to stop the sync: the git running is stopped, and nothing more is begun.
    public var cancel: Cancellation?
    /// How long the merge waits for a save's lock (`KNUPP_LOCK_WAIT`).
    public var lockWait = ProgrammeStore.defaultLockWait
    /// The side every field both changed differently takes (`--keep mine|theirs`); nil stops
    /// the merge at the first such field.
    public var prefer: StoreMerge.Preference?

    public init(storePath: String, officer: String, driver: String, cancel: Cancellation? = nil) {
        self.storePath = storePath; self.officer = officer; self.driver = driver; self.cancel = cancel
    }

    /// The report so far, as stopped, when the sync was cancelled.
    private func stopped(_ steps: [String]) -> Report? { cancel?.isCancelled == true ? Report(steps: steps, outcome: .cancelled) : nil }

    public func run() -> Report {
        var report = runSteps()
        // A git command stopped by the officer fails; that is their stop, not a failure.
        if cancel?.isCancelled == true, case .failed = report.outcome { report.outcome = .cancelled }
        return report
    }

    private func runSteps() -> Report {
        var steps: [String] = []
        guard var git = Git.workTree(containing: storePath) else { return Report(steps: [], outcome: .notInRepository) }
        git.cancel = cancel
        let email = git.run(["config", "user.email"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let address = email.isEmpty ? "\(officer.filter { !$0.isWhitespace }.lowercased())@knupp.invalid" : email
        git.environment = ["GIT_AUTHOR_NAME": officer, "GIT_AUTHOR_EMAIL": address,
                           "GIT_COMMITTER_NAME": officer, "GIT_COMMITTER_EMAIL": address]
        let path = git.relative(storePath)
        if let busy = git.heldLock() { return Report(steps: [], outcome: .failed(busy)) }
        if let step = setUpDriver(git, path: path) { steps.append(step) }

        // 0. A merge git left unfinished is finished (or stopped) before anything is committed;
        // what it brought from the colleague counts as received.
        var receivedEarlier = 0
        let headBefore = programme(git, revision: "HEAD", path: path)
        switch finishUnfinishedMerge(git, path: path) {
        case .failure(let stop): return Report(steps: steps + stop.steps, outcome: stop.outcome)
        case .success(let step):
            if let step {
                steps.append(step)
                if let old = headBefore, let new = programme(git, revision: "HEAD", path: path) {
                    receivedEarlier = RecordChange.between(old, new).count
                }
            }
        }

        // 1. Commit what changed here.
        var sent = 0
        switch commitLocal(git, path: path) {
        case .failure(let failure): return Report(steps: steps, outcome: failure.outcome)
        case .success(let committed):
            if let committed {
                steps.append("Committed: \(committed.subject)")
                sent = committed.changes
            }
        }

        if let stop = stopped(steps) { return stop }
        // 2. Exchange with the remote.
        let listed = git.run(["remote"])
        // Stopped while git listed the remotes (Esc): that, not "no remote", is what happened.
        if let stop = stopped(steps) { return stop }
        guard listed.status == 0 else {
            return Report(steps: steps, outcome: .failed(L("git could not list the remotes (%@); your commit stays here", "\(listed.firstLine)")))
        }
        let remotes = listed.stdout.split(separator: "\n").map(String.init)
        guard let remote = remotes.contains("origin") ? "origin" : remotes.first else {
            return Report(steps: steps, outcome: .keptLocally(reason: L("this repository has no remote; the commit stays here. ")
                                                               + L("Add one with `git remote add origin URL`, then sync again")))
        }
        let branch = git.run(["rev-parse", "--abbrev-ref", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = programme(git, revision: "HEAD", path: path)
        for _ in 0..<3 {
            let fetch = git.run(["fetch", "--quiet", remote])
            if let stop = stopped(steps) { return stop }
            guard fetch.ok else {
                return Report(steps: steps, outcome: .keptLocally(reason: L("%@ could not be reached (%@); ", "\(remote)", "\(fetch.firstLine)")
                                                                   + L("your changes are committed here and will be sent at the next sync")))
            }
            let upstream = "\(remote)/\(branch)"
            if git.run(["rev-parse", "--verify", "--quiet", upstream]).ok {
                // What goes out: our changes since the last common version (commits of earlier,
                // offline syncs included).
                let base = git.run(["merge-base", "HEAD", upstream]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                if !base.isEmpty, let common = programme(git, revision: base, path: path), let ours = before {
                    sent = RecordChange.between(common, ours).count
                }
                // git rewrites the store as it merges: inside the store's lock, as a save, so that
                // no knupp (a front that stays open) saves in the middle of it.
                let merge: Git.Result
                do {
                    // Not stopped half-way by Esc: git stopped mid-merge can leave the colleague's
                    // changes in the work tree with no merge under way, to be committed as ours.
                    var whole = git
                    whole.cancel = nil
                    merge = try ProgrammeStore.holdingLock(path: storePath, officer: officer, wait: lockWait) {
                        whole.run(["merge", "--no-edit", "--quiet", upstream])
                    }
                } catch {
                    return Report(steps: steps, outcome: .storeBusy(error))
                }
                if let stop = stopped(steps) {
                    // A merge stopped half-way is finished (or stopped cleanly) by the next sync.
                    return stop
                }
                if !merge.ok {
                    // Stopped at a conflict, or the driver could not run: merged here record by
                    // record, or stopped saying why.
                    guard git.isMerging else { return Report(steps: steps, outcome: .failed(L("git merge: ") + git.explain(merge))) }
                    switch finishUnfinishedMerge(git, path: path, startedHere: true) {
                    case .failure(let stop): return Report(steps: steps + stop.steps, outcome: stop.outcome)
                    case .success(let said): if let said { steps += said.components(separatedBy: "\n") }
                    }
                }
            }
            let push = git.run(["push", "--quiet", "-u", remote, "HEAD:\(branch)"])
            if let stop = stopped(steps) { return stop }
            if push.ok {
                let after = programme(git, revision: "HEAD", path: path)
                // What HEAD gained past our own commit came from the remote.
                let received = receivedEarlier
                    + ((before != nil && after != nil) ? RecordChange.between(before ?? .empty, after ?? .empty).count : 0)
                return Report(steps: steps, outcome: .synced(sent: sent, received: received))
            }
            // Rejected because the remote moved meanwhile: fetch and merge again, then retry.
            let rejected = push.stderr.contains("rejected") || push.stderr.contains("fetch first") || push.stderr.contains("non-fast-forward")
            guard rejected else {
                return Report(steps: steps, outcome: .keptLocally(reason: L("%@ did not take the changes (%@); ", "\(remote)", "\(push.firstLine)")
                                                                   + L("they are committed here and will be sent at the next sync")))
            }
            steps.append(L("%@ had moved on; merging again", "\(remote)"))
        }
        return Report(steps: steps, outcome: .keptLocally(reason: L("%@ kept moving; your changes are committed here ", "\(remote)")
                                                           + L("and will be sent at the next sync")))
    }

    /// `knupp sync --init REMOTE`: starts sharing a store that is in no repository yet: a
    /// repository in the store's folder, the store committed, REMOTE added and the first push.
    public func initialise(remote: String) -> Report {
        if Git.workTree(containing: storePath) != nil {
            return Report(steps: [], outcome: .failed(L("%@ is already in a git repository; run `knupp sync`", "\(storePath)")))
        }
        let folder = AtomicFile.folder(of: AtomicFile.resolve(storePath))
        var git = Git(root: folder)
        // git's own default branch name, the one a bare repository made by the same git points at.
        let initialised = git.run(["init", "--quiet"])
        guard initialised.ok else { return Report(steps: [], outcome: .failed(L("git init: %@", "\(initialised.firstLine)"))) }
        var steps = [L("Created a git repository in %@.", "\(folder)")]
        git.run(["remote", "add", "origin", remote])
        let fetch = git.run(["fetch", "--quiet", "origin"])
        if fetch.ok, !git.run(["branch", "-r"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            try? FileManager.default.removeItem(atPath: folder + "/.git")
            return Report(steps: [], outcome: .failed(L("%@ already holds a record. Take a copy of it instead: ", "\(remote)")
                                                      + L("`git clone %@ FOLDER`, then `knupp --store FOLDER/%@ sync`", "\(remote)", "\((storePath as NSString).lastPathComponent)")))
        }
        steps.append(L("Added %@ as the remote (origin).", "\(remote)"))
        git.environment = [:]
        var report = run()
        report.steps = steps + report.steps
        return report
    }

    // MARK: Steps

    /// Makes git merge the store with the knupp driver (once per repository and clone).
    private func setUpDriver(_ git: Git, path: String) -> String? {
        var did: [String] = []
        let command = "\"\(driver)\" merge-driver %O %A %B --path %P"
        if git.run(["config", "merge.knupp.driver"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) != command {
            git.run(["config", "merge.knupp.name", "knupp store merge"])
            git.run(["config", "merge.knupp.driver", command])
            did.append(L("the repository's config"))
        }
        let attribute = git.run(["check-attr", "merge", "--", path]).stdout
        if !attribute.contains("merge: knupp") {
            let file = git.root + "/.gitattributes"
            let existing = FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let line = "\(path.replacingOccurrences(of: " ", with: "[[:space:]]")) merge=knupp\n"
            let text = existing + (existing.isEmpty || existing.hasSuffix("\n") ? "" : "\n") + line
            if (try? Data(text.utf8).write(to: URL(fileURLWithPath: file))) != nil {
                git.run(["add", "--", ".gitattributes"])
                did.append(".gitattributes")
            }
        }
        return did.isEmpty ? nil : "Set up the knupp merge driver for \(path) (\(did.joined(separator: ", ")))."
    }

    private struct Committed { var subject: String; var changes: Int }

    /// Commits the store (and .gitattributes) when they changed; nil when there was nothing.
    private func commitLocal(_ git: Git, path: String) -> Result<Committed?, Stop> {
        let status = git.run(["status", "--porcelain", "--", path, ".gitattributes"])
        guard status.ok else { return .failure(Stop(.failed(L("git status: ") + git.explain(status)))) }
        // Never commit a file git reports unmerged: that would conclude a merge with this copy alone.
        let unmerged = git.unmergedPaths()
        guard unmerged.isEmpty else {
            return .failure(Stop(.failed("git reports \(unmerged.joined(separator: ", ")) as unmerged; knupp commits nothing in that state. "
                                         + git.adviceForUnfinishedOperation())))
        }
        let staged = git.run(["diff", "--cached", "--quiet"]).status != 0
        guard !status.stdout.isEmpty || staged else { return .success(nil) }
        let committed = programme(git, revision: "HEAD", path: path)
        let new = (try? StoreDocument.decode(AtomicFile.read(storePath), path: storePath).programme) ?? (committed ?? .empty)
        let changes = committed.map { RecordChange.between($0, new) } ?? []
        let message = committed == nil
            ? "Add the record: \(new.countries.count) countries, \(new.milestoneCount) milestones (\(officer))"
            : StoreSync.commitMessage(changes, officer: officer)
        let add = git.run(["add", "--", path])
        guard add.ok else { return .failure(Stop(.failed("git add: " + git.explain(add)))) }
        let commit = git.run(["commit", "--quiet", "-m", message])
        guard commit.ok else { return .failure(Stop(.failed("git commit: " + git.explain(commit)))) }
        // A first commit sends the whole record: its milestones count as what was sent.
        return .success(Committed(subject: message.split(separator: "\n").first.map(String.init) ?? message,
                                  changes: committed == nil ? new.milestoneCount : changes.count))
    }

    func programme(_ git: Git, revision: String, path: String) -> Programme? {
        guard let data = git.show(revision, path) else { return nil }
        return try? StoreDocument.decode(data, path: path).programme
    }

    /// "Tick irn-nup-approval: Iran National Urban Policy approved… (J. Kim)"; several changes
    /// in a subject that counts them and a body that lists them.
    public static func commitMessage(_ changes: [RecordChange], officer: String) -> String {
        func line(_ c: RecordChange) -> String {
            let verb = ["tick": "Tick", "untick": "Untick", "add": "Add", "edit": "Edit", "remove": "Remove", "notes": "Notes of"][c.kind.rawValue] ?? "Change"
            let title = c.title.count > 50 ? String(c.title.prefix(49)) + "…" : c.title
            return "\(verb) \(c.id): \(title)"
        }
        guard let first = changes.first else { return "Update the record (\(officer))" }
        if changes.count == 1 { return line(first) + " (\(officer))" }
        let kinds = Dictionary(grouping: changes, by: \.kind).map { "\($0.value.count) \($0.key.rawValue)" }.sorted()
        return "\(changes.count) changes (\(kinds.joined(separator: ", "))) by \(officer)\n\n"
            + changes.map { "- " + line($0) }.joined(separator: "\n")
    }
}
