import Foundation
import Testing
@testable import Model
import TestSupport

/// Faults injected into the real binary with strace (`.ci/run` installs it): a lock file that
/// cannot be read back or removed, a store whose `stat` fails. Nothing an officer saved is lost,
/// and nobody is left locked out.
/// On CI a missing strace fails these tests rather than skipping them (`.ci/run` installs it).
private let stracePath: String? = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }

@Suite("Faults injected: locks left behind, init --force, a front that keeps the team out",
       .enabled(if: stracePath != nil || ProcessInfo.processInfo.environment["CI"] != nil, "strace is not installed"))
struct FaultInjectionTests {
    static var strace: String? { stracePath }
    let folder = TempFolder()

    /// `knupp ARGS` under strace, the fault `inject` given for syscalls on `path` only.
    func faulted(_ path: String, trace: String, inject: String, _ arguments: String...) throws -> RunResult {
        try run(FaultInjectionTests.strace ?? "/usr/bin/strace",
                ["-f", "-o", "/dev/null", "-P", path, "-e", "trace=\(trace)", "-e", "inject=\(inject)", knuppBinary] + arguments)
    }

    /// A tick of Iran's NUP approval on a copy of the sample, `inject` failing syscalls on its lock.
    func tickWithLockFault(trace: String, inject: String) throws -> (path: String, result: RunResult) {
        let path = try folder.copySample()
        return (path, try faulted(path + ".lock", trace: trace, inject: inject, "tick", "irn-nup-approval", "--store", path, "--officer", "Amina"))
    }

    func document(_ path: String) throws -> StoreDocument {
        try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
    }

    @Test("the lock file cannot be opened at release (EIO): the lock this process made is removed all the same, by its identity")
    func readBackFails() throws {
        let (path, result) = try tickWithLockFault(trace: "openat", inject: "openat:error=EIO:when=1")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        #expect(try document(path).programme.milestone("irn-nup-approval")?.done == true)
    }

    @Test("the lock cannot be removed (EIO, three times): the tick is saved, the failure is said and the status is 1; the next save takes the lock over")
    func removalFails() throws {
        let (path, result) = try tickWithLockFault(trace: "unlink", inject: "unlink:error=EIO:when=1..3")
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Ticked") && result.stderr.contains("could not be removed"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: path + ".lock"), "left, and said so")
        #expect(try document(path).programme.milestone("irn-nup-approval")?.done == true)
        let next = try knupp("tick", "phase-2-completion", "--store", path, "--officer", "Bongani")
        #expect(next.status == 0 && next.stderr.contains("whose process is gone"), "\(next.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
    }

