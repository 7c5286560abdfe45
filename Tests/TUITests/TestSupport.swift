import Foundation
import Testing
@testable import Model
@testable import TUI

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let samplePath = packageRoot.appendingPathComponent("sample-data/knupp.json").path
let fixedToday = CalendarDate.fromOrdinal(CalendarDate.ordinal(year: 2026, month: 11, day: 28))
let fixedNow = Date(timeIntervalSince1970: 1_795_860_000) // 2026-11-28T10:00:00Z

func loadSample() throws -> Programme {
    try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: samplePath)), path: samplePath).programme
}

/// The app on the sample (or another programme), at a fixed size and day.
func sampleState(width: Int = 80, height: Int = 24, readOnly: String? = nil, programme: Programme? = nil) throws -> AppState {
    AppState(programme: try programme ?? loadSample(), storePath: "/data/knupp/programme.json", readOnlyReason: readOnly,
             revision: 1, officer: "tester", today: fixedToday, width: width, height: height)
}

extension AppState {
    /// Reduces a sequence of actions at the fixed time, returning the last effects.
    @discardableResult
    mutating func send(_ actions: Action...) -> [Effect] {
        var effects: [Effect] = []
        for action in actions { effects = reduce(action, now: fixedNow) }
        return effects
    }

    /// Presses keys through the key map, as the runtime does.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            if let action = KeyMap.action(for: .key(key), in: self) { effects = reduce(action, now: fixedNow) }
        }
        return effects
    }

    /// Applies a commit effect as the runtime would, without a file.
    mutating func complete(_ effects: [Effect]) throws {
        for case .commit(let record, let origin) in effects {
            let programme = try self.programme.applying(record.edit)
            send(.committed(programme: programme, revision: revision + 1, reloaded: false, record: record, origin: origin))
        }
    }

    var screenText: String { AppView.render(self).text }
}

/// Compares a frame with `Snapshots/NAME.txt`; KNUPP_RECORD_SNAPSHOTS=1 writes it instead.
func expectSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = packageRoot.appendingPathComponent("Tests/TUITests/Snapshots/\(name).txt")
    try expectGolden(text + "\n", at: url, variable: "KNUPP_RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
}

func expectGolden(_ text: String, at url: URL, variable: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    if ProcessInfo.processInfo.environment[variable] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("No golden file \(url.lastPathComponent): run `\(variable)=1 swift test` to record it.", sourceLocation: sourceLocation)
        return
    }
    if expected != text {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record("""
            \(url.lastPathComponent) differs at line \(first + 1):
              expected: \(first < a.count ? String(a[first]) : "<end>")
              actual:   \(first < b.count ? String(b[first]) : "<end>")
            Re-record with `\(variable)=1 swift test` if the change is intended.
            """, sourceLocation: sourceLocation)
    }
}

/// Another officer's save, arriving through the file (a git pull, a shared drive): `edit`
/// applied to what is on disk, written as `revision` (the next one by default).
func writeAsAnotherOfficer(_ path: String, revision: Int? = nil, _ edit: Edit) throws {
    var theirs = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
    try theirs.programme.apply(edit)
    theirs.revision = revision ?? theirs.revision + 1
    try theirs.encoded().write(to: URL(fileURLWithPath: path))
}

/// A temporary folder, removed when released.
final class TempFolder {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("knupp-tui-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func copySample(as name: String = "programme.json") throws -> String {
        let target = path + "/" + name
        try FileManager.default.copyItem(atPath: AtomicFile.resolve(samplePath), toPath: target)
        return target
    }

    func file(_ name: String) -> String { path + "/" + name }
}

/// The built `knupp` beside the test bundle.
let knuppBinary: String = {
    let beside = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().appendingPathComponent("knupp").path
    if FileManager.default.isExecutableFile(atPath: beside) { return beside }
    return packageRoot.appendingPathComponent(".build/debug/knupp").path
}()

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a program to the end (killed after `timeout` seconds), capturing its output; no terminal.
///
/// posix_spawn and waitpid rather than Foundation's Process, whose waitUntilExit can hang on
/// Linux when tests run in parallel; output goes to files, not pipes, because a daemon it starts
/// (the tmux server) would hold a pipe open for ever.
func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
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
    guard spawned == 0 else { throw TmuxError(message: "cannot run \(executable): \(String(cString: strerror(spawned)))") }

    var status: Int32 = 0
    let deadline = Date().addingTimeInterval(timeout)
    while waitpid(pid, &status, WNOHANG) == 0 {
        if Date() > deadline {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
            throw TmuxError(message: "\(executable) \(arguments) did not finish within \(timeout)s")
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

func knupp(_ arguments: String..., environment: [String: String] = [:]) throws -> RunResult {
    try run(knuppBinary, arguments, environment: environment)
}
