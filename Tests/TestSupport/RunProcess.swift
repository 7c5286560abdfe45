import Foundation
import Processes

/// A program that could not be run, or did not finish in time.
public struct ProcessError: Error, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// The built `knupp` beside the test bundle.
public let knuppBinary: String = {
    let beside = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().appendingPathComponent("knupp").path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    return packageRoot.appendingPathComponent(".build/debug/knupp").path
}()

public struct RunResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// `XDG_CACHE_HOME` for every knupp the tests run: one folder per user, not one per run, so
/// that runs leave nothing new behind (it holds only the cache of verified stores).
public let testCacheFolder = NSTemporaryDirectory() + "knupp-tests-cache-\(getuid())"

/// Runs a program to the end (killed after `timeout` seconds), capturing its output; no terminal.
///
/// Through knupp's own `ChildProcess` (posix_spawn and waitpid) rather than Foundation's Process,
/// whose waitUntilExit can hang on Linux when tests run in parallel; output goes to files, not
/// pipes, because a daemon it starts (the tmux server) would hold a pipe open for ever.
public func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
         timeout: TimeInterval = 60) throws -> RunResult {
    var env = ProcessInfo.processInfo.environment
    env["USER"] = "tester"
    // The test runner may set NO_COLOR; tests that want it say so.
    for name in ["KNUPP_STORE", "NO_COLOR", "KNUPP_MOUSE", "VISUAL", "EDITOR", "KNUPP_LANG", "KNUPP_GLYPHS", "LC_ALL", "LC_MESSAGES"] { env.removeValue(forKey: name) }
    // English unless a test asks for Korean: a developer's own locale must not change the words.
    env["LANG"] = "C.UTF-8"
    // The cache of verified stores lives with the tests, not in the developer's home; one for the
    // whole run, so that commands after the first take the in-place path as an officer's would.
    env["XDG_CACHE_HOME"] = testCacheFolder
    for (k, v) in environment { env[k] = v }
    guard let result = ChildProcess.run([executable] + arguments, environment: env, timeout: timeout) else {
        throw ProcessError(message: "cannot run \(executable)")
    }
    if result.timedOut { throw ProcessError(message: "\(executable) \(arguments) did not finish within \(timeout)s") }
    return RunResult(status: result.status, stdout: result.stdout, stderr: result.stderr)
}

public func knupp(_ arguments: String..., environment: [String: String] = [:]) throws -> RunResult {
    try run(knuppBinary, arguments, environment: environment)
}

public func knupp(_ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
    try run(knuppBinary, arguments, environment: environment)
}

/// A process that runs (a `sleep`) until the object is released: a lock holder that is alive, or
/// a process number taken by another program.
public final class SleepingProcess {
    public let pid: pid_t

    public init(seconds: Int = 60) {
        var pid: pid_t = 0
        let words = ["/bin/sleep", String(seconds)]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        posix_spawn(&pid, "/bin/sleep", nil, nil, argv, environ)
        self.pid = pid
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
    }
}
