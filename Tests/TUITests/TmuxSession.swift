import TestSupport
@testable import Presentation
import Foundation
import Testing

/// A real terminal: a tmux server on a private socket, one window of a fixed size.
final class TmuxSession {
    let socket: String
    static let available = FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
        || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")

    /// Starts `command` (run by sh) in a `width`×`height` terminal with LANG=C.UTF-8.
    init(_ command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        socket = "knupp-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        var args = ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                    "-e", "LANG=C.UTF-8", "-e", "TERM=xterm-256color", "-e", "USER=tester", "-e", "XDG_CACHE_HOME=\(testCacheFolder)"]
        for (k, v) in environment { args += ["-e", "\(k)=\(v)"] }
        // Keep the pane after the program ends, so its last words and exit status can be read.
        args += ["sh -c '\(command); echo \"[exit $?]\"; sleep 600'"]
        let result = try run(TmuxSession.tmuxPath, args)
        if result.status != 0 { throw ProcessError(message: "tmux did not start: \(result.stderr)") }
    }

    deinit { _ = try? run(TmuxSession.tmuxPath, ["-L", socket, "kill-server"]) }

    static var tmuxPath: String {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") ? "/usr/bin/tmux" : "/usr/local/bin/tmux"
    }

    func tmux(_ args: String...) throws {
        _ = try run(TmuxSession.tmuxPath, ["-L", socket] + args)
    }

    /// The screen as text.
    func capture() throws -> String {
        try run(TmuxSession.tmuxPath, ["-L", socket, "capture-pane", "-p"]).stdout
    }

    /// The screen with its colours and attributes as escape sequences.
    func captureWithAttributes() throws -> String {
        try run(TmuxSession.tmuxPath, ["-L", socket, "capture-pane", "-p", "-e"]).stdout
    }

    /// Shows the open milestones (panel 4, filter "open"); the first is Iran's NUP approval.
    func showOpenMilestones() throws {
        try send("4", "f")
        try waitFor("filter: open")
    }

    /// Sends tmux key names ("Enter", "Space", "q") or literal text with `literal`.
    func send(_ keys: String..., literal: Bool = false) throws {
        _ = try run(TmuxSession.tmuxPath, ["-L", socket, "send-keys"] + (literal ? ["-l"] : []) + keys)
    }

    /// `a` opens a form (waited for by its title); each value typed into its field in turn, Tab
    /// between them; Enter.
    func fill(_ title: String, _ values: [String]) throws {
        try send("a")
        try waitFor(title)
        for (i, value) in values.enumerated() {
            if i > 0 { try send("Tab") }
            try send(value, literal: true)
        }
        try send("Enter")
    }

    func resize(width: Int, height: Int) throws {
        try tmux("resize-window", "-x", "\(width)", "-y", "\(height)")
    }

    /// Polls the screen until `text` appears; fails with the last screen after `timeout` seconds.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if screen.contains(text) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw ProcessError(message: "“\(text)” did not appear within \(timeout)s. The screen:\n\(screen)")
    }

    /// Polls until `condition` holds for the screen.
    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = 15, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if condition(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw ProcessError(message: "\(what) did not happen within \(timeout)s. The screen:\n\(screen)")
    }

    /// The pid of the knupp running on `storePath` in this session (found in /proc).
    func knuppPID(store storePath: String, timeout: TimeInterval = 10) throws -> pid_t {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
                guard let pid = pid_t(entry),
                      let raw = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
                let args = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
                if args.first == knuppBinary && args.contains(storePath) { return pid }
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw ProcessError(message: "no knupp running on \(storePath)")
    }
}
