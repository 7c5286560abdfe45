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
        #expect(files == ["programme.json", "programme.json.lock"])
        store.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["programme.json"])
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
        #expect(FileManager.default.fileExists(atPath: real + ".lock"))
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

    @Test("a second opener is read-only and told who holds the lock")
    func secondOpener() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        let first = try ProgrammeStore.open(path: path, officer: "alice")
        #expect(!first.isReadOnly)
        let second = try ProgrammeStore.open(path: path, officer: "bob")
        #expect(second.isReadOnly)
        #expect(second.readOnlyReason?.contains("locked by alice") == true)
        #expect(throws: StoreError.self) { try second.commit(.untick(milestone: "moz-nup-draft")) }
        first.close()
        let third = try ProgrammeStore.open(path: path, officer: "carol")
        #expect(!third.isReadOnly)
    }

    @Test("a stale lock (its process gone) is taken over")
    func staleLock() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        // A pid that cannot be running: above the kernel's pid_max.
        let dead = LockOwner(user: "ghost", pid: 99_999_999, since: "2026-11-01T00:00:00Z")
        try JSONEncoder().encode(dead).write(to: URL(fileURLWithPath: path + ".lock"))
        let store = try ProgrammeStore.open(path: path, officer: "alice")
        #expect(!store.isReadOnly)
        #expect(StoreLock.readOwner(path + ".lock")?.user == "alice")
    }

    @Test("a lock from another host is respected and named")
    func otherHostLock() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        let remote = LockOwner(user: "dana", host: "other-host", pid: 1, since: "2026-11-28T08:00:00Z")
        try JSONEncoder().encode(remote).write(to: URL(fileURLWithPath: path + ".lock"))
        let store = try ProgrammeStore.open(path: path, officer: "alice")
        #expect(store.readOnlyReason == "locked by dana on other-host (pid 1) since 2026-11-28T08:00:00Z")
    }

    @Test("a file the officer may not write opens read-only", .enabled(if: getuid() != 0, "root may write anything"))
    func unwritable() throws {
        let folder = TempFolder()
        let path = try folder.copy()
        chmod(path, 0o444)
        let store = try ProgrammeStore.open(path: path, officer: "alice")
        #expect(store.isReadOnly)
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
}
