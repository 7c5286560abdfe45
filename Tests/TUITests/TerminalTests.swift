import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation
@testable import TUI

/// The built binary in a real terminal (tmux): keys in, screen and file out.
@Suite("Real terminal (tmux)", .enabled(if: TmuxSession.available, "tmux is not installed"))
struct TerminalTests {
    let folder = TempFolder()

    /// Prints ECHO-ON when the terminal is back in its normal (echoing) mode.
    static let echoCheck = "stty -a | tr \" ;\" \"\\n\\n\" | grep -qx echo && echo ECHO-ON"

    func document(_ path: String) throws -> StoreDocument {
        try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
    }

    @Test("open, go to a country, tick a milestone, quit: the tick is on disk with officer and time")
    func tickEndToEnd() throws {
        let path = try folder.copySample()
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --officer Amina --today 2026-11-28")
        try tmux.waitFor("Korea National Urban Policy Programme")
        try tmux.send("2")
        try tmux.waitFor("Niger State")
        try tmux.send("Enter")
        try tmux.waitFor("Iran (IRN)")
        // Walk the cursor down to the milestone and tick it in place.
        var state = try sampleState()
        state.openDetail("IRN")
        let steps = try #require(state.detailTargets.firstIndex { $0.target == .milestone("irn-nup-approval") })
        for _ in 0...steps { try tmux.send("j") }
        try tmux.send("Space")
        let screen = try tmux.waitFor("Saved (revision 2)")
        #expect(screen.contains("[x] Iran National Urban Policy approved"))
        try tmux.send("j")
        try tmux.waitFor("ticked by Amina at 20")
        try tmux.send("q")
        try tmux.waitFor("[exit 0]")
        let m = try #require(try document(path).programme.milestone("irn-nup-approval"))
        #expect(m.done && m.doneBy == "Amina")
        #expect(m.doneAt.flatMap { ISO8601DateFormatter().date(from: $0) } != nil)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
    }

    @Test("resizing the window re-lays out; too small shows a message; back again restores")
    func resize() throws {
        let path = try folder.copySample()
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --today 2026-11-28", width: 80, height: 24)
        try tmux.waitFor("1 Overview")
        try tmux.send("2")
        try tmux.waitFor("Niger State")
        try tmux.resize(width: 160, height: 40)
        let wide = try tmux.waitUntil("the wide layout") { $0.contains("implementation") && $0.contains("formulation") }
        let title = wide.split(separator: "\n").first.map(String.init) ?? ""
        #expect(title.hasSuffix("rev 1"))
        #expect(title.count > 100)
        try tmux.resize(width: 50, height: 12)
        try tmux.waitFor("too small")
        try tmux.resize(width: 80, height: 24)
        try tmux.waitFor("Niger State")
        try tmux.send("q")
        try tmux.waitFor("[exit 0]")
    }

