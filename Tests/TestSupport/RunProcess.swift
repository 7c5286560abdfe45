import Foundation

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

/// Runs a program to the end (killed after `timeout` seconds), capturing its output; no terminal.
///
/// posix_spawn and waitpid rather than Foundation's Process, whose waitUntilExit can hang on
/// Linux when tests run in parallel; output goes to files, not pipes, because a daemon it starts
/// (the tmux server) would hold a pipe open for ever.
public func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
         timeout: TimeInterval = 60) throws -> RunResult {
    var env = ProcessInfo.processInfo.environment
    env["USER"] = "tester"
    // The test runner may set NO_COLOR; tests that want it say so.
    for name in ["KNUPP_STORE", "NO_COLOR", "KNUPP_MOUSE", "VISUAL", "EDITOR"] { env.removeValue(forKey: name) }
    for (k, v) in environment { env[k] = v }
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("knupp-run-\(UUID().uuidString)").path
    let outPath = base + ".out", errPath = base + ".err"
    defer { unlink(outPath); unlink(errPath) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    // Children start with no signal blocked and default handlers, whatever the test runner's
    // threads have set.
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
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard spawned == 0 else { throw ProcessError(message: "cannot run \(executable): \(String(cString: strerror(spawned)))") }

    var status: Int32 = 0
    let deadline = Date().addingTimeInterval(timeout)
    while waitpid(pid, &status, WNOHANG) == 0 {
        if Date() > deadline {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
            throw ProcessError(message: "\(executable) \(arguments) did not finish within \(timeout)s")
        }
        usleep(5_000)
    }
    // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
    let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    func read(_ path: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
    return RunResult(status: exitStatus, stdout: read(outPath), stderr: read(errPath))
}

public func knupp(_ arguments: String..., environment: [String: String] = [:]) throws -> RunResult {
    try run(knuppBinary, arguments, environment: environment)
}
