import Foundation
import Testing
@testable import Model
import TestSupport
import Sync

/// Sync after git was stopped half-way, and ticks that tie: nothing an officer ticked is dropped,
/// nothing is left stuck (real git, real clones of one bare remote).
extension SyncTests {
    func read(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// B's clone with B's tick committed and a merge of A's work that git left unfinished: the
    /// merge driver killed, as by the out-of-memory killer or a crash.
    func interruptedMerge() throws -> (a: String, b: String) {
        let (a, b, _) = try setUp()
        #expect(try knupp("tick", "irn-nup-approval", "--store", a, "--officer", "Amina").status == 0)
        #expect(try sync(a, as: "Amina").status == 0)
        #expect(try knupp("tick", "phase-2-completion", "--store", b, "--officer", "Bongani").status == 0)
        let clone = folder.file("b")
        _ = try git("commit", "-qam", "Bongani's tick", in: clone)
        _ = try git("fetch", "-q", "origin", in: clone)
        let branch = try git("rev-parse", "--abbrev-ref", "HEAD", in: clone).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let merge = try git("-c", "merge.knupp.name=knupp", "-c", "merge.knupp.driver=sh -c 'kill -9 $$'",
                            "merge", "origin/\(branch)", in: clone)
        #expect(merge.status != 0)
        #expect(try git("ls-files", "-u", in: clone).stdout.contains("programme.json"), "git left the store unmerged")
        return (a, b)
    }

    @Test("a merge git left unfinished (its driver killed) is merged record by record by the next sync: both ticks reach both copies")
    func killedDriver() throws {
        let (a, b) = try interruptedMerge()
        // Bongani works on meanwhile: that is kept too.
        #expect(try knupp("untick", "moz-nup-draft", "--store", b, "--officer", "Bongani").status == 0)
        let synced = try sync(b, as: "Bongani")
        #expect(synced.status == 0, "\(synced.stdout)\(synced.stderr)")
        #expect(synced.stdout.contains("Finished a merge git had left unfinished"))
        let clone = folder.file("b")
        #expect(try git("ls-files", "-u", in: clone).stdout.isEmpty)
        #expect(try git("rev-parse", "-q", "--verify", "MERGE_HEAD", in: clone).status != 0, "the merge is concluded")
        #expect(try git("rev-list", "--parents", "-n", "1", "HEAD~1", in: clone).stdout.split(separator: " ").count >= 2)
        #expect(try sync(a, as: "Amina").status == 0)
        for copy in [a, b] {
            let programme = try document(copy).programme
            #expect(programme.milestone("irn-nup-approval")?.doneBy == "Amina", "\(copy)")
            #expect(programme.milestone("phase-2-completion")?.doneBy == "Bongani", "\(copy)")
            #expect(programme.milestone("moz-nup-draft")?.done == false, "\(copy)")
        }
        #expect(try read(a) == read(b))
    }

    @Test("a revision that cannot be raised: refused with its place by validate, the driver says so (no trap), the sync stops cleanly; set back, both ticks merge")
    func revisionAtTheLimit() throws {
        let (a, b, _) = try setUp()
        #expect(try knupp("tick", "irn-nup-approval", "--store", a, "--officer", "Amina").status == 0)
        #expect(try sync(a, as: "Amina").status == 0)
        #expect(try knupp("tick", "phase-2-completion", "--store", b, "--officer", "Bongani").status == 0)
        let text = String(decoding: try read(b), as: UTF8.self)
        let high = text.replacingOccurrences(of: "\"revision\" : 2,", with: "\"revision\" : \(Int.max - 1),")
        #expect(high != text)
        try Data(high.utf8).write(to: URL(fileURLWithPath: b))
        #expect(try knupp("validate", b).status == 0, "one below the limit is a valid store")
        // The largest revision itself is refused with its place.
        let limit = folder.file("limit.json")
        try Data(text.replacingOccurrences(of: "\"revision\" : 2,", with: "\"revision\" : \(Int.max),").utf8).write(to: URL(fileURLWithPath: limit))
        let refused = try knupp("validate", limit)
        #expect(refused.status == 4 && refused.stderr.contains("limit.json:3:") && refused.stderr.contains("set it back to 1"), "\(refused.stderr)")
        // The driver on its own: a sentence and status 1, never a trap (132).
        let driver = try knupp("merge-driver", limit, b, b, "--path", "programme.json")
        #expect(driver.status != 132)
        let stopped = try sync(b, as: "Bongani")
        #expect(stopped.status == 1 && stopped.stderr.contains("back to 1") && !stopped.stderr.contains("Model."),
                "\(stopped.stdout)\(stopped.stderr)")
        let clone = folder.file("b")
        #expect(try git("rev-parse", "-q", "--verify", "MERGE_HEAD", in: clone).status != 0, "no merge is left open")
        #expect(try document(b).programme.milestone("phase-2-completion")?.doneBy == "Bongani", "the tick is still there")
        // Set back by hand, as the message says: then everything merges.
        let back = String(decoding: try read(b), as: UTF8.self).replacingOccurrences(of: "\(Int.max - 1)", with: "1")
        try Data(back.utf8).write(to: URL(fileURLWithPath: b))
        let again = try sync(b, as: "Bongani")
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(try sync(a, as: "Amina").status == 0)
        for copy in [a, b] {
            let programme = try document(copy).programme
            #expect(programme.milestone("irn-nup-approval")?.doneBy == "Amina" && programme.milestone("phase-2-completion")?.doneBy == "Bongani")
        }
    }

