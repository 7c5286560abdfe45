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
    func spawn(_ arguments: [String]) -> pid_t {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        let argv = ([knuppBinary] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        posix_spawn(&pid, knuppBinary, &actions, nil, argv, environ)
        return pid
    }

    @Test("SIGKILL at random moments of 40 ticks and unticks: the file always loads, nothing half-written")
    func killDuringSaves() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        var rng: UInt64 = 7
        var lastRevision = 1
        var killed = 0, finished = 0
        for i in 0..<40 {
            let verb = i % 2 == 0 ? "tick" : "untick"
            let pid = spawn([verb, "irn-nup-approval", "--store", path, "--officer", "k\(i)"])
            rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            usleep(UInt32(rng >> 33) % 150_000)
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            if status & 0x7F == SIGKILL { killed += 1 } else { finished += 1 }
            let document = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
            #expect(document.revision >= lastRevision)
            lastRevision = document.revision
        }
        // Both happened: runs cut short, and runs that got their save done.
        #expect(killed > 0 && finished > 0, "killed \(killed), finished \(finished)")
        #expect(lastRevision > 1)
        // A clean run afterwards takes over the dead process's lock and removes its leftovers.
        let result = try knupp("tick", "phase-2-completion", "--store", path)
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == ["programme.json"], "left behind: \(names)")
        let saved = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
        #expect(saved.programme.milestone("phase-2-completion")?.done == true)
        #expect(saved.revision == lastRevision + 1)
    }
}
