import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation

/// The process killed at any moment during saves: the store is always a whole version, a tick
/// that was reported saved is never lost, and the next run cleans up after the dead one.
@Suite("Killed during a save")
struct CrashTests {
    /// Starts knupp without waiting for it.
    /// Its standard output goes to `output` when given (what it reported before it was killed).
    func spawn(_ arguments: [String], stopBeforeRename: Bool = false, output: String? = nil) -> pid_t {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            let target = fd == 1 ? (output ?? "/dev/null") : "/dev/null"
            posix_spawn_file_actions_addopen(&actions, fd, target, fd == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        let argv = ([knuppBinary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var env = ProcessInfo.processInfo.environment
        if stopBeforeRename { env["KNUPP_TEST_STOP_BEFORE_RENAME"] = "1" }
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        posix_spawn(&pid, knuppBinary, &actions, nil, argv, envp)
        return pid
    }

    @Test("SIGKILL at random moments of 40 ticks and unticks: the file always loads, nothing half-written, every change reported saved is there")
    func killDuringSaves() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        var rng: UInt64 = 7
        var lastRevision = 1
        var reported = 0
        for i in 0..<40 {
            let verb = i % 2 == 0 ? "tick" : "untick"
            let said = folder.file("said-\(i).txt")
            let pid = spawn([verb, "irn-nup-approval", "--store", path, "--officer", "k\(i)"], output: said)
            rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            usleep(UInt32(rng >> 33) % 150_000)
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            let document = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
            #expect(document.revision >= lastRevision)
            lastRevision = document.revision
            // A tick (or untick) it reported saved is on disk: nothing said to be saved is lost.
            let report = (try? String(contentsOfFile: said, encoding: .utf8)) ?? ""
            if report.contains("(revision") {
                #expect(document.programme.milestone("irn-nup-approval")?.done == (verb == "tick"), "run \(i) said “\(report)”")
                reported += 1
            }
            unlink(said)
        }
        // A clean run afterwards takes over the dead process's lock and removes its leftovers.
        let result = try knupp("tick", "phase-2-completion", "--store", path)
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == ["programme.json"], "left behind: \(names)")
        let saved = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
        #expect(saved.programme.milestone("phase-2-completion")?.done == true)
        #expect(saved.revision == lastRevision + 1)
    }

    @Test("killed with the lock held and its new file written (but not in place): the next writer takes over at once and the store is whole")
    func killedHoldingTheLock() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // The writer stops itself inside its save, just before the rename; then it is killed.
        let pid = spawn(["tick", "irn-nup-approval", "--store", path, "--officer", "doomed"], stopBeforeRename: true)
        var status: Int32 = 0
        waitpid(pid, &status, WUNTRACED)
        #expect(status & 0xFF == 0x7F, "stopped inside the save")
        #expect(StoreLock.readOwner(path + ".lock")?.user == "doomed")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).contains { $0.hasPrefix(".programme.json.tmp-") })
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the store is the old version, whole")
        let started = Date()
        let next = try knupp("tick", "phase-2-completion", "--store", path, "--officer", "next")
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stderr.contains("Took over") && next.stderr.contains("doomed"))
        #expect(Date().timeIntervalSince(started) < StoreLock.graceSeconds, "no waiting for a dead process")
        let saved = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
        #expect(saved.programme.milestone("phase-2-completion")?.doneBy == "next")
        #expect(saved.programme.milestone("irn-nup-approval")?.done == false, "the killed tick was never reported saved")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["programme.json"])
    }

    @Test("the front killed inside its streamed save (new file written a piece at a time, not yet in place): the store is the old version, whole, and the next writer takes over",
          .enabled(if: TmuxSession.available, "tmux is not installed"))
    func frontKilledInsideStreamedSave() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --officer doomed --today 2026-11-28", width: 120, height: 30,
                                   environment: ["KNUPP_TEST_STOP_BEFORE_RENAME": "1"])
        try tmux.waitFor("read-write")
        let pid = try tmux.knuppPID(store: path)
        try tmux.send("4", "Space") // the sample as written by knupp: the save streams it
        let deadline = Date().addingTimeInterval(10)
        func stopped() -> Bool {
            ((try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? "").split(separator: " ").dropFirst(2).first == "T"
        }
        while !stopped() && Date() < deadline { usleep(20_000) }
        #expect(stopped(), "stopped inside the save, before the rename")
        let temporary = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix(".programme.json.tmp-") })
        let written = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: folder.file(temporary))), path: temporary)
        #expect(written.revision == 2 && written.programme.milestone("phase-1-capacity-demonstration")?.done == false, "the new file, whole")
        kill(pid, SIGKILL)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the store is the old version, whole")
        let next = try knupp("tick", "irn-nup-approval", "--store", path, "--officer", "next")
        #expect(next.status == 0 && next.stderr.contains("doomed"), "\(next.stderr)")
        #expect(try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path).programme.milestone("irn-nup-approval")?.doneBy == "next")
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: folder.path)).contains { $0.hasPrefix(".programme.json.tmp-") })
    }
}