    @Test("init --force when the store's stat fails (EIO, EACCES, EINTR): refused, the ticked store kept as it was", arguments: ["EIO", "EACCES", "EINTR"])
    func initUnderStatFaults(error: String) throws {
        let path = try folder.copySample()
        #expect(try knupp("tick", "irn-nup-approval", "--store", path, "--officer", "Amina").status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try faulted(path, trace: "stat,lstat,newfstatat,statx", inject: "stat,lstat,newfstatat,statx:error=\(error):when=1..8",
                                 "init", "--force", "--store", path)
        #expect(result.status != 0 && result.stderr.contains("cannot tell whether a store is there"), "\(result.stdout)\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
    }

    @Test("init without --force when a store appears while it checks (the check told no file): the store is kept, never replaced")
    func initWhenAStoreAppears() throws {
        let path = try folder.copySample()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try faulted(path, trace: "stat,newfstatat,statx", inject: "stat,newfstatat,statx:error=ENOENT:when=1", "init", "--store", path)
        #expect(result.status != 0 && result.stderr.contains("already exists"), "\(result.stdout)\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// The process that runs the front on `store`, found by its command line.
    func frontProcess(_ store: String) -> Int32? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for name in names {
            guard let pid = Int32(name), let line = FileManager.default.contents(atPath: "/proc/\(name)/cmdline") else { continue }
            let words = line.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if words.first == knuppBinary && words.contains(store) { return pid }
        }
        return nil
    }

    @Test("a front whose save cannot remove its lock says so, tries again each second, and lets the team save again")
    func frontRetries() throws {
        guard TmuxSession.available else { return }
        let path = try folder.copySample()
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --officer Amina --today 2026-11-28", width: 120, height: 30)
        try tmux.waitFor("Overview")
        let pid = try #require(frontProcess(path))
        let log = folder.file("strace.log")
        // Attached to the running front: its next three unlinks of the lock fail.
        let tracer = Thread {
            _ = try? run(FaultInjectionTests.strace ?? "/usr/bin/strace",
                         ["-p", "\(pid)", "-o", log, "-P", path + ".lock", "-e", "trace=unlink", "-e", "inject=unlink:error=EIO:when=1..3"],
                         timeout: 20)
        }
        tracer.start()
        // strace writes its log once it is attached.
        let attached = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: log) && Date() < attached { Thread.sleep(forTimeInterval: 0.05) }
        Thread.sleep(forTimeInterval: 0.3)
        try tmux.showOpenMilestones()
        try tmux.send("Space")
        let said = try? tmux.waitFor("lock could not be removed")
        #expect(said != nil, "strace: \((try? String(contentsOfFile: log, encoding: .utf8)) ?? "no log")")
        #expect(FileManager.default.fileExists(atPath: path + ".lock"))
        try tmux.waitFor("removed now", timeout: 10)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        // The team saves again.
        let other = try knupp("tick", "phase-2-completion", "--store", path, "--officer", "Bongani", environment: ["KNUPP_LOCK_WAIT": "1"])
        #expect(other.status == 0, "\(other.stderr)")
        #expect(try document(path).programme.milestone("irn-nup-approval")?.doneBy == "Amina")
        kill(pid, SIGTERM)
    }
}

/// `knupp unlock` and the lock's holder, told apart by its start time.
@Suite("Locks: whose they are")
struct LockOwnerTests {
    @Test("a lock naming this very process, or a process that started at another time, is not a live holder; the real one is")
    func liveness() throws {
        #expect(!StoreLockFile.isAliveHere(LockOwner(user: "me", pid: getpid(), start: ProcessStart.current, since: "2026-11-28T08:00:00Z")))
        let process = SleepingProcess()
        let pid = process.pid
        let start = try #require(ProcessStart.of(pid))
        #expect(StoreLockFile.isAliveHere(LockOwner(user: "alice", pid: pid, start: start, since: "2026-11-28T08:00:00Z")))
        #expect(!StoreLockFile.isAliveHere(LockOwner(user: "alice", pid: pid, start: start + "0", since: "2026-11-28T08:00:00Z")),
                "the number was used again by a process that started later")
        #expect(!StoreLockFile.isAliveHere(LockOwner(user: "alice", pid: 99_999_999, start: start, since: "2026-11-28T08:00:00Z")))
        // Written and read back with its start.
        let owner = LockOwner(user: "alice", pid: pid, start: start, since: "2026-11-28T08:00:00Z")
        #expect(LockOwner(fileBytes: Array(owner.fileText.utf8)) == owner)
    }

    @Test("knupp unlock clears a lock whose process number now belongs to a process that is not its writer")
    func unlockReused() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let process = SleepingProcess()
        let pid = process.pid
        let owner = LockOwner(user: "alice", pid: pid, start: "not-its-start", since: "2026-11-28T08:00:00Z")
        try Data(owner.fileText.utf8).write(to: URL(fileURLWithPath: path + ".lock"))
        let result = try knupp("unlock", "--yes", "--store", path)
        #expect(result.status == 0 && result.stdout.contains("Cleared"), "\(result.stdout)\(result.stderr)")
        // And a tick takes such a lock over by itself.
        try Data(owner.fileText.utf8).write(to: URL(fileURLWithPath: path + ".lock"))
        let tick = try knupp("tick", "irn-nup-approval", "--store", path, "--officer", "Amina")
        #expect(tick.status == 0 && tick.stderr.contains("another program"), "\(tick.stderr)")
    }
}