    @Test("a malformed store shows its error and leaves the terminal usable, the file untouched")
    func malformed() throws {
        let path = folder.file("broken.json")
        try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("Tests/ModelTests/Fixtures/trailing-garbage.json").path, toPath: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let tmux = try TmuxSession("\(knuppBinary) --store \(path); s=$?; \(TerminalTests.echoCheck); (exit $s)", width: 200, height: 30)
        let screen = try tmux.waitFor("[exit 4]")
        #expect(screen.contains("not valid JSON"))
        #expect(screen.contains("broken.json:401:1"))
        #expect(screen.contains("ECHO-ON")) // the terminal still echoes: not left in curses mode
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("SIGTERM restores the terminal; no lock is left; the saved tick survives")
    func sigterm() throws {
        let path = try folder.copySample()
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --today 2026-11-28; s=$?; \(TerminalTests.echoCheck); (exit $s)")
        try tmux.waitFor("1 Overview")
        try tmux.showOpenMilestones()
        try tmux.send("Space")
        try tmux.waitFor("Saved (revision 2)")
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"), "the lock is held only while saving")
        kill(try tmux.knuppPID(store: path), SIGTERM)
        let screen = try tmux.waitFor("[exit 143]")
        #expect(screen.contains("ECHO-ON"))
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        #expect(try document(path).programme.milestone("irn-nup-approval")?.done == true)
    }

    @Test("every terminating signal ends the front cleanly: terminal restored, no lock, exit 128+n",
          arguments: [SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGINT])
    func signals(_ sig: Int32) throws {
        let path = try folder.copySample()
        let tmux = try TmuxSession("\(knuppBinary) --store \(path); s=$?; \(TerminalTests.echoCheck); (exit $s)")
        try tmux.waitFor("read-write")
        kill(try tmux.knuppPID(store: path), sig)
        let screen = try tmux.waitFor("[exit \(128 + sig)]", timeout: 10)
        #expect(screen.contains("ECHO-ON"))
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
    }

    @Test("Ctrl-\\ (SIGQUIT from the keyboard) quits at once, never handing the terminal to a backtracer")
    func controlBackslash() throws {
        let path = try folder.copySample()
        // The shell around knupp ignores SIGQUIT, as an interactive shell does (the keyboard
        // signals the whole foreground group); knupp sets its own handler.
        let tmux = try TmuxSession("trap \"\" QUIT; \(knuppBinary) --store \(path); s=$?; \(TerminalTests.echoCheck); (exit $s)")
        try tmux.waitFor("read-write")
        try tmux.send("C-\\")
        let screen = try tmux.waitFor("[exit 131]", timeout: 5)
        #expect(screen.contains("ECHO-ON") && !screen.contains("Backtrace") && !screen.contains("Crash"))
    }

    @Test("the terminal going away (SIGHUP, as when ssh drops) ends knupp, leaving no lock")
    func hangup() throws {
        let path = try folder.copySample()
        let tmux = try TmuxSession("\(knuppBinary) --store \(path)")
        try tmux.waitFor("read-write")
        let pid = try tmux.knuppPID(store: path)
        try tmux.tmux("kill-server")
        let deadline = Date().addingTimeInterval(10)
        while kill(pid, 0) == 0 && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(kill(pid, 0) != 0)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
    }

    @Test("two fronts and a command-line tick at once: both fronts stay read-write, each sees the others' ticks within 2 s, all on disk")
    func twoFrontsAndTheCommandLine() throws {
        let path = try folder.copySample()
        let amina = try TmuxSession("\(knuppBinary) --store \(path) --officer Amina --today 2026-11-28", width: 120, height: 30)
        let bongani = try TmuxSession("\(knuppBinary) --store \(path) --officer Bongani --today 2026-11-28", width: 120, height: 30)
        try amina.waitFor("read-write")
        try bongani.waitFor("read-write")
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"), "an idle front holds no lock")
        // Amina ticks in her front while a script ticks from the command line.
        try amina.showOpenMilestones()
        try amina.send("Space")
        let cli = try knupp("tick", "phase-2-completion", "--store", path, "--officer", "Chen")
        #expect(cli.status == 0, "\(cli.stderr)")
        try amina.waitFor("revision")
        // Bongani's front follows: the status line says who changed what.
        let seen = try bongani.waitUntil("the other officers' ticks", timeout: 4) { $0.contains("Amina ticked") || $0.contains("Chen ticked") }
        #expect(seen.contains("read-write"))
        try bongani.waitUntil("both saves", timeout: 4) { _ in (try? self.document(path).revision) == 3 }
        // Bongani's own tick goes on top of both.
        try bongani.send("4")
        try bongani.waitFor("filter: all")
        try bongani.send("G", "Space") // the last milestone: Mozambique's draft, ticked in the sample
        try bongani.waitFor("Saved (revision 4)")
        let aminaSees = try amina.waitUntil("Bongani's untick", timeout: 4) { $0.contains("rev 4") && $0.contains("[ ] Draft of Mozambique") }
        #expect(aminaSees.contains("ticked") && aminaSees.contains("(revision 4)"), "the status line says who changed what")
        let saved = try document(path).programme
        #expect(saved.milestone("irn-nup-approval")?.doneBy == "Amina")
        #expect(saved.milestone("phase-2-completion")?.doneBy == "Chen")
        #expect(saved.milestone("moz-nup-draft")?.done == false)
        for session in [amina, bongani] { try session.send("q"); try session.waitFor("[exit 0]") }
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
    }

    @Test("another officer's save is picked up: the app reloads by itself (read off its loop), and a tick after it keeps both")
    func otherOfficer() throws {
        let path = try folder.copySample()
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --officer Amina --today 2026-11-28")
        try tmux.waitFor("read-write")
        // Bob's change arrives through the file (say, a git pull), bypassing the lock.
        try writeAsAnotherOfficer(path, .untick(milestone: "moz-nup-draft"))
        // Read and decoded on the worker, shown without a key pressed.
        try tmux.waitFor("rev 2")
        try tmux.showOpenMilestones()
        try tmux.send("Space")
        try tmux.waitUntil("the save") { $0.contains("Saved (revision 3)") }
        try tmux.send("q")
        try tmux.waitFor("[exit 0]")
        let saved = try document(path).programme
        #expect(saved.milestone("moz-nup-draft")?.done == false)
        #expect(saved.milestone("irn-nup-approval")?.doneBy == "Amina")
    }

    @Test("colours when the terminal has them; with NO_COLOR none, and the selection still shows (reverse video)")
    func colours() throws {
        let path = try folder.copySample()
        let coloured = try TmuxSession("\(knuppBinary) --store \(path) --read-only")
        try coloured.send("2")
        try coloured.waitFor("Niger State")
        let withColour = try coloured.captureWithAttributes()
        #expect(withColour.contains("\u{1B}[36m")) // phase headings in cyan
        #expect(withColour.contains("READ-ONLY")) // --read-only: no lock taken
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        let plain = try TmuxSession("\(knuppBinary) --store \(path) --read-only", environment: ["NO_COLOR": "1"])
        try plain.send("2")
        try plain.waitFor("Niger State")
        let mono = try plain.captureWithAttributes()
        #expect(!mono.contains("\u{1B}[36m") && !mono.contains("\u{1B}[32m") && !mono.contains("\u{1B}[31m"))
        let selected = mono.split(separator: "\n").first { $0.contains("IRN  Iran") }
        #expect(selected?.contains("\u{1B}[7m") == true)
    }

    @Test("Ctrl-E hands the notes to $EDITOR and takes the terminal back; the notes are saved")
    func externalEditor() throws {
        let path = try folder.copySample()
        let editor = folder.file("editor.sh")
        try Data("#!/bin/sh\nprintf 'Mission in March.\\nSecond line.\\n' > \"$1\"\n".utf8).write(to: URL(fileURLWithPath: editor))
        chmod(editor, 0o755)
        // Run by sh, not executed: a script just written can be "text file busy" while another
        // test's child still holds its descriptor.
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --officer Amina", environment: ["EDITOR": "sh \(editor)", "VISUAL": ""])
        try tmux.waitFor("read-write")
        try tmux.send("2", "Enter")
        try tmux.waitFor("Iran (IRN)")
        try tmux.send("G", "e") // the notes are the last record of the page
        try tmux.waitFor("Edit the notes")
        try tmux.send("C-e")
        try tmux.waitFor("Mission in March. ⏎ Second line.")
        try tmux.send("Enter")
        try tmux.waitFor("Saved (revision 2)")
        #expect(try document(path).programme.country("IRN")?.notes == "Mission in March.\nSecond line.")
        try tmux.send("q")
        try tmux.waitFor("[exit 0]")
    }

    @Test("vim as $EDITOR: Ctrl-E hands it the terminal, what is typed goes to vim, the text comes back into the form and is saved",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/vim"), "vim is not installed"))
    func vimAsEditor() throws {
        let path = try folder.copySample()
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --officer Amina", environment: ["EDITOR": "vim", "VISUAL": "", "HOME": folder.path])
        try tmux.waitFor("read-write")
        try tmux.send("2", "Enter")
        try tmux.waitFor("Iran (IRN)")
        try tmux.send("G", "e")
        try tmux.waitFor("Edit the notes")
        try tmux.send("C-e")
        try tmux.waitUntil("vim to start") { $0.contains("~") && !$0.contains("Edit the notes") }
        try tmux.send("i")
        try tmux.send("Mission in March; typed in vim.", literal: true)
        try tmux.send("Escape")
        try tmux.send(":wq", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("Mission in March; typed in vim.")
        #expect(try document(path).revision == 1, "nothing typed for vim acted in knupp")
        try tmux.send("Enter")
        try tmux.waitFor("Saved (revision 2)")
        #expect(try document(path).programme.country("IRN")?.notes == "Mission in March; typed in vim.")
        try tmux.send("q")
        try tmux.waitFor("[exit 0]")
    }

    @Test("an editor that fails leaves the form as it was")
    func failingEditor() throws {
        let path = try folder.copySample()
        let tmux = try TmuxSession("\(knuppBinary) --store \(path)", environment: ["EDITOR": "false", "VISUAL": ""])
        try tmux.waitFor("read-write")
        try tmux.send("4", "G", "e")
        try tmux.waitFor("Edit")
        try tmux.send("End")
        try tmux.send(" kept", literal: true)
        try tmux.send("C-e")
        let screen = try tmux.waitFor("the field is unchanged")
        #expect(screen.contains("Draft of Mozambique National Urban Policy kept"))
        #expect(try document(path).revision == 1)
    }

    @Test("a file broken under an open front (a program that does not take the lock): the view is kept and said so; mended, it is loaded")
    func brokenUnderTheFront() throws {
        let path = try folder.copySample()
        let good = try Data(contentsOf: URL(fileURLWithPath: path))
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --officer Amina --today 2026-11-28", width: 120, height: 30)
        try tmux.waitFor("rev 1")
        try Data("{\"schemaVersion\": 1, \"revis".utf8).write(to: URL(fileURLWithPath: path))
        try tmux.waitFor("cannot be read now")
        #expect(try tmux.capture().contains("rev 1"), "the view is kept")
        try good.write(to: URL(fileURLWithPath: path))
        try writeAsAnotherOfficer(path, .untick(milestone: "moz-nup-draft"))
        try tmux.waitFor("rev 2")
        try tmux.send("q")
        try tmux.waitFor("[exit 0]")
        #expect(try document(path).programme.milestone("moz-nup-draft")?.done == false)
    }

    @Test("a paste with Enter in the same burst: the whole text is searched and Enter then jumps to the match")
    func pasteThenEnter() throws {
        let path = try folder.copySample()
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --officer Amina --today 2026-11-28", width: 100, height: 30)
        try tmux.waitFor("read-write")
        try tmux.send("/")
        try tmux.waitFor("type to search")
        // One write to the terminal: the field edits are gathered, the Enter after them held for its own turn.
        try tmux.send("p", "a", "r", "a", "g", "u", "BSpace", "u", "Enter")
        try tmux.waitFor("Paraguay (PRY)")
        let screen = try tmux.capture()
        #expect(screen.contains("Match 1/2"), "the text searched was the whole paste: \(screen)")
    }

    @Test("add a milestone, edit its due day, undo a tick, search a country and jump to it: all on disk")
    func editingEndToEnd() throws {
        let path = try folder.copySample()
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --officer Amina --today 2026-11-28", width: 100, height: 30)
        try tmux.waitFor("read-write")
        try tmux.send("/")
        try tmux.send("paragu", literal: true)
        try tmux.waitFor("1/2") // the country, and the Phase 2 workshops that name it
        try tmux.send("Enter")
        try tmux.waitFor("Paraguay (PRY)")
        try tmux.send("a")
        try tmux.waitFor("Add a milestone")
        try tmux.send("Diagnosis report — São Paulo workshop", literal: true)
        try tmux.send("Tab")
        try tmux.send("2027-03-31", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("Saved (revision 2)")
        #expect(try document(path).programme.milestone("pry-1")?.title == "Diagnosis report — São Paulo workshop")
        // After `a` the new milestone is the selection: e edits it.
        try tmux.send("e")
        try tmux.waitFor("Edit")
        try tmux.send("Tab", "C-u")
        try tmux.send("2027-04-30", literal: true)
        try tmux.send("Enter")
        // The due moves: the form asks why, on the field for it, and saves nothing until told.
        try tmux.waitFor("say why")
        #expect(try document(path).revision == 2)
        try tmux.send("the municipality asked for a month more", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("revision 3")
        let edited = try #require(try document(path).programme.milestone("pry-1"))
        #expect(edited.due == CalendarDate("2027-04-30") && edited.plannedDue == CalendarDate("2027-03-31"))
        #expect(edited.dueChanges.map(\.reason) == ["the municipality asked for a month more"] && edited.dueChanges.first?.by == "Amina")
        // The list shows the slip beside the due.
        try tmux.waitFor("+30 d")
        try tmux.send("Space")
        try tmux.waitFor("c adds a note")
        #expect(try document(path).programme.milestone("pry-1")?.done == true && document(path).revision == 4)
        try tmux.send("u")
        try tmux.waitFor("Undone")
        #expect(try document(path).programme.milestone("pry-1")?.done == false)
        #expect(try document(path).revision == 5)
        // c: a dated note, kept with the officer; shown under the milestone in the country's page.
        try tmux.send("c")
        try tmux.waitFor("Add to the milestone's log")
        try tmux.send("Workshop held in Asunción", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("revision 6")
        let noted = try #require(try document(path).programme.milestone("pry-1"))
        #expect(noted.notes.map(\.text) == ["Workshop held in Asunción"] && noted.notes.first?.by == "Amina")
        try tmux.waitFor("note by Amina")
        try tmux.send("q")
        try tmux.waitFor("[exit 0]")
    }
}


@Suite("The whole record in the front (tmux)", .enabled(if: TmuxSession.available, "tmux is not installed"))
struct WholeRecordTests {
    let folder = TempFolder()

    @Test("/Sietchiping finds the contact, Enter shows it on the Overview, the match highlighted; R writes the report and says where")
    func contactsSearchAndReport() throws {
        let path = try folder.copySample()
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --today 2026-11-28", width: 120, height: 40, environment: ["HOME": folder.path])
        try tmux.waitFor("read-write")
        try tmux.send("/")
        try tmux.send("Sietchiping", literal: true)
        try tmux.waitFor("/Sietchiping  1/1")
        try tmux.send("Enter")
        // The contact's line may show before Enter (the Overview lists contacts): wait for Enter's own words.
        let screen = try tmux.waitFor("Match 1/1: Contact Mr. Remy Sietchiping")
        #expect(screen.contains("Mr. Remy Sietchiping, Chief"))
        #expect(screen.contains("Contacts"))
        let attributes = try tmux.captureWithAttributes()
        #expect(attributes.contains("\u{1B}[1m\u{1B}[4mSietchiping") || attributes.contains("\u{1B}[4m\u{1B}[1mSietchiping")
                || attributes.contains("4mSietchiping"), "the match is underlined")
        try tmux.send("Escape")
        try tmux.send("R")
        try tmux.waitFor("Write the progress report")
        try tmux.send("Enter")
        try tmux.waitFor("Wrote the html report (as of 2026-11-28) to ~/knupp-report-2026-11-28.html")
        let html = try String(contentsOfFile: folder.file("knupp-report-2026-11-28.html"), encoding: .utf8)
        #expect(html.contains("<!DOCTYPE html>") && html.contains("Sietchiping"))
        try tmux.send("q")
        try tmux.waitFor("[exit 0]")
    }
}

@Suite("The whole record in the front (reducer)")
struct WholeRecordReducerTests {
    @Test("a country's detail lists the milestones of its phase as a whole, tickable, and says how they count")
    func phaseMilestonesInDetail() throws {
        var state = try sampleState(width: 120, height: 40)
        state.openDetail("MOZ")
        let text = state.screenText
        #expect(text.contains("Phase 2 milestones (of the phase as a whole"))
        #expect(text.contains("Phase 2 implementation completed"))
        #expect(text.contains("its own milestones 1/1 done · the phase's, which cover it too, 5/6"))
        #expect(state.detailTargets.contains { $0.target == .milestone("phase-2-completion") })
    }

    @Test("search reaches publications, contacts, partners, prospective countries and phase texts", arguments: [
        ("Sietchiping", "Contact"), ("Lesotho", "Interested"), ("MOLIT", "Partner"), ("5.17 billion", "Publication"),
        ("People-Centered", "Phase 2"),
    ])
    func searchEverything(query: String, label: String) throws {
        var state = try sampleState()
        state.press(.char("/"))
        for c in query { state.press(.char(c)) }
        #expect(state.search?.matches.contains { $0.label.hasPrefix(label) } == true, "\(query): \(state.search?.matches.map(\.label) ?? [])")
    }
}

@Suite("knupp unlock in a terminal", .enabled(if: TmuxSession.available, "tmux is not installed"))
struct UnlockTerminalTests {
    let folder = TempFolder()

    @Test("unlock shows whose lock it is and asks; n leaves it, y clears it")
    func asks() throws {
        let path = try folder.copySample()
        let owner = LockOwner(user: "dana", host: "office-pc-7", pid: 4242, since: "2026-11-28T08:00:00Z")
        try JSONEncoder().encode(owner).write(to: URL(fileURLWithPath: path + ".lock"))
        let no = try TmuxSession("\(knuppBinary) unlock --store \(path)")
        try no.waitFor("[y/N]")
        #expect(try no.capture().contains("dana on office-pc-7"))
        try no.send("n", "Enter")
        try no.waitFor("Left as it is.")
        #expect(FileManager.default.fileExists(atPath: path + ".lock"))
        let yes = try TmuxSession("\(knuppBinary) unlock --store \(path)")
        try yes.waitFor("[y/N]")
        try yes.send("y", "Enter")
        try yes.waitFor("Cleared the lock of dana")
        try yes.waitFor("[exit 0]")
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
    }
}
