import Foundation
import Model

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
        /// Something git refused that knupp did not expect: its words.
        case failed(String)
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

    public init(storePath: String, officer: String, driver: String) {
        self.storePath = storePath; self.officer = officer; self.driver = driver
    }

    public func run() -> Report {
        var steps: [String] = []
        guard var git = Git.workTree(containing: storePath) else { return Report(steps: [], outcome: .notInRepository) }
        let email = git.run(["config", "user.email"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let address = email.isEmpty ? "\(officer.filter { !$0.isWhitespace }.lowercased())@knupp.invalid" : email
        git.environment = ["GIT_AUTHOR_NAME": officer, "GIT_AUTHOR_EMAIL": address,
                           "GIT_COMMITTER_NAME": officer, "GIT_COMMITTER_EMAIL": address]
        let path = git.relative(storePath)
        if let step = setUpDriver(git, path: path) { steps.append(step) }

        // 1. Commit what changed here.
        var sent = 0
        switch commitLocal(git, path: path) {
        case .failure(let failure): return Report(steps: steps, outcome: .failed(failure.message))
        case .success(let committed):
            if let committed {
                steps.append("Committed: \(committed.subject)")
                sent = committed.changes
            }
        }

        // 2. Exchange with the remote.
        let remotes = git.run(["remote"]).stdout.split(separator: "\n").map(String.init)
        guard let remote = remotes.contains("origin") ? "origin" : remotes.first else {
            return Report(steps: steps, outcome: .keptLocally(reason: "this repository has no remote; the commit stays here. "
                                                               + "Add one with `git remote add origin URL`, then sync again"))
        }
        let branch = git.run(["rev-parse", "--abbrev-ref", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let before = programme(git, revision: "HEAD", path: path)
        for _ in 0..<3 {
            let fetch = git.run(["fetch", "--quiet", remote])
            guard fetch.ok else {
                return Report(steps: steps, outcome: .keptLocally(reason: "\(remote) could not be reached (\(fetch.firstLine)); "
                                                                   + "your changes are committed here and will be sent at the next sync"))
            }
            let upstream = "\(remote)/\(branch)"
            if git.run(["rev-parse", "--verify", "--quiet", upstream]).ok {
                // What goes out: our changes since the last common version (commits of earlier,
                // offline syncs included).
                let base = git.run(["merge-base", "HEAD", upstream]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
                if !base.isEmpty, let common = programme(git, revision: base, path: path), let ours = before {
                    sent = RecordChange.between(common, ours).count
                }
                let merge = git.run(["merge", "--no-edit", "--quiet", upstream])
                if !merge.ok {
                    let conflict = describeConflict(git, path: path, upstream: upstream)
                    git.run(["merge", "--abort"])
                    guard let conflict else { return Report(steps: steps, outcome: .failed("git merge: \(merge.firstLine)")) }
                    return Report(steps: steps, outcome: conflict)
                }
            }
            let push = git.run(["push", "--quiet", "-u", remote, "HEAD:\(branch)"])
            if push.ok {
                let after = programme(git, revision: "HEAD", path: path)
                // What HEAD gained past our own commit came from the remote.
                let received = (before != nil && after != nil) ? RecordChange.between(before ?? .empty, after ?? .empty).count : 0
                return Report(steps: steps, outcome: .synced(sent: sent, received: received))
            }
            // Rejected because the remote moved meanwhile: fetch and merge again, then retry.
            let rejected = push.stderr.contains("rejected") || push.stderr.contains("fetch first") || push.stderr.contains("non-fast-forward")
            guard rejected else {
                return Report(steps: steps, outcome: .keptLocally(reason: "\(remote) did not take the changes (\(push.firstLine)); "
                                                                   + "they are committed here and will be sent at the next sync"))
            }
            steps.append("\(remote) had moved on; merging again")
        }
        return Report(steps: steps, outcome: .keptLocally(reason: "\(remote) kept moving; your changes are committed here "
                                                           + "and will be sent at the next sync"))
    }

    /// `knupp sync --init REMOTE`: starts sharing a store that is in no repository yet: a
    /// repository in the store's folder, the store committed, REMOTE added and the first push.
    public func initialise(remote: String) -> Report {
        if Git.workTree(containing: storePath) != nil {
            return Report(steps: [], outcome: .failed("\(storePath) is already in a git repository; run `knupp sync`"))
        }
        let folder = AtomicFile.folder(of: AtomicFile.resolve(storePath))
        var git = Git(root: folder)
        // git's own default branch name, the one a bare repository made by the same git points at.
        let initialised = git.run(["init", "--quiet"])
        guard initialised.ok else { return Report(steps: [], outcome: .failed("git init: \(initialised.firstLine)")) }
        var steps = ["Created a git repository in \(folder)."]
        git.run(["remote", "add", "origin", remote])
        let fetch = git.run(["fetch", "--quiet", "origin"])
        if fetch.ok, !git.run(["branch", "-r"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            try? FileManager.default.removeItem(atPath: folder + "/.git")
            return Report(steps: [], outcome: .failed("\(remote) already holds a record. Take a copy of it instead: "
                                                      + "`git clone \(remote) FOLDER`, then `knupp --store FOLDER/\((storePath as NSString).lastPathComponent) sync`"))
        }
        steps.append("Added \(remote) as the remote (origin).")
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
            did.append("the repository's config")
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
    private func commitLocal(_ git: Git, path: String) -> Result<Committed?, SyncFailure> {
        let status = git.run(["status", "--porcelain", "--", path, ".gitattributes"])
        guard status.ok else { return .failure(SyncFailure("git status: \(status.firstLine)")) }
        let staged = git.run(["diff", "--cached", "--quiet"]).status != 0
        guard !status.stdout.isEmpty || staged else { return .success(nil) }
        let committed = programme(git, revision: "HEAD", path: path)
        let new = (try? StoreDocument.decode(AtomicFile.read(storePath), path: storePath).programme) ?? (committed ?? .empty)
        let changes = committed.map { RecordChange.between($0, new) } ?? []
        let message = committed == nil
            ? "Add the record: \(new.countries.count) countries, \(new.milestoneCount) milestones (\(officer))"
            : StoreSync.commitMessage(changes, officer: officer)
        let add = git.run(["add", "--", path])
        guard add.ok else { return .failure(SyncFailure("git add: \(add.firstLine)")) }
        let commit = git.run(["commit", "--quiet", "-m", message])
        guard commit.ok else { return .failure(SyncFailure("git commit: \(commit.firstLine)")) }
        // A first commit sends the whole record: its milestones count as what was sent.
        return .success(Committed(subject: message.split(separator: "\n").first.map(String.init) ?? message,
                                  changes: committed == nil ? new.milestoneCount : changes.count))
    }

    private struct SyncFailure: Error { var message: String; init(_ m: String) { message = m } }

    private func programme(_ git: Git, revision: String, path: String) -> Programme? {
        guard let data = git.show(revision, path) else { return nil }
        return try? StoreDocument.decode(data, path: path).programme
    }

    /// Why the merge stopped: the field both sides changed, with both values.
    private func describeConflict(_ git: Git, path: String, upstream: String) -> Outcome? {
        let base = git.run(["merge-base", "HEAD", upstream]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let ours = git.show("HEAD", path), let theirs = git.show(upstream, path) else { return nil }
        let baseData = base.isEmpty ? ours : (git.show(base, path) ?? ours)
        do {
            _ = try StoreMerge.merge(base: baseData, ours: ours, theirs: theirs, path: path)
            return nil
        } catch let conflict as StoreMerge.Conflict {
            return .conflict(field: conflict.field, ours: conflict.ours ?? "(removed)", theirs: conflict.theirs ?? "(removed)")
        } catch {
            return .failed("the remote's copy of \(path) cannot be read: \(error)")
        }
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
