import Foundation
import Testing
@testable import Model
@testable import TUI
import TestSupport
@testable import Presentation

/// Issue 21's smaller points, each as the officer met it.
@Suite("As officers met them: options before the command, completion, settings, the stage in JSON")
struct SmallerPointsTests {
    let folder = TempFolder()

    @Test("`knupp --json countries` is `knupp countries --json`; `--country MOZ milestones` too; countries --json writes the stage as null when unknown")
    func optionsBeforeTheCommand() throws {
        let path = try folder.copySample()
        #expect(try knupp("add", "country", "--id", "TST", "--name", "Testland", "--phase", "2", "--store", path, "--officer", "A").status == 0)
        let before = try knupp("--json", "countries", "--store", path)
        let after = try knupp("countries", "--json", "--store", path)
        #expect(before.status == 0 && before.stdout == after.stdout, "\(before.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [[String: Any]])
        let testland = try #require(rows.first { $0["id"] as? String == "TST" })
        #expect(testland.keys.contains("stage") && testland["stage"] is NSNull)
        #expect(rows.first { $0["id"] as? String == "MOZ" }?["stage"] as? String == "formulation")
        let listed = try knupp("--country", "MOZ", "milestones", "--store", path)
        #expect(listed.status == 0 && listed.stdout.contains("moz-nup-draft") && !listed.stdout.contains("irn-nup-approval"), "\(listed.stderr)")
    }

    @Test("config mouse off works as the README says (on, off, yes, no, true, false), stored as the file's true or false; anything else is refused")
    func mouseOff() throws {
        let environment = ["HOME": folder.path, "XDG_CONFIG_HOME": folder.file("config")]
        let off = try knupp(["config", "mouse", "off"], environment: environment)
        #expect(off.status == 0 && off.stdout.contains("mouse = false"), "\(off.stdout)\(off.stderr)")
        #expect(try knupp(["config", "mouse"], environment: environment).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "false")
        #expect(try knupp(["config", "mouse", "on"], environment: environment).stdout.contains("mouse = true"))
        let bad = try knupp(["config", "mouse", "sometimes"], environment: environment)
        #expect(bad.status == 64 && bad.stderr.contains("on or off"))
    }

    @Test("completion: --country offers countries only, untick the ticked milestones only, any case typed; the root offers --store (files) before the command")
    func completion() throws {
        let path = try folder.copySample()
        func complete(_ words: [String]) throws -> [String] {
            try knupp(["---completion"] + words, environment: ["SAP_SHELL": "bash"]).stdout.split(separator: "\n").map(String.init)
        }
        let countries = try complete(["milestones", "--", "--country", "3", "0", "knupp", "milestones", "--country", "", "--store", path])
        #expect(countries.contains("MOZ") && !countries.contains("programme"), "\(countries)")
        let ticked = try complete(["untick", "--", "positional@0", "2", "0", "knupp", "untick", "", "--store", path])
        let done = try storedProgramme(path).milestoneEntries.filter(\.milestone.done).map(\.milestone.id)
        #expect(!ticked.isEmpty && Set(ticked) == Set(done), "\(ticked)")
        let upper = try complete(["tick", "--", "positional@0", "2", "0", "knupp", "tick", "MOZ", "--store", path])
        #expect(upper.contains("moz-nup-draft"), "\(upper)")
        let script = try knupp("--generate-completion-script", "bash").stdout
        let root = script.components(separatedBy: "\n_knupp_")[0]
        #expect(root.contains("--store"), "the root's own function offers --store")
    }

    @Test("the first-run message expires like the others")
    func greetingExpires() throws {
        var state = try sampleState()
        state.message = AppState.Message(text: "Created a store from the sample…", kind: .warning, at: fixedNow)
        _ = state.reduce(.clock(fixedNow.addingTimeInterval(5)), now: fixedNow.addingTimeInterval(5))
        #expect(state.message != nil)
        _ = state.reduce(.clock(fixedNow.addingTimeInterval(11)), now: fixedNow.addingTimeInterval(11))
        #expect(state.message == nil)
    }
}

@Suite("Ctrl-C in a half-filled form (tmux)", .enabled(if: TmuxSession.available, "tmux is not installed"))
struct InterruptTests {
    let folder = TempFolder()

    @Test("Ctrl-C with text typed in a form asks; n goes back to the form, the text still there; Ctrl-C twice quits (130), nothing saved; with no form it quits at once")
    func ctrlC() throws {
        let path = try folder.copySample()
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        // The shell around knupp ignores SIGINT, as an interactive one does (Ctrl-C signals the whole group).
        let tmux = try TmuxSession("trap \"\" INT; \(knuppBinary) --store \(path) --officer Amina", width: 100, height: 30)
        try tmux.waitFor("read-write")
        try tmux.send("2", "a")
        try tmux.waitFor("Add a country")
        try tmux.send("Testla", literal: true)
        // Ctrl-C overtakes keys not yet read (the terminal flushes them with the signal): wait for the text first.
        try tmux.waitFor("Testla")
        try tmux.send("C-c")
        try tmux.waitFor("Quit knupp? What you typed")
        try tmux.send("n")
        try tmux.waitFor("Back to the form")
        #expect(try tmux.capture().contains("Testla"))
        try tmux.send("C-c")
        try tmux.waitFor("Quit knupp?")
        try tmux.send("C-c")
        try tmux.waitFor("[exit 130]")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
        let again = try TmuxSession("trap \"\" INT; \(knuppBinary) --store \(path) --officer Amina", width: 100, height: 30)
        try again.waitFor("read-write")
        try again.send("C-c")
        try again.waitFor("[exit 130]")
    }
}
