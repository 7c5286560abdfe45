import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to its end with posix_spawn and waitpid: git for a sync, $EDITOR in the front,
/// the built knupp in tests. One way of starting programs, so each gets the same care: default
/// signal handling and nothing blocked (whatever the parent set for itself), output to files
/// rather than pipes (a process it starts could hold a pipe open for ever), a time limit.
public enum ChildProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Killed at the time limit.
        public var timedOut = false
        /// Stopped because its `Cancellation` was set.
        public var cancelled = false
        /// stdout as bytes, exactly (`stdout` is them read as UTF-8).
        public var stdoutBytes: [UInt8] = []
    }

    /// Where the child's input and output go.
    public enum IO: Sendable {
        /// stdin from /dev/null; stdout and stderr captured.
        case captured
        /// The parent's terminal, as it is (an editor).
        case inherited
    }

    /// Runs `argv` (argv[0] is the program's path) with `environment`; nil when it cannot start.
    /// A run past `timeout` seconds is stopped and reported with status 124; one whose `cancel` is
    /// set is stopped and reported with status 130. A captured program runs in a process group of
    /// its own, so that stopping it stops what it started too (git's ssh); an inherited one
    /// ($EDITOR) stays in knupp's, which owns the terminal.
    public static func run(_ argv: [String], environment: [String: String], io: IO = .captured,
                           timeout: TimeInterval? = nil, cancel: Cancellation? = nil, input: [UInt8]? = nil) -> Result? {
        guard let program = argv.first else { return nil }
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("knupp-child-\(getpid())-\(UUID().uuidString)").path
        let outPath = base + ".out", errPath = base + ".err", inPath = base + ".in"
        defer { if io == .captured { unlink(outPath); unlink(errPath); unlink(inPath) } }
        // What the program reads on stdin, from a file (a pipe could fill and hold both sides).
        if let input, io == .captured {
            guard FileManager.default.createFile(atPath: inPath, contents: Data(input), attributes: [.posixPermissions: 0o600]) else { return nil }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if io == .captured {
            posix_spawn_file_actions_addopen(&actions, 0, input == nil ? "/dev/null" : inPath, O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        let args: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (args + envp).forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        let group = io == .captured ? POSIX_SPAWN_SETPGROUP : 0
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | group))
        var pid: pid_t = 0
        guard posix_spawn(&pid, program, &actions, &attributes, args, envp) == 0 else { return nil }
        var status: Int32 = 0
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        var timedOut = false, cancelled = false
        // The whole group for a captured program, the program alone for an inherited one.
        let target = io == .captured ? -pid : pid
        while true {
            let done = waitpid(pid, &status, deadline == nil && cancel == nil ? 0 : WNOHANG)
            if done == pid { break }
            if done < 0 { if errno == EINTR { continue }; break }
            let expired = deadline.map { Date() > $0 } ?? false
            if expired || cancel?.isCancelled == true {
                // Asked to stop first: git then removes its own lock files (index.lock), which a
                // kill would leave behind to stop every later git command. Killed after a second.
                cancelled = !expired
                kill(target, SIGTERM)
                let grace = Date().addingTimeInterval(1)
                var reaped = false
                while !reaped && Date() < grace {
                    reaped = waitpid(pid, &status, WNOHANG) == pid
                    if !reaped { usleep(5_000) }
                }
                if !reaped {
                    kill(target, SIGKILL)
                    waitpid(pid, &status, 0)
                }
                timedOut = expired
                break
            }
            usleep(2_000)
        }
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
        let exit = timedOut ? 124 : cancelled ? 130 : ((status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F))
        func read(_ path: String) -> String { String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        let out = io == .captured ? [UInt8](FileManager.default.contents(atPath: outPath) ?? Data()) : []
        return io == .captured ? Result(status: exit, stdout: String(decoding: out, as: UTF8.self), stderr: read(errPath), timedOut: timedOut,
                                        cancelled: cancelled, stdoutBytes: out)
            : Result(status: exit, stdout: "", stderr: "", timedOut: timedOut, cancelled: cancelled)
    }
}