    @Test("two ticks of one milestone in the same second (and across offsets) sync both ways; both copies keep the same, earliest tick",
          arguments: [("2026-11-28T09:00:00Z", "Bongani", "2026-11-28T09:00:00Z", "Amina", "Amina"),
                      ("2026-11-28T09:30:00Z", "Amina", "2026-11-28T18:00:00+09:00", "Bongani", "Bongani"),
                      ("2026-11-28T09:00:00.250Z", "Amina", "2026-11-28T09:00:00.2Z", "Bongani", "Bongani")])
    func sameSecond(at: String, by: String, otherAt: String, otherBy: String, first: String) throws {
        let (a, b, _) = try setUp()
        try writeAsAnotherOfficer(a, .tick(milestone: "irn-nup-approval", by: by, at: at))
        try writeAsAnotherOfficer(b, .tick(milestone: "irn-nup-approval", by: otherBy, at: otherAt))
        #expect(try sync(a, as: "Amina").status == 0)
        let second = try sync(b, as: "Bongani")
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        let third = try sync(a, as: "Amina")
        #expect(third.status == 0, "\(third.stdout)\(third.stderr)")
        #expect(try read(a) == read(b))
        #expect(try document(a).programme.milestone("irn-nup-approval")?.doneBy == first)
    }

    @Test("a sync while a knupp save holds the store's lock waits, then stops before merging (exit 5); nothing merged; later it goes through")
    func syncWaitsForTheLock() throws {
        let (a, b, _) = try setUp()
        #expect(try knupp("tick", "irn-nup-approval", "--store", a, "--officer", "Amina").status == 0)
        #expect(try sync(a, as: "Amina").status == 0)
        #expect(try knupp("tick", "phase-2-completion", "--store", b, "--officer", "Bongani").status == 0)
        let holder = SleepingProcess()
        let owner = LockOwner(user: "Chen", pid: holder.pid, start: ProcessStart.of(holder.pid), since: "2026-11-28T08:00:00Z")
        try Data(owner.fileText.utf8).write(to: URL(fileURLWithPath: b + ".lock"))
        let before = try read(b)
        let busy = try run(knuppBinary, ["sync", "--store", b, "--officer", "Bongani"], environment: env.merging(["KNUPP_LOCK_WAIT": "1"]) { $1 })
        #expect(busy.status == 5 && busy.stderr.contains("Nothing was merged") && busy.stderr.contains("Chen"), "\(busy.stdout)\(busy.stderr)")
        #expect(try read(b) == before)
        #expect(try git("rev-parse", "-q", "--verify", "MERGE_HEAD", in: folder.file("b")).status != 0)
        unlink(b + ".lock")
        #expect(try sync(b, as: "Bongani").status == 0)
        #expect(try document(b).programme.milestone("irn-nup-approval")?.doneBy == "Amina")
    }

    @Test("in the front, a sync to a remote that does not answer runs on: keys work at once, Esc stops it",
          .enabled(if: TmuxSession.available, "tmux is not installed"))
    func slowRemote() throws {
        let (a, _, _) = try setUp()
        _ = try git("remote", "set-url", "origin", "ssh://knupp.invalid/remote.git", in: folder.file("a"))
        var environment = env
        environment["GIT_SSH_COMMAND"] = "sh -c 'sleep 20' --"
        let tmux = try TmuxSession("\(knuppBinary) --store \(a) --officer Amina --today 2026-11-28", width: 120, height: 30,
                                   environment: environment)
        try tmux.waitFor("read-write")
        try tmux.send("S")
        try tmux.waitFor("syncing…")
        let started = Date()
        try tmux.send("2")
        try tmux.waitFor("Scope", timeout: 2)
        #expect(Date().timeIntervalSince(started) < 1.5, "the front answered while git waited")
        try tmux.send("Escape")
        try tmux.waitFor("Sync stopped, as you asked", timeout: 5)
        #expect(Date().timeIntervalSince(started) < 6, "stopped long before the remote's 20 s")
        try tmux.send("q")
        try tmux.waitFor("[exit 0]")
    }

