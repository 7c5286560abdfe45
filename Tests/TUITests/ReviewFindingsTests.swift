import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation
@testable import TUI

/// What a review of the data-safety work found, each held: a form over a huge note, outputs that
/// are not plain files, exit statuses behind a closed pipe, a store that appears while init
/// checks, a sync while a save holds the lock, JSON that reaches a terminal, a slow remote.
@Suite("Review findings: proportional, honest, never replaced by accident")
struct ReviewFindingsTests {
    let folder = TempFolder()

    @Test("a text field of 300,000 characters shows the window around the cursor, each cell measured once")
    func hugeField() {
        var field = TextField(label: "Note", text: String(repeating: "😀", count: 300_000))
        let (visible, column) = field.window(width: 40)
        #expect(visible.displayWidth <= 40 && column <= 39 && visible.allSatisfy { $0 == "😀" })
        field.apply(.home)
        let start = field.window(width: 40)
        #expect(start.cursorColumn == 0 && start.text.displayWidth == 40)
    }

    @Test("in the front, editing a milestone whose note is 300,000 line breaks opens the form",
          .enabled(if: TmuxSession.available, "tmux is not installed"))
    func editHugeNote() throws {
        var document = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: samplePath)), path: samplePath)
        try document.programme.apply(.editMilestone(id: "irn-nup-approval", title: "Iran National Urban Policy approved by the government and adopted",
                                                    due: nil, note: String(repeating: "\n", count: 300_000), evidence: nil))
        let path = folder.file("programme.json")
        try document.encoded().write(to: URL(fileURLWithPath: path))
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --officer Amina --today 2026-11-28", width: 100, height: 30)
        try tmux.showOpenMilestones()
        try tmux.send("e")
        try tmux.waitFor("Esc cancel")
        try tmux.send("Escape")
        try tmux.send("q")
        try tmux.waitFor("[exit 0]")
    }

    @Test("report --output into /dev/stdout and a pipe writes into them (never a file in their place); a folder is refused")
    func specialOutputs() throws {
        let path = try folder.copySample()
        let stdout = try run(knuppBinary, ["report", "--format", "markdown", "--output", "/dev/stdout", "--store", path])
        #expect(stdout.status == 0 && stdout.stdout.contains("# ") && stdout.stdout.contains("K-NUPP"), "\(stdout.stderr)")
        let fifo = folder.file("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let read = try run("/bin/sh", ["-c", "cat \"$1\" > \"$2\" & \"$0\" report --format csv --output \"$1\" --store \"$3\"; wait",
                                       knuppBinary, fifo, folder.file("got.csv"), path])
        #expect(read.status == 0, "\(read.stderr)")
        var info = stat()
        #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "still a pipe")
        #expect(try String(contentsOfFile: folder.file("got.csv"), encoding: .utf8).contains("irn-nup-approval"))
        let dir = try knupp("report", "--output", folder.path, "--store", path)
        #expect(dir.status == 1 && dir.stderr.contains("is a folder") && !dir.stderr.contains("as it was before"), "\(dir.stderr)")
    }

    @Test("a failing command keeps its exit status when nobody reads its messages (2>&1 | true)")
    func closedStderr() throws {
        let bad = folder.file("bad.json")
        try Data("{".utf8).write(to: URL(fileURLWithPath: bad))
        for (command, status) in [("validate \"$1\"", 4), ("milestones --status bad --store \"$1\"", 64), ("tick x --store /nonexistent.json", 4)] {
            let result = try run("/bin/bash", ["-c", "set -o pipefail; \"$0\" \(command) 2>&1 | true; echo \"status $?\"", knuppBinary, bad])
            #expect(result.stdout.contains("status \(status)"), "\(command): \(result.stdout)")
        }
    }

    @Test("--json output writes invisible and direction characters as \\u escapes: the same JSON, nothing raw on a terminal")
    func jsonEscapes() throws {
        let path = try folder.copySample()
        try writeAsAnotherOfficer(path, .editMilestone(id: "irn-nup-approval", title: "Iran \u{202E}NUP\u{2066} \u{E0041}soft\u{00AD}", due: nil,
                                                        note: "a\u{2028}b", evidence: nil))
        let result = try knupp("milestones", "--json", "--store", path)
        #expect(result.status == 0)
        #expect(!result.stdout.unicodeScalars.contains { String.needsReplacing($0) && $0.value >= 0x20 }, "nothing raw")
        #expect(result.stdout.contains("\\u202e") && result.stdout.contains("\\udb40\\udc41"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.contains { ($0["title"] as? String) == "Iran \u{202E}NUP\u{2066} \u{E0041}soft\u{00AD}" }, "the same text for a reader")
    }

    @Test("a report to a link to nothing is refused (the link stays); to /dev/stdout it goes through the descriptor, so >> appends")
    func outputsThroughLinks() throws {
        let path = try folder.copySample()
        let link = folder.file("dl.md")
        #expect(symlink("missing.md", link) == 0)
        let refused = try knupp("report", "--output", link, "--store", path)
        #expect(refused.status == 1 && refused.stderr.contains("does not exist"), "\(refused.stderr)")
        var info = stat()
        #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK, "still the link")
        let log = folder.file("log.md")
        let appended = try run("/bin/sh", ["-c", "echo PRIOR > \"$2\"; \"$0\" report --output /dev/stdout --store \"$1\" >> \"$2\"", knuppBinary, path, log])
        #expect(appended.status == 0, "\(appended.stderr)")
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.hasPrefix("PRIOR\n") && text.contains("K-NUPP"))
    }

    @Test("a lock wait that is no number of seconds (nan, inf, text, negative) is refused by name, never a crash", arguments: ["nan", "inf", "abc", "-1", "1e9"])
    func badLockWait(value: String) throws {
        let path = try folder.copySample()
        let result = try knupp("tick", "irn-nup-approval", "--store", path, environment: ["KNUPP_LOCK_WAIT": value])
        #expect(result.status == 64 && result.stderr.contains("KNUPP_LOCK_WAIT") && result.stderr.contains("0 to 600"), "\(value): \(result.status) \(result.stderr)")
    }

    @Test("knupp config writes text in quotes with its line breaks escaped: the file stays TOML and every command goes on working")
    func configValues() throws {
        let env = ["XDG_CONFIG_HOME": folder.file("cfg")]
        for value in ["a\nb", "true", "1e5", "0x10", "say \"hi\" \\ bye", "del\u{7F}tab\t"] {
            #expect(try knupp("config", "officer", value, environment: env).status == 0)
            let shown = try knupp("config", environment: env)
            #expect(shown.status == 0, "after \(value.debugDescription): \(shown.stderr)")
            let text = try String(contentsOfFile: folder.file("cfg/knupp/config.toml"), encoding: .utf8)
            #expect(try Settings.load(path: folder.file("cfg/knupp/config.toml"))["officer"] == value, "\(text)")
            #expect(text.contains("officer = \""), "text is quoted: \(text)")
        }
    }

    @Test("init on a link to a store not there yet makes the store where the link points")
    func initThroughALink() throws {
        let link = folder.file("store.json")
        #expect(symlink("shared/real.json", link) == 0)
        try FileManager.default.createDirectory(atPath: folder.file("shared"), withIntermediateDirectories: true)
        let result = try knupp("init", "--sample", "--store", link)
        #expect(result.status == 0, "\(result.stderr)")
        var info = stat()
        #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(FileManager.default.fileExists(atPath: folder.file("shared/real.json")))
        #expect(try knupp("validate", link).status == 0)
    }

    @Test("the Markdown report writes no raw direction character from an id")
    func markdownIDs() throws {
        let path = try folder.copySample()
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\"id\" : \"MMR\"", with: "\"id\" : \"M\u{202E}MR\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let result = try knupp("report", "--format", "markdown", "--store", path)
        #expect(result.status == 0 && !result.stdout.unicodeScalars.contains("\u{202E}"), "\(result.stderr)")
    }
}
