import Foundation
import Model
#if canImport(Glibc)
import Glibc
#endif

/// The real `git` program, run in a work tree: no home-made replication.
///
/// posix_spawn and waitpid, output to temporary files (not pipes, which a process git starts
/// could hold open), so a run always ends and nothing is left behind.
public struct Git: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var ok: Bool { status == 0 }
        /// The first line git wrote to stderr (else stdout): for messages.
        public var firstLine: String {
            let text = stderr.isEmpty ? stdout : stderr
            return text.split(separator: "\n").first.map(String.init) ?? ""
        }
    }

    /// The work tree's top folder.
    public let root: String
    /// Variables for every run (author, committer, no prompts).
    public var environment: [String: String]

    public init(root: String, environment: [String: String] = [:]) {
        self.root = root
        self.environment = environment
    }

    /// The git program, or nil when it is not installed.
    public static var executable: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(folder)/git"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// The work tree that holds `path`, or nil when it is in none (or git is missing).
    public static func workTree(containing path: String) -> Git? {
        let folder = AtomicFile.folder(of: AtomicFile.resolve(path))
        let probe = Git(root: folder)
        let result = probe.run(["rev-parse", "--show-toplevel"])
        guard result.ok else { return nil }
        let top = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return top.isEmpty ? nil : Git(root: top)
    }

    @discardableResult
    public func run(_ arguments: [String], timeout: TimeInterval = 120) -> Result {
        guard let git = Git.executable else { return Result(status: 127, stdout: "", stderr: "git is not installed") }
        var env = ProcessInfo.processInfo.environment
        // Never wait for a password or an editor: a sync runs unattended.
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_MERGE_AUTOEDIT"] = "no"
        env["GIT_EDITOR"] = "true"
        env["LC_ALL"] = "C"
        for (k, v) in environment { env[k] = v }
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("knupp-git-\(getpid())-\(UUID().uuidString)").path
        let outPath = base + ".out", errPath = base + ".err"
        defer { unlink(outPath); unlink(errPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([git, "-C", root] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // git starts with default signal handling, whatever the front has set for itself.
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, git, &actions, &attributes, argv, envp)
        guard spawned == 0 else { return Result(status: 127, stdout: "", stderr: "cannot run git: \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done < 0 && errno != EINTR { break }
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                return Result(status: 124, stdout: "", stderr: "git \(arguments.first ?? "") did not finish within \(Int(timeout)) s")
            }
            usleep(2_000)
        }
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        func read(_ path: String) -> String { String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
        return Result(status: exit, stdout: read(outPath), stderr: read(errPath))
    }

    /// A file's bytes at a revision ("HEAD", a commit), or nil when it is not there.
    public func show(_ revision: String, _ relativePath: String) -> Data? {
        let result = run(["show", "\(revision):\(relativePath)"])
        return result.ok ? Data(result.stdout.utf8) : nil
    }

    /// `path` relative to the work tree's top.
    public func relative(_ path: String) -> String {
        let real = AtomicFile.resolve(path)
        let top = AtomicFile.resolve(root)
        return real.hasPrefix(top + "/") ? String(real.dropFirst(top.count + 1)) : real
    }
}