    @Test("a merge git left unfinished on another file than the store: the sync names it and the command that drops the merge, and commits nothing")
    func otherFileUnmerged() throws {
        let (a, b, _) = try setUp()
        let (cloneA, cloneB) = (folder.file("a"), folder.file("b"))
        try Data("from Amina\n".utf8).write(to: URL(fileURLWithPath: cloneA + "/notes.txt"))
        _ = try git("add", "notes.txt", in: cloneA)
        _ = try git("commit", "-qm", "notes", in: cloneA)
        #expect(try sync(a, as: "Amina").status == 0)
        try Data("from Bongani\n".utf8).write(to: URL(fileURLWithPath: cloneB + "/notes.txt"))
        _ = try git("add", "notes.txt", in: cloneB)
        _ = try git("commit", "-qm", "other notes", in: cloneB)
        _ = try git("fetch", "-q", "origin", in: cloneB)
        let branch = try git("rev-parse", "--abbrev-ref", "HEAD", in: cloneB).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try git("merge", "origin/\(branch)", in: cloneB).status != 0, "notes.txt conflicts")
        let head = try git("rev-parse", "HEAD", in: cloneB).stdout
        let stopped = try sync(b, as: "Bongani")
        #expect(stopped.status == 1 && stopped.stderr.contains("notes.txt") && stopped.stderr.contains("git merge --abort"), "\(stopped.stderr)")
        #expect(try git("rev-parse", "HEAD", in: cloneB).stdout == head, "nothing committed")
        _ = try git("merge", "--abort", in: cloneB)
        _ = b
    }

    @Test("a history of 200 commits is read with one git process for all its versions, newest first")
    func historyInOneProcess() throws {
        let (a, _, _) = try setUp()
        let clone = folder.file("a")
        for n in 0..<200 {
            let minute = String(format: "%02d", n % 60), hour = String(format: "%02d", n / 60)
            try writeAsAnotherOfficer(a, n % 2 == 0 ? .tick(milestone: "irn-nup-approval", by: "Amina", at: "2026-11-28T\(hour):\(minute):00Z")
                                                    : .untick(milestone: "irn-nup-approval"))
            _ = try git("commit", "-qam", "change \(n)", in: clone)
        }
        // git notes each of its runs (GIT_TRACE): one line "built-in: git …" a process.
        let calls = folder.file("git-calls.txt")
        let log = try run(knuppBinary, ["log", "--json", "--store", a], environment: env.merging(["GIT_TRACE": calls]) { $1 })
        #expect(log.status == 0, "\(log.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 200, "one change a commit")
        let instants = rows.compactMap { ($0["moment"] as? String).flatMap(Moment.instant) }
        #expect(instants.count == 200 && zip(instants, instants.dropFirst()).allSatisfy { $0 >= $1 }, "newest first")
        let runs = try String(contentsOfFile: calls, encoding: .utf8).split(separator: "\n").filter { $0.contains("built-in: git") }
        #expect(runs.filter { $0.contains("cat-file") }.count == 1 && !runs.contains { $0.contains("git show") }, "\(runs)")
        #expect(runs.count < 10, "a handful of git runs, not one per version: \(runs.count)")
    }

    @Test("a git lock file left by a killed git: the sync names it and the command that clears it, and commits nothing")
    func staleGitLock() throws {
        let (_, b, _) = try setUp()
        #expect(try knupp("tick", "phase-2-completion", "--store", b, "--officer", "Bongani").status == 0)
        let lock = folder.file("b/.git/index.lock")
        FileManager.default.createFile(atPath: lock, contents: Data())
        let stopped = try sync(b, as: "Bongani")
        #expect(stopped.status == 1 && stopped.stderr.contains("index.lock") && stopped.stderr.contains("rm "), "\(stopped.stderr)")
        unlink(lock)
        #expect(try sync(b, as: "Bongani").status == 0)
    }

    @Test("the merge driver names the version it cannot read and leaves ours as it was (no line merge over it)")
    func driverNamesTheSide() throws {
        let sample = try folder.copy(as: "ours.json")
        let base = try folder.copy(as: "base.json")
        let empty = folder.file("theirs.json")
        FileManager.default.createFile(atPath: empty, contents: Data())
        let before = try read(sample)
        let result = try knupp("merge-driver", base, sample, empty, "--path", "programme.json")
        #expect(result.status == 1 && result.stderr.contains("(theirs)") && result.stderr.contains("left as it was"), "\(result.stderr)")
        #expect(try read(sample) == before)
        // No common ancestor (both added the file): merged with none, so a field the two set
        // differently is a conflict named as such, not an unreadable ancestor.
        FileManager.default.createFile(atPath: base, contents: Data())
        let theirs = try folder.copy(as: "theirs2.json")
        try writeAsAnotherOfficer(theirs, .tick(milestone: "irn-nup-approval", by: "Bongani", at: "2026-11-28T09:00:00Z"))
        let merged = try knupp("merge-driver", base, sample, theirs, "--path", "programme.json")
        #expect(merged.status == 1 && merged.stderr.contains("changed differently") && !merged.stderr.contains("ancestor"), "\(merged.stderr)")
    }
}
