import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation
import Sync

/// `knupp sync` and `knupp log` on real git, no network: a bare repository on disk as the
/// remote, two clones as two officers.
@Suite("Sync through git, and the history", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is not installed"))
struct SyncTests {
    let folder = TempFolder()
    /// No user or system git configuration: what a fresh officer's machine has.
    var env: [String: String] { ["HOME": folder.path, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null"] }

    func git(_ args: String..., in dir: String) throws -> RunResult {
        try run("/usr/bin/git", ["-C", dir] + args, environment: env.merging(
            ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"]) { $1 })
    }

    func sync(_ store: String, as officer: String) throws -> RunResult {
        try run(knuppBinary, ["sync", "--store", store, "--officer", officer], environment: env)
    }

    func document(_ path: String) throws -> StoreDocument {
        try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
    }

    /// A remote holding the sample, and Amina's and Bongani's clones of it.
    func setUp() throws -> (a: String, b: String, remote: String) {
        let remote = folder.file("remote.git")
        _ = try run("/usr/bin/git", ["init", "-q", "--bare", remote], environment: env)
        let first = folder.file("first")
        try FileManager.default.createDirectory(atPath: first, withIntermediateDirectories: true)
        let store = try folder.copy(as: "first/programme.json")
        let started = try run(knuppBinary, ["sync", "--init", remote, "--store", store, "--officer", "Amina"], environment: env)
        #expect(started.status == 0, "\(started.stdout)\(started.stderr)")
        #expect(started.stdout.contains("Set up the knupp merge driver"))
        for name in ["a", "b"] { _ = try git("clone", "-q", remote, folder.file(name), in: folder.path) }
        return (folder.file("a/programme.json"), folder.file("b/programme.json"), remote)
    }

    @Test("A ticks and syncs, B ticks and syncs (a merge), A syncs: both copies equal, both ticks kept with their officers, commits named after the changes")
    func twoOfficers() throws {
        let (a, b, _) = try setUp()
        #expect(try knupp("tick", "irn-nup-approval", "--store", a, "--officer", "Amina").status == 0)
        let first = try sync(a, as: "Amina")
        #expect(first.status == 0 && first.stdout.contains("Synced: sent 1 change"), "\(first.stdout)\(first.stderr)")
        #expect(try knupp("tick", "phase-2-completion", "--store", b, "--officer", "Bongani").status == 0)
        let second = try sync(b, as: "Bongani")
        #expect(second.status == 0 && second.stdout.contains("received 1 change"), "\(second.stdout)\(second.stderr)")
        #expect(try sync(a, as: "Amina").stdout.contains("received 1 change"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
        let saved = try document(a).programme
        #expect(saved.milestone("irn-nup-approval")?.doneBy == "Amina")
        #expect(saved.milestone("phase-2-completion")?.doneBy == "Bongani")
        let log = try git("log", "--format=%an|%s", in: folder.file("a")).stdout
        #expect(log.contains("Amina|Tick irn-nup-approval: Iran National Urban Policy approved") && log.contains("(Amina)"))
        #expect(log.contains("Bongani|Tick phase-2-completion: Phase 2 implementation completed (Bongani)"))
        // The history, as knupp log tells it.
        let history = try run(knuppBinary, ["log", "--store", a], environment: env.merging(["TZ": "Asia/Seoul"]) { $1 })
        #expect(history.stdout.contains("History from git") && history.stdout.contains("Times are in Asia/Seoul (UTC+09:00)."))
        #expect(history.stdout.contains("Amina") && history.stdout.contains("ticked") && history.stdout.contains("irn-nup-approval"))
        let json = try run(knuppBinary, ["log", "--store", a, "--json", "--by", "bongani"], environment: env)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1 && rows.first?["id"] as? String == "phase-2-completion" && rows.first?["officer"] as? String == "Bongani")
        let iran = try run(knuppBinary, ["log", "--store", a, "--country", "iran", "--json"], environment: env)
        #expect((try JSONSerialization.jsonObject(with: Data(iran.stdout.utf8)) as? [[String: Any]])?.count == 1)
    }

    @Test("both officers tick the same milestone: one record is kept (the first tick), no conflict")
    func sameTick() throws {
        let (a, b, _) = try setUp()
        try writeAsAnotherOfficer(a, .tick(milestone: "irn-nup-approval", by: "Amina", at: "2026-11-28T09:00:00Z"))
        try writeAsAnotherOfficer(b, .tick(milestone: "irn-nup-approval", by: "Bongani", at: "2026-11-28T10:00:00Z"))
        #expect(try sync(a, as: "Amina").status == 0)
        let second = try sync(b, as: "Bongani")
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        let m = try #require(try document(b).programme.milestone("irn-nup-approval"))
        #expect(m.doneBy == "Amina" && m.doneAt == "2026-11-28T09:00:00Z")
    }

    @Test("both edit one title differently: the sync stops cleanly (exit 6), names the record and both values; the copy is as it was")
    func conflict() throws {
        let (a, b, _) = try setUp()
        try writeAsAnotherOfficer(a, .editMilestone(id: "irn-nup-approval", title: "Approved by cabinet", due: nil, note: nil, evidence: nil))
        try writeAsAnotherOfficer(b, .editMilestone(id: "irn-nup-approval", title: "Approved by parliament", due: nil, note: nil, evidence: nil))
        #expect(try sync(a, as: "Amina").status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: b))
        let result = try sync(b, as: "Bongani")
        #expect(result.status == 6)
        #expect(result.stderr.contains("irn-nup-approval") && result.stderr.contains("title"))
        #expect(result.stderr.contains("Approved by parliament") && result.stderr.contains("Approved by cabinet"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: b)) == before)
        #expect(try knupp("validate", "--store", b).status == 0, "the store still loads")
        #expect(!FileManager.default.fileExists(atPath: folder.file("b/.git/MERGE_HEAD")), "no merge left half-done")
    }

    @Test("after a conflict: --keep theirs takes the colleague's value, --keep mine keeps one's own (a value set since too); each sync then clean, both copies equal")
    func settleConflict() throws {
        let (a, b, _) = try setUp()
        #expect(try knupp("set", "MOZ", "officialName=République du Mozambique", "notes=A", "--store", a, "--officer", "Amina").status == 0)
        #expect(try knupp("set", "MOZ", "officialName=Republic of Mozambique (RM)", "notes=B", "--store", b, "--officer", "Bongani").status == 0)
        #expect(try sync(a, as: "Amina").status == 0)
        let stopped = try sync(b, as: "Bongani")
        #expect(stopped.status == 6 && stopped.stderr.contains("--keep mine --store \(b)") && stopped.stderr.contains("--keep theirs"), "\(stopped.stderr)")
        // Every field both changed is named, in the screens' words (not the file's path).
        let said = stopped.stdout + stopped.stderr
        #expect(said.contains("country MOZ › notes") && said.contains("country MOZ › officialName"), "\(said)")
        let theirs = try run(knuppBinary, ["sync", "--keep", "theirs", "--store", b, "--officer", "Bongani"], environment: env)
        #expect(theirs.status == 0, "\(theirs.stdout)\(theirs.stderr)")
        #expect(theirs.stdout.contains("country MOZ › officialName: kept the colleague's, \"République du Mozambique\""), "\(theirs.stdout)")
        #expect(theirs.stdout.contains("country MOZ › notes: kept the colleague's") && !theirs.stdout.contains("␊"), "\(theirs.stdout)")
        #expect(try document(b).programme.country("MOZ")?.officialName == "République du Mozambique")
        #expect(try sync(a, as: "Amina").status == 0)
        #expect(try document(a).programme == document(b).programme)
        // Again: both change the name; Amina keeps hers.
        #expect(try knupp("set", "MOZ", "name=Moçambique", "--store", a, "--officer", "Amina").status == 0)
        #expect(try knupp("set", "MOZ", "name=Mozambique (RM)", "--store", b, "--officer", "Bongani").status == 0)
        #expect(try sync(b, as: "Bongani").status == 0)
        #expect(try sync(a, as: "Amina").status == 6)
        let mine = try run(knuppBinary, ["sync", "--keep", "mine", "--store", a, "--officer", "Amina"], environment: env)
        #expect(mine.status == 0 && mine.stdout.contains("kept yours, \"Moçambique\""), "\(mine.stdout)\(mine.stderr)")
        #expect(try sync(b, as: "Bongani").status == 0)
        #expect(try document(b).programme.country("MOZ")?.name == "Moçambique" && document(a).programme == document(b).programme)
        // A third value, as the advice says: theirs taken first, then the value set and synced (even the first one).
        #expect(try knupp("set", "MOZ", "name=Mozambique (A)", "--store", a, "--officer", "Amina").status == 0)
        #expect(try knupp("set", "MOZ", "name=Mozambique (B)", "--store", b, "--officer", "Bongani").status == 0)
        #expect(try sync(b, as: "Bongani").status == 0)
        #expect(try sync(a, as: "Amina").status == 6)
        #expect(try run(knuppBinary, ["sync", "--keep", "theirs", "--store", a, "--officer", "Amina"], environment: env).status == 0)
        #expect(try knupp("set", "MOZ", "name=Moçambique", "--store", a, "--officer", "Amina").status == 0)
        #expect(try sync(a, as: "Amina").status == 0)
        #expect(try sync(b, as: "Bongani").status == 0)
        #expect(try document(b).programme.country("MOZ")?.name == "Moçambique" && document(a).programme == document(b).programme)
        #expect(try knupp("validate", "--store", a).status == 0)
    }

    @Test("the remote cannot be reached: the local commit is kept and the message says it will be sent next time")
    func offline() throws {
        let (a, _, remote) = try setUp()
        try FileManager.default.moveItem(atPath: remote, toPath: remote + ".away")
        #expect(try knupp("tick", "irn-nup-approval", "--store", a, "--officer", "Amina").status == 0)
        let result = try sync(a, as: "Amina")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Not sent") && result.stdout.contains("next sync"))
        #expect(try git("log", "-1", "--format=%s", in: folder.file("a")).stdout.contains("Tick irn-nup-approval"))
        try FileManager.default.moveItem(atPath: remote + ".away", toPath: remote)
        #expect(try sync(a, as: "Amina").stdout.contains("Synced"))
    }

    @Test("outside git: sync says how to start; log reads what the store dates and says so")
    func outsideGit() throws {
        let store = try folder.copySample()
        let result = try sync(store, as: "Amina")
        #expect(result.status == 1 && result.stderr.contains("not in a git repository") && result.stderr.contains("knupp sync --init"))
        #expect(try knupp("tick", "irn-nup-approval", "--store", store, "--officer", "Amina").status == 0)
        let log = try run(knuppBinary, ["log", "--store", store], environment: env)
        #expect(log.stdout.contains("what the store dates") && log.stdout.contains("Amina"))
        #expect(log.stdout.split(separator: "\n").dropFirst(2).first?.contains("irn-nup-approval") == true, "newest first")
    }

    @Test("commit messages: one change in full; several counted, then listed")
    func messages() {
        let one = [RecordChange(kind: .tick, id: "m1", title: "A short title", officer: "J. Kim")]
        #expect(StoreSync.commitMessage(one, officer: "J. Kim") == "Tick m1: A short title (J. Kim)")
        let many = one + [RecordChange(kind: .add, id: "m2", title: String(repeating: "x", count: 80)),
                          RecordChange(kind: .tick, id: "m3", title: "Third")]
        let message = StoreSync.commitMessage(many, officer: "J. Kim")
        #expect(message.hasPrefix("3 changes (1 add, 2 tick) by J. Kim\n\n- Tick m1: A short title\n- Add m2: "))
        #expect(message.contains("…"))
    }

    @Test("as of a day, inside git, the record is the one in history that day: ticked in 2024, unticked in 2026, it is done as of 2025, and the report says where it read the record")
    func asOfFromHistory() throws {
        let (a, _, _) = try setUp()
        let clone = folder.file("a")
        func commit(_ message: String, on date: String) throws {
            let result = try run("/usr/bin/git", ["-C", clone, "commit", "-qam", message], environment: env.merging(
                ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
                 "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date]) { $1 })
            #expect(result.status == 0, "\(result.stderr)")
        }
        try writeAsAnotherOfficer(a, .tick(milestone: "irn-nup-approval", by: "Amina", at: "2024-05-02T09:00:00Z"))
        try commit("tick", on: "2024-05-02T09:00:00Z")
        try writeAsAnotherOfficer(a, .untick(milestone: "irn-nup-approval"))
        try commit("untick", on: "2026-02-01T09:00:00Z")
        func status(asOf day: String) throws -> (String?, String?) {
            let result = try run(knuppBinary, ["report", "--store", a, "--format", "json", "--as-of", day, "--today", "2026-11-28"],
                                 environment: env.merging(["TZ": "UTC"]) { $1 })
            let report = try ReportJSON(result.stdout)
            return (report.status("irn-nup-approval"), report.root["recordSource"] as? String)
        }
        let (then, source) = try status(asOf: "2025-06-30")
        #expect(then == "done", "the record in history on 2025-06-30 had it ticked")
        #expect(source?.contains("git history at the end of 2025-06-30") == true, "\(source ?? "no source")")
        #expect(try status(asOf: "2026-11-28").0 == "open", "as of today: the record as it is")
        #expect(try status(asOf: "2024-05-01").0 == "open", "before the tick")
        let md = try run(knuppBinary, ["report", "--store", a, "--as-of", "2025-06-30", "--today", "2026-11-28"], environment: env).stdout
        #expect(md.contains("The record as it stood in the store's git history at the end of 2025-06-30"))
    }

    @Test("report --since adds the changes of the period, from the same history")
    func reportSince() throws {
        let (a, _, _) = try setUp()
        #expect(try knupp("tick", "irn-nup-approval", "--store", a, "--officer", "Amina").status == 0)
        #expect(try sync(a, as: "Amina").status == 0)
        let report = try run(knuppBinary, ["report", "--store", a, "--since", "2000-01-01"], environment: env)
        #expect(report.stdout.contains("## Changes in this period"))
        #expect(report.stdout.contains("Amina ticked Iran National Urban Policy approved"))
        let json = try run(knuppBinary, ["report", "--store", a, "--since", "2000-01-01", "--format", "json"], environment: env)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let items = try #require((root["changes"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(items.first?["id"] as? String == "irn-nup-approval" && items.first?["officer"] as? String == "Amina")
        let csv = try run(knuppBinary, ["report", "--store", a, "--since", "2000-01-01", "--format", "csv"], environment: env)
        #expect(csv.stdout.contains("change,") && csv.stdout.contains("irn-nup-approval"))
        let none = try run(knuppBinary, ["report", "--store", a, "--today", "2999-12-31", "--since", "2999-01-01"], environment: env)
        #expect(none.stdout.contains("No changes to the record in this period."))
        #expect(!(try knupp("report", "--store", a).stdout.contains("Changes in this period")), "only with --since")
    }

    @Test("in the front, S syncs (Syncing…, then the outcome) and the Activity panel lists the changes; Enter opens the record",
          .enabled(if: TmuxSession.available, "tmux is not installed"))
    func frontSyncAndActivity() throws {
        let (a, b, _) = try setUp()
        #expect(try knupp("tick", "phase-2-completion", "--store", b, "--officer", "Bongani").status == 0)
        #expect(try sync(b, as: "Bongani").status == 0)
        var environment = env
        environment["TZ"] = "UTC"
        let tmux = try TmuxSession("\(knuppBinary) --store \(a) --officer Amina --today 2026-11-28", width: 120, height: 30,
                                   environment: environment)
        try tmux.waitFor("read-write")
        try tmux.send("S")
        try tmux.waitFor("Synced: sent 0 changes, received 1 change")
        try tmux.waitFor("rev 2")
        try tmux.send("5")
        try tmux.waitFor("History from git")
        let screen = try tmux.waitFor("Bongani ticked Phase 2 implementation completed")
        #expect(screen.contains("Activity"))
        try tmux.send("Enter")
        try tmux.waitFor("phase-2-completion · done")
        try tmux.send("q")
        try tmux.waitFor("[exit 0]")
    }
}
