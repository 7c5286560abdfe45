import Foundation
import Processes
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
        /// stdout as bytes, exactly.
        public var stdoutBytes: [UInt8] = []
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
    /// Set to stop the git running now (and every later run at once).
    public var cancel: Cancellation?

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
    public func run(_ arguments: [String], timeout: TimeInterval = 120, input: [UInt8]? = nil) -> Result {
        guard let git = Git.executable else { return Result(status: 127, stdout: "", stderr: L("git is not installed")) }
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
        if cancel?.isCancelled == true { return Result(status: 130, stdout: "", stderr: "stopped") }
        guard let result = ChildProcess.run([git, "-C", root] + arguments, environment: env, timeout: timeout, cancel: cancel,
                                            input: input) else {
            return Result(status: 127, stdout: "", stderr: L("cannot run git"))
        }
        if result.cancelled { return Result(status: 130, stdout: "", stderr: "stopped") }
        if result.status == 124 {
            return Result(status: 124, stdout: "", stderr: "git \(arguments.first ?? "") did not finish within \(Int(timeout)) s")
        }
        return Result(status: result.status, stdout: result.stdout, stderr: result.stderr, stdoutBytes: result.stdoutBytes)
    }

    /// Many files' bytes at once, through one `git cat-file --batch`: each of `specs`
    /// ("REVISION:PATH") mapped to its bytes; those git does not have are left out.
    public func blobs(_ specs: [String]) -> [String: Data] {
        guard !specs.isEmpty else { return [:] }
        let result = run(["cat-file", "--batch"], input: Array((specs.joined(separator: "\n") + "\n").utf8))
        guard result.ok else { return [:] }
        let out = result.stdoutBytes
        var blobs: [String: Data] = [:]
        var i = 0
        for spec in specs {
            // "<object> <type> <size>\n<bytes>\n", or "<spec> missing\n".
            guard let newline = out[i...].firstIndex(of: 0x0A) else { break }
            let header = String(decoding: out[i..<newline], as: UTF8.self).split(separator: " ")
            i = newline + 1
            guard header.count == 3, let size = Int(header[2]), size >= 0, i + size <= out.count else { continue }
            blobs[spec] = Data(out[i..<(i + size)])
            i += size + 1
        }
        return blobs
    }

    /// A file's bytes at a revision ("HEAD", a commit), or nil when it is not there.
    public func show(_ revision: String, _ relativePath: String) -> Data? {
        let result = run(["show", "\(revision):\(relativePath)"])
        return result.ok ? Data(result.stdout.utf8) : nil
    }

    /// True while a merge is under way (MERGE_HEAD), finished or not.
    public var isMerging: Bool { run(["rev-parse", "-q", "--verify", "MERGE_HEAD"]).ok }

    /// The files git reports unmerged (conflicted entries in the index), relative to the top.
    public func unmergedPaths() -> [String] {
        let result = run(["ls-files", "-u", "-z"])
        var paths: [String] = []
        for entry in result.stdout.split(separator: "\0") {
            // "MODE OBJECT STAGE\tPATH", one entry per stage.
            guard let tab = entry.firstIndex(of: "\t") else { continue }
            let path = String(entry[entry.index(after: tab)...])
            if !paths.contains(path) { paths.append(path) }
        }
        return paths
    }

    /// A path inside the repository's git folder ("index.lock"), as git names it.
    public func gitPath(_ name: String) -> String {
        let answer = run(["rev-parse", "--git-path", name]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let relative = answer.isEmpty ? ".git/\(name)" : answer
        return relative.hasPrefix("/") ? relative : root + "/" + relative
    }

    /// git's own lock files: each is there only while a git command runs, and one left behind
    /// (a git killed mid-way) stops every later command.
    static let lockFiles = ["index.lock", "HEAD.lock"]

    /// Why git cannot start now: one of its lock files is there, still after two seconds (a
    /// running git holds one for milliseconds). The message names the file and how to clear it;
    /// nil when none is there.
    public func heldLock() -> String? {
        let paths = Git.lockFiles.map(gitPath)
        for _ in 0..<20 {
            guard paths.contains(where: { access($0, F_OK) == 0 }) else { return nil }
            usleep(100_000)
        }
        guard let held = paths.first(where: { access($0, F_OK) == 0 }) else { return nil }
        return Git.lockAdvice(held)
    }

    static func lockAdvice(_ file: String) -> String {
        L("git's lock file %@ is there: another git command is running in this repository, or one was stopped ", "\(file)")
            + L("before it finished. If no git is running, remove it with `rm %@`, then sync again", "\(file)")
    }

    /// What git said, in words an officer can act on: a lock file left behind is named with the
    /// command that clears it; anything else is git's first line.
    public func explain(_ result: Result) -> String {
        let text = result.stderr + result.stdout
        if let range = text.range(of: "Unable to create '"), let end = text[range.upperBound...].firstIndex(of: "'") {
            let file = String(text[range.upperBound..<end])
            if file.hasSuffix(".lock") { return Git.lockAdvice(file) }
        }
        return result.firstLine
    }

    /// How to end the git operation that left files unmerged, as one command where git says which.
    public func adviceForUnfinishedOperation() -> String {
        if isMerging { return L("Finish the merge by hand, or drop it with `git merge --abort`; then sync again") }
        if access(gitPath("rebase-merge"), F_OK) == 0 || access(gitPath("rebase-apply"), F_OK) == 0 {
            return L("A rebase was left unfinished: finish it, or drop it with `git rebase --abort`; then sync again")
        }
        if run(["rev-parse", "-q", "--verify", "CHERRY_PICK_HEAD"]).ok {
            return L("A cherry-pick was left unfinished: finish it, or drop it with `git cherry-pick --abort`; then sync again")
        }
        if run(["rev-parse", "-q", "--verify", "REVERT_HEAD"]).ok {
            return L("A revert was left unfinished: finish it, or drop it with `git revert --abort`; then sync again")
        }
        return L("Resolve the file (`git status` shows it) and `git add` it; then sync again")
    }

    /// `path` relative to the work tree's top.
    public func relative(_ path: String) -> String {
        let real = AtomicFile.resolve(path)
        let top = AtomicFile.resolve(root)
        return real.hasPrefix(top + "/") ? String(real.dropFirst(top.count + 1)) : real
    }
}
