import Foundation
import Testing
@testable import Model
@testable import TUI
import TestSupport
@testable import Presentation

/// The app on the sample (or another programme), at a fixed size and day.
func sampleState(width: Int = 80, height: Int = 24, readOnly: String? = nil, programme: Programme? = nil) throws -> AppState {
    var state = AppState(programme: try programme ?? loadSample(), storePath: "/data/knupp/programme.json", readOnlyReason: readOnly,
                         revision: 1, officer: "tester", today: fixedToday, width: width, height: height)
    state.timeZone = TimeZone(identifier: "Asia/Seoul") ?? .current
    return state
}

/// Types `text` into the field at hand, a key at a time.
func type(_ text: String, into state: inout AppState) {
    for c in text { state.press(.char(c)) }
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

    /// The frame as a snapshot: its text, then every styled run (see `Screen.styleRuns`).
    var snapshot: String {
        let screen = AppView.render(self)
        return screen.text + "\n" + screen.styleRuns
    }
}

extension Screen {
    /// The frame's styles, a line per run of cells that share one: "row 3, 0-79: reverse".
    /// Plain cells are left out, so a diff shows a selection bar or a colour that moved.
    var styleRuns: String {
        var lines = ["--- styles (row, columns: style) ---"]
        for row in 0..<height {
            var column = 0
            while column < width {
                let style = self[column, row].style
                var end = column
                while end + 1 < width && self[end + 1, row].style == style { end += 1 }
                if style != .plain { lines.append("\(row), \(column)-\(end): \(style.label)") }
                column = end + 1
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension Style {
    /// "cyan bold reverse".
    var label: String {
        var parts: [String] = []
        if color != .none { parts.append("\(color)") }
        if bold { parts.append("bold") }
        if dim { parts.append("dim") }
        if underline { parts.append("underline") }
        if reverse { parts.append("reverse") }
        return parts.joined(separator: " ")
    }
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


/// The programme in the store file at `path`, as it stands on disk.
func storedProgramme(_ path: String) throws -> Programme {
    try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path).programme
}

/// A git repository in `folder` for a test, with a fixed author and no settings of the machine's:
/// `git(args…)` runs in it; `commit(message)` adds everything and commits.
struct TestRepository {
    static let environment = ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                              "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"]
    let path: String

    /// `git init` in `path`.
    init(_ path: String) throws {
        self.path = path
        _ = try git("init", "-q", "-b", "main")
    }

    @discardableResult
    func git(_ arguments: String...) throws -> RunResult { try run("/usr/bin/git", ["-C", path] + arguments, environment: TestRepository.environment) }

    func commit(_ message: String) throws {
        try git("add", ".")
        try git("commit", "-q", "-m", message)
    }
}
