import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Model
import TestSupport
@testable import Presentation

@Suite("Store: saving, locking and other officers' changes")
struct StoreSaveTests {
    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// Another officer (or a git pull) rewrites the file behind the open store's back.
    func writeTheirs(_ path: String, revision: Int? = nil, _ edit: Edit) throws {
        var theirs = try StoreDocument.decode(try bytes(path), path: path)
        try theirs.programme.apply(edit)
        theirs.revision = revision ?? theirs.revision + 1
        try theirs.encoded().write(to: URL(fileURLWithPath: path))
    }

    @Test("a read made off the loop is adopted when the store is where it began, refused (nothing changed) when the store saved meanwhile")
    func readOffTheLoop() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let store = try ProgrammeStore.open(path: path, officer: "Amina")
        #expect(try ProgrammeStore.readChanged(path: path, since: store.loadedDigest, verified: .none) == nil, "nothing changed")
        try writeTheirs(path, .untick(milestone: "moz-nup-draft"))
        // Read from where the store is now, then adopted.
        let since = store.loadedDigest
        let read = try #require(try ProgrammeStore.readChanged(path: path, since: since, verified: .none))
        #expect(store.adopt(read, since: since))
        #expect(store.document.revision == 2 && store.programme.milestone("moz-nup-draft")?.done == false)
        // A read begun before a save of this store's: refused, and the saved state kept.
        try writeTheirs(path, .untick(milestone: "irn-nup-approval"))
        let stale = store.loadedDigest
        let late = try #require(try ProgrammeStore.readChanged(path: path, since: stale, verified: .none))
        try store.commit(.tick(milestone: "phase-2-completion", by: "Amina", at: "2026-12-03T09:00:00Z"))
        #expect(!store.adopt(late, since: stale))
        #expect(store.document.revision == 4)
        #expect(store.programme.milestone("phase-2-completion")?.done == true && store.programme.milestone("irn-nup-approval")?.done == false)
        #expect(try ProgrammeStore.readChanged(path: path, since: store.loadedDigest, verified: .none) == nil, "read again: the store is the file")
    }

    @Test("the front's save of one milestone on a file laid out by hand changes that record and the revision, keeps the rest as typed, and reads back right")
    func oneRecordOnAHandLaidFile() throws {
        let folder = TempFolder()
        let path = folder.file("compact.json")
        let document = try StoreDocument.decode(try bytes(samplePath), path: samplePath)
        let compact = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: document.encoded()), options: [.sortedKeys])
        try compact.write(to: URL(fileURLWithPath: path))
        let store = try ProgrammeStore.open(path: path, officer: "Amina")
        let tick = Edit.tick(milestone: "phase-2-completion", by: "Amina", at: "2026-12-03T09:00:00Z")
        try store.commit(tick)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("{\"programme\":{"), "the layout typed is kept")
        var expected = document
        try expected.programme.apply(tick)
        expected.revision = 2
        #expect(try StoreDocument.decode(try bytes(path), path: path) == expected)
        // An edit of more than one record is written whole, in knupp's layout.
        try store.commit(.setCountryNotes(country: "MOZ", notes: "Draft NUP reviewed"))
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("{\n  \"schemaVersion\" : 1"))
    }

    @Test("a tick is saved as the next revision, and changes one line of the file")
    func tickDiff() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        let before = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let store = try ProgrammeStore.open(path: path, officer: "alice")
        let commit = try store.commit(.untick(milestone: "moz-nup-draft"))
        #expect(commit == ProgrammeStore.Commit(revision: 2, reloaded: false))
        let after = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(after.count == before.count)
        let changed = zip(before, after).filter { $0 != $1 }.map { String($0.1) }
        #expect(changed == ["  \"revision\" : 2,", "            \"done\" : false,"])
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasSuffix("}\n"))
        let reread = try ProgrammeStore.open(path: path, mode: .readOnly, officer: "bob")
        #expect(reread.programme.milestone("moz-nup-draft")?.done == false)
        #expect(reread.document.revision == 2)
    }

    @Test("a save keeps the file's permissions and leaves no temporary files")
    func permissions() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        chmod(path, 0o640)
        let store = try ProgrammeStore.open(path: path, officer: "alice")
        try store.commit(.tick(milestone: "irn-nup-approval", by: "alice", at: "2026-11-28T10:00:00Z"))
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o640)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["programme.json"], "no lock is held once the save is done, and no temporary file is left")
    }

    @Test("through a symlink, the real file is written and the link kept")
    func symlink() throws {
        let folder = TempFolder()
        let real = try folder.copy(as: "real.json")
        let link = folder.file("link.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let store = try ProgrammeStore.open(path: link, officer: "alice")
        try store.commit(.tick(milestone: "irn-nup-approval", by: "alice", at: "2026-11-28T10:00:00Z"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        let saved = try StoreDocument.decode(try bytes(real), path: real)
        #expect(saved.programme.milestone("irn-nup-approval")?.doneBy == "alice")
        #expect(!FileManager.default.fileExists(atPath: real + ".lock") && !FileManager.default.fileExists(atPath: link + ".lock"))
    }

    @Test("a save after someone else's change is refused, and their file is untouched")
    func refusedSave() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        let store = try ProgrammeStore.open(path: path, officer: "alice")
        try writeTheirs(path, .tick(milestone: "irn-nup-approval", by: "bob", at: "2026-11-28T09:00:00Z"))
        let onDisk = try bytes(path)
        var changed = store.programme
        try changed.apply(.untick(milestone: "moz-nup-draft"))
        #expect(throws: StoreError.changedOnDisk(path: path)) { try store.save(changed) }
        #expect(try bytes(path) == onDisk)
    }

    @Test("a commit after someone else's change reloads theirs and applies ours on top")
    func commitReapplies() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        let store = try ProgrammeStore.open(path: path, officer: "alice")
        try writeTheirs(path, revision: 7, .tick(milestone: "irn-nup-approval", by: "bob", at: "2026-11-28T09:00:00Z"))
        let commit = try store.commit(.tick(milestone: "phase-2-completion", by: "alice", at: "2026-11-28T10:00:00Z"))
        #expect(commit == ProgrammeStore.Commit(revision: 8, reloaded: true))
        let saved = try StoreDocument.decode(try bytes(path), path: path).programme
        #expect(saved.milestone("irn-nup-approval")?.doneBy == "bob")
        #expect(saved.milestone("phase-2-completion")?.doneBy == "alice")
    }

    @Test("an edit that no longer applies after their change is refused; theirs stays")
    func commitNoLongerApplies() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        let store = try ProgrammeStore.open(path: path, officer: "alice")
        try writeTheirs(path, .removeMilestone("irn-nup-approval"))
        let onDisk = try bytes(path)
        #expect(throws: EditError.unknownMilestone("irn-nup-approval")) {
            try store.commit(.tick(milestone: "irn-nup-approval", by: "alice", at: "2026-11-28T10:00:00Z"))
        }
        #expect(try bytes(path) == onDisk)
        #expect(store.programme.milestone("irn-nup-approval") == nil)
    }

    func writeLock(_ path: String, _ owner: LockOwner) throws {
        try JSONEncoder().encode(owner).write(to: URL(fileURLWithPath: path + ".lock"))
    }

    /// A live lock holder on this host (a `sleep`), as the lock names it (its start time recorded).
    func liveOwner(_ user: String, _ process: SleepingProcess) -> LockOwner {
        LockOwner(user: user, pid: process.pid, start: ProcessStart.of(process.pid), since: "2026-11-28T08:00:00Z")
    }

    @Test("opening takes no lock: two officers open the same store read-write and both save")
    func twoOpeners() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        let alice = try ProgrammeStore.open(path: path, officer: "alice")
        let bob = try ProgrammeStore.open(path: path, officer: "bob")
        #expect(!alice.isReadOnly && !bob.isReadOnly)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        try alice.commit(.tick(milestone: "irn-nup-approval", by: "alice", at: "2026-11-28T10:00:00Z"))
        let commit = try bob.commit(.untick(milestone: "moz-nup-draft"))
        #expect(commit.revision == 3 && commit.reloaded)
        let saved = try StoreDocument.decode(try bytes(path), path: path).programme
        #expect(saved.milestone("irn-nup-approval")?.doneBy == "alice" && saved.milestone("moz-nup-draft")?.done == false)
    }

    @Test("both officers tick the same milestone: the first tick stands and the second writes nothing")
    func sameTickTwice() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        let alice = try ProgrammeStore.open(path: path, officer: "alice")
        let bob = try ProgrammeStore.open(path: path, officer: "bob")
        try alice.commit(.tick(milestone: "irn-nup-approval", by: "alice", at: "2026-11-28T09:00:00Z"))
        let before = try bytes(path)
        let commit = try bob.commit(.tick(milestone: "irn-nup-approval", by: "bob", at: "2026-11-28T10:00:00Z"))
        #expect(!commit.changed && commit.revision == 2 && commit.reloaded)
        #expect(try bytes(path) == before, "nothing written, the revision did not move")
        #expect(bob.programme.milestone("irn-nup-approval")?.doneBy == "alice")
    }

    @Test("a save waits for another writer's lock and goes through once it is released")
    func waitsForLock() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        let holder = SleepingProcess()
        try writeLock(path, liveOwner("alice", holder))
        let store = try ProgrammeStore.open(path: path, officer: "bob", lockWait: 5)
        let lockPath = path + ".lock"
        let release = Thread { usleep(300_000); unlink(lockPath) }
        release.start()
        let started = Date()
        let commit = try store.commit(.untick(milestone: "moz-nup-draft"))
        #expect(commit.revision == 2)
        #expect(Date().timeIntervalSince(started) >= 0.25, "it waited for the holder")
        #expect(!FileManager.default.fileExists(atPath: lockPath))
    }

    @Test("a lock held past the wait fails the save, naming the holder; nothing is written")
    func lockTimeout() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        let remote = LockOwner(user: "dana", host: "other-host", pid: 1, since: "2026-11-28T08:00:00Z")
        try writeLock(path, remote)
        let before = try bytes(path)
        let store = try ProgrammeStore.open(path: path, officer: "alice", lockWait: 0.2)
        #expect(!store.isReadOnly)
        #expect(throws: StoreError.locked(path: path, lockPath: path + ".lock", holder: remote, waited: 0.2)) {
            try store.commit(.untick(milestone: "moz-nup-draft"))
        }
        #expect(try bytes(path) == before)
        #expect(StoreLock.readOwner(path + ".lock") == remote, "another host's lock is never taken over by itself")
    }

    @Test("a stale lock (its process gone) is taken over, with a note; the save goes through")
    func staleLock() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        // A pid that cannot be running: above the kernel's pid_max.
        try writeLock(path, LockOwner(user: "ghost", pid: 99_999_999, since: "2026-11-01T00:00:00Z"))
        let store = try ProgrammeStore.open(path: path, officer: "alice", lockWait: 0.2)
        let commit = try store.commit(.untick(milestone: "moz-nup-draft"))
        #expect(commit.notes.count == 1)
        #expect(StoreErrorText.note(commit.notes[0]).contains("ghost"))
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
    }

    @Test("an empty or garbled lock is waited on while fresh and taken over once past the grace period",
          arguments: ["", "{\"user\": \"half-writ", "\u{0}\u{0}\u{0}"])
    func brokenLock(contents: String) throws {
        let folder = TempFolder()
        let path = try folder.copy()
        let lockPath = path + ".lock"
        try Data(contents.utf8).write(to: URL(fileURLWithPath: lockPath))
        let store = try ProgrammeStore.open(path: path, officer: "alice", lockWait: 0.2)
        #expect(throws: StoreError.locked(path: path, lockPath: lockPath, holder: nil, waited: 0.2)) {
            try store.commit(.untick(milestone: "moz-nup-draft"))
        }
        // Left by a crash a while ago.
        let old = Date().addingTimeInterval(-(StoreLock.graceSeconds + 5))
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: lockPath)
        let commit = try store.commit(.untick(milestone: "moz-nup-draft"))
        #expect(commit.revision == 2)
        #expect(StoreErrorText.note(try #require(commit.notes.first)).contains("empty or unreadable"))
        #expect(!FileManager.default.fileExists(atPath: lockPath))
    }

    @Test("a lock whose holder is alive on this host is never taken over")
    func liveLock() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        let holder = SleepingProcess()
        let live = liveOwner("alice", holder)
        try writeLock(path, live)
        let store = try ProgrammeStore.open(path: path, officer: "bob", lockWait: 0.1)
        #expect(throws: StoreError.self) { try store.commit(.untick(milestone: "moz-nup-draft")) }
        #expect(StoreLock.readOwner(path + ".lock") == live)
    }

    @Test("a lock whose process number now runs another program (reused after a reboot) is taken over")
    func reusedPID() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        let other = SleepingProcess()
        let pid = other.pid
        try writeLock(path, LockOwner(user: "before-reboot", pid: pid, since: "2026-11-01T00:00:00Z"))
        let store = try ProgrammeStore.open(path: path, officer: "alice", lockWait: 0.2)
        let commit = try store.commit(.untick(milestone: "moz-nup-draft"))
        #expect(StoreErrorText.note(try #require(commit.notes.first)).contains("another program"))
    }

    @Test("a folder the officer may not write in: read-only, saying so", .enabled(if: getuid() != 0, "root may write anything"))
    func unwritableFolder() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        chmod(folder.path, 0o555)
        defer { chmod(folder.path, 0o755) }
        let store = try ProgrammeStore.open(path: path, officer: "alice")
        #expect(store.readOnlyReason?.contains("folder") == true)
    }

    @Test("init --force keeps the old store as a timestamped backup beside it")
    func forceKeepsBackup() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        let store = try ProgrammeStore.open(path: path, officer: "alice")
        try store.commit(.tick(milestone: "irn-nup-approval", by: "alice", at: "2026-11-28T10:00:00Z"))
        let ticked = try bytes(path)
        #expect(throws: StoreError.exists(path: path)) { try ProgrammeStore.create(path: path, programme: .empty) }
        let backup = try #require(try ProgrammeStore.create(path: path, programme: .empty, force: true, officer: "bob", now: fixedNow))
        #expect(backup == AtomicFile.resolve(path) + ".backup-20261128T100000Z")
        #expect(try bytes(backup) == ticked)
        #expect(try StoreDocument.decode(try bytes(path), path: path).programme == .empty)
        let again = try #require(try ProgrammeStore.create(path: path, programme: .empty, force: true, now: fixedNow))
        #expect(again.hasSuffix("-2"), "a second backup in the same second does not replace the first")
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
    }

    @Test("a report path that is the store, its link, its lock or its temporary file belongs to the store")
    func storeFiles() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        let link = folder.file("link.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        for candidate in [path, link, path + ".lock", folder.file(".programme.json.tmp-1-2"),
                          path + ".lock.new-12", path + ".backup-20261128T100000Z", folder.path + "/./programme.json"] {
            #expect(StoreFiles.belongsToStore(candidate, store: link), "\(candidate)")
        }
        for candidate in [folder.file("report.md"), folder.file("programme.json.md"), folder.file("programme.jsonx")] {
            #expect(!StoreFiles.belongsToStore(candidate, store: path), "\(candidate)")
        }
    }

    @Test("a file the officer may not write opens read-only", .enabled(if: getuid() != 0, "root may write anything"))
    func unwritable() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        chmod(path, 0o444)
        let store = try ProgrammeStore.open(path: path, officer: "alice")
        #expect(store.isReadOnly)
        #expect(store.readOnlyReason == "you may not write the file")
    }

    @Test("the file on disk is always a whole old or a whole new version, across many saves")
    func manySaves() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        let store = try ProgrammeStore.open(path: path, officer: "alice")
        for i in 0..<30 {
            let edit: Edit = i % 2 == 0 ? .tick(milestone: "irn-nup-approval", by: "alice", at: "2026-11-28T10:00:00Z")
                                        : .untick(milestone: "irn-nup-approval")
            try store.commit(edit)
            let document = try StoreDocument.decode(try bytes(path), path: path)
            #expect(document.revision == i + 2)
        }
    }

    @Test("init refuses to replace a store without force")
    func create() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        let before = try bytes(path)
        #expect(throws: StoreError.exists(path: path)) { try ProgrammeStore.create(path: path, programme: .empty) }
        #expect(try bytes(path) == before)
        try ProgrammeStore.create(path: path, programme: .empty, force: true)
        #expect(try StoreDocument.decode(try bytes(path), path: path).programme == .empty)
        let nested = folder.file("a/b/new.json")
        try ProgrammeStore.create(path: nested, programme: .empty)
        #expect(FileManager.default.fileExists(atPath: nested))
    }

    @Test("the default location follows XDG_DATA_HOME, then HOME; --store and KNUPP_STORE win")
    func location() {
        #expect(StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/knupp/programme.json")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["HOME": "/h"]) == "/h/.local/share/knupp/programme.json")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"]) == "/h/.local/share/knupp/programme.json")
        #expect(StoreLocation.resolve(explicit: nil, environment: ["KNUPP_STORE": "/k.json", "HOME": "/h"]) == "/k.json")
        #expect(StoreLocation.resolve(explicit: "~/p.json", environment: ["KNUPP_STORE": "/k.json", "HOME": "/h"]) == "/h/p.json")
    }

    @Test("a lock file reads back whatever its owner's name holds, and an earlier knupp's lock (JSONEncoder's) reads too")
    func lockFileText() throws {
        for user in ["alice", "Ji-woo \"JW\" Park", "back\\slash\nnew line", "국가 ☃", ""] {
            let owner = LockOwner(user: user, host: "office-7", pid: 4242, since: "2026-12-01T09:00:00Z")
            #expect(LockOwner(fileBytes: Array(owner.fileText.utf8)) == owner, "\(user)")
            #expect(LockOwner(fileBytes: Array(try JSONEncoder().encode(owner))) == owner, "\(user)")
        }
        #expect(LockOwner(fileBytes: Array("{\"user\":\"a\",\"host\":\"h\",\"pid\":1".utf8)) == nil, "cut short")
        #expect(LockOwner(fileBytes: Array("{\"user\":\"a\",\"host\":\"h\",\"pid\":99999999999,\"since\":\"x\"}".utf8)) == nil, "no such pid")
        #expect(LockOwner(fileBytes: []) == nil)
    }
}
