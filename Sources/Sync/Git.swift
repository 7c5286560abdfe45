import Foundation
import Model
#if canImport(Glibc)
import Glibc
#endif

/// The real `git` program, run in a work tree: no home-made replication.
///
/// Run through `ChildProcess`: a run always ends and nothing is left behind.
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
        // Over ssh too: no password prompt, and an unreachable server gives up in 15 s rather
        // than holding the front (a sync runs while the officer waits). An officer's own
        // GIT_SSH_COMMAND stands.
        if env["GIT_SSH_COMMAND"] == nil { env["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes -o ConnectTimeout=15" }
        for (k, v) in environment { env[k] = v }
        guard let result = ChildProcess.run([git, "-C", root] + arguments, environment: env, timeout: timeout) else {
            return Result(status: 127, stdout: "", stderr: "cannot run git")
        }
        if result.status == 124 {
            return Result(status: 124, stdout: "", stderr: "git \(arguments.first ?? "") did not finish within \(Int(timeout)) s")
        }
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr)
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
