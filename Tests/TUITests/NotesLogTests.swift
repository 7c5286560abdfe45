import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation
@testable import TUI

/// A milestone's notes as a dated log: added, never wiped; each with who and when; an "as of"
/// report shows only those written by its day.
@Suite("Notes and evidence as a dated log")
struct NotesLogTests {
    @Test("knupp note adds a note or evidence with who and when; show, milestones --json, log and every report format carry it; as of before, none")
    func noteCommand() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let noted = try knupp("note", "moz-nup", "Validation workshop held in Maputo", "--store", path, "--officer", "Amina")
        #expect(noted.status == 0 && noted.stdout.contains("Added a note to “Draft of Mozambique National Urban Policy”"), "\(noted.stdout)\(noted.stderr)")
        let evidence = try knupp("note", "moz-nup-draft", "https://example.org/moz-nup.pdf", "--evidence", "--store", path, "--officer", "Ji-woo")
        #expect(evidence.status == 0 && evidence.stdout.contains("Added evidence to"))
        let m = try #require(try storedProgramme(path).milestone("moz-nup-draft"))
        #expect(m.notes.map(\.kind) == [.note, .evidence] && m.notes.map(\.by) == ["Amina", "Ji-woo"] && m.notes.allSatisfy { Moment.isValid($0.at) })
        #expect(m.note == (try loadSample().milestone("moz-nup-draft")?.note), "the undated note stays as it was")
        #expect(try knupp("note", "moz-nup-draft", "  ", "--store", path).status == 64)
        // Where officers read it.
        #expect(try knupp("show", "moz", "--store", path).stdout.contains("note by Amina, "))
        let listing = try knupp("milestones", "--store", path, "--json", "--country", "moz").stdout
        #expect(listing.contains("\"kind\" : \"evidence\"") && listing.contains("Validation workshop held in Maputo"))
        let json = try knupp(["report", "--store", path, "--format", "json"], environment: ["TZ": "UTC"]).stdout
        #expect(json.contains("\"text\" : \"Validation workshop held in Maputo\""))
        let csv = try knupp(["report", "--store", path, "--format", "csv"], environment: ["TZ": "UTC"]).stdout
        #expect(csv.contains("Amina: Validation workshop held in Maputo; ") && csv.contains("Ji-woo (evidence): https://example.org/moz-nup.pdf"))
        let md = try knupp(["report", "--store", path], environment: ["TZ": "Asia/Seoul"]).stdout
        #expect(md.contains("  - Note, Amina, ") && md.contains("  - Evidence, Ji-woo, "), "\(md)")
        // The day before: written after it, so not in the report of it, in any format.
        let yesterday = CalendarDate.fromOrdinal(CalendarDate.localDay(of: Date()).firstOrdinal - 1).description
        for format in ["markdown", "csv", "json", "html"] {
            let old = try knupp(["report", "--store", path, "--format", format, "--as-of", yesterday], environment: ["TZ": "UTC"]).stdout
            #expect(!old.contains("Validation workshop held in Maputo") && !old.contains("moz-nup.pdf"), "\(format)")
        }
    }

    @Test("two officers' notes on one milestone in their own copies are both kept, in the order they were written; one taken out is a conflict")
    func notesMerge() throws {
        let base = try loadSample()
        let ours = try base.applying(.addNote(milestone: "irn-nup-approval", MilestoneNote(text: "ours", by: "Amina", at: "2026-11-28T11:00:00Z")))
        let theirs = try base.applying(.addNote(milestone: "irn-nup-approval", MilestoneNote(text: "theirs", by: "Bongani", at: "2026-11-28T10:00:00Z")))
        func file(_ p: Programme, _ revision: Int) -> Data { StoreDocument(revision: revision, programme: p).encoded() }
        let merged = try StoreDocument.decode(try StoreMerge.merge(base: file(base, 1), ours: file(ours, 2), theirs: file(theirs, 3), path: "p.json"),
                                              path: "p.json")
        #expect(merged.programme.milestone("irn-nup-approval")?.notes.map(\.text) == ["theirs", "ours"])
        // Both wrote more on top of a shared note: all kept once.
        let both = try ours.applying(.addNote(milestone: "irn-nup-approval", MilestoneNote(text: "later", by: "Amina", at: "2026-11-29T09:00:00Z")))
        let again = try ours.applying(.addNote(milestone: "irn-nup-approval", MilestoneNote(text: "theirs later", by: "Bongani", at: "2026-11-29T08:00:00Z")))
        let second = try StoreDocument.decode(try StoreMerge.merge(base: file(ours, 2), ours: file(both, 3), theirs: file(again, 4), path: "p.json"),
                                              path: "p.json")
        #expect(second.programme.milestone("irn-nup-approval")?.notes.map(\.text) == ["ours", "theirs later", "later"])
        // A note taken out on one side (by hand) while the other added one: merged by hand.
        var removed = ours
        try removed.apply(.updateMilestone({ var m = ours.milestone("irn-nup-approval")!; m.notes = []; return m }()))
        #expect(throws: StoreMerge.Conflict.self) {
            try StoreMerge.merge(base: file(ours, 2), ours: file(removed, 3), theirs: file(both, 4), path: "p.json")
        }
    }

    @Test("in the front: Space ticks and says c adds a note; c asks for the kind and the text and saves them with the officer and the moment")
    func frontNote() throws {
        var state = try sampleState()
        state.press(.char("4"), .char("f")) // open ones: Iran's approval first
        let id = try #require(state.selectedMilestone?.id)
        let ticked = state.press(.char(" "))
        try state.complete(ticked)
        #expect(state.message?.text.contains("c adds a note") == true, "\(state.message?.text ?? "")")
        // Ticked under the "open" filter it has left the list; c is for it all the same.
        #expect(state.milestoneRow(of: id) == nil)
        state.press(.char("c"))
        #expect(state.form?.fields.map(\.label) == ["Kind", "Text"] && state.form?.focus == 1 && state.form?.purpose == .addNote(milestone: id))
        #expect(state.press(.enter).isEmpty && state.form?.error?.contains("Write the note") == true)
        for c in "Gazette no. 12" { state.press(.char(c)) }
        state.press(.backTab, .right, .tab) // evidence
        let effects = state.press(.enter)
        guard case .commit(let record, _)? = effects.first else { Issue.record("no commit: \(state.form?.error ?? "")"); return }
        guard case .addNote(let target, let entry) = record.edit else { Issue.record("\(record.edit)"); return }
        #expect(target == id && entry.text == "Gazette no. 12" && entry.kind == .evidence && entry.by == state.officer && Moment.isValid(entry.at))
        try state.complete(effects)
        #expect(state.programme.milestone(id)?.notes.map(\.text) == ["Gazette no. 12"])
    }
}

@Suite("History outside git: what the record dates")
struct DatedHistoryTests {
    @Test("knupp log outside git lists ticks, notes, due moves and phase-end moves with who and when; a due taken away stays in slippage")
    func datedHistory() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        #expect(try knupp("tick", "irn-nup-approval", "--store", path, "--officer", "Amina").status == 0)
        #expect(try knupp("note", "moz-nup-draft", "Workshop held", "--store", path, "--officer", "Ji-woo").status == 0)
        #expect(try knupp("due", "phase-2-completion", "2027-03", "--reason", "review", "--store", path, "--officer", "Bongani").status == 0)
        #expect(try knupp("phase", "end", "2", "2027-06", "--reason", "extension", "--store", path, "--officer", "Bongani").status == 0)
        let log = try knupp("log", "--store", path).stdout
        for text in ["Amina", "ticked", "note added: “Workshop held”", "due: “2026-11” → “2027-03”", "why the due moved: “review”",
                     "planned end: “2026-11” → “2027-06”"] {
            #expect(log.contains(text), "\(text): \(log)")
        }
        #expect(try knupp("log", "--store", path, "--until", "2020-01-01").stdout.contains("No changes match"), "all of them after the day")
        #expect(try knupp("log", "--store", path, "--since", "2026-01-01", "--until", "2025-01-01").status == 64)
        let period = try knupp("report", "--store", path, "--from", "2026-01-01").stdout
        #expect(period.contains("note added: “Workshop held”") && period.contains("why the due moved: “review”"), "\(period)")
        // An untick keeps the tick it had in the log: outside git nothing ticked is lost.
        #expect(try knupp("untick", "irn-nup-approval", "--store", path, "--officer", "Bongani").status == 0)
        let unticked = try #require(try storedProgramme(path).milestone("irn-nup-approval"))
        let kept = try #require(unticked.notes.last)
        #expect(!unticked.done && kept.by == "Bongani" && kept.text.hasPrefix("Unticked: it had been ticked by Amina at 20"), "\(kept.text)")
        #expect(try knupp("log", "--store", path).stdout.contains("Unticked: it had been ticked by Amina"))
        // Taken away: still listed, first, with its moves.
        #expect(try knupp("due", "phase-2-completion", "none", "--reason", "dropped", "--store", path, "--officer", "Bongani").status == 0)
        let slippage = try knupp("slippage", "--store", path).stdout
        #expect(slippage.contains("phase-2-completion") && slippage.contains("date taken away") && slippage.contains("dropped"), "\(slippage)")
        #expect(try knupp("milestones", "--status", "slipped", "--store", path).stdout.contains("phase-2-completion"))
    }
}

@Suite("The message log")
struct MessageLogTests {
    @Test("m shows every status message since the start, whole and newest first; one cut on the status line ends in … (m)")
    func messageLog() throws {
        var state = try sampleState(width: 60, height: 16)
        state.press(.char("4"), .char("f"))
        let first = try #require(state.message?.text)
        state.press(.char("s"))
        let long = String(repeating: "A colleague's value and yours differ here; ", count: 4) + "THE END"
        state.send(.notice(message: long, ok: false))
        #expect(state.screenText.contains("… (m)") && !state.screenText.contains("THE END"), "cut on the status line")
        state.press(.char("m"))
        #expect(state.overlayShowsMessages && state.helpScroll == 0)
        let shown = state.screenText
        #expect(shown.contains("Messages, newest first") && shown.contains("THE END"), "whole: \(shown)")
        // Newest first: the long one above the filter's.
        let lines = state.overlayLines(width: 50).map(\.text)
        let end = try #require(lines.firstIndex { $0.contains("THE END") })
        let filter = try #require(lines.firstIndex { $0.contains(String(first.prefix(20))) })
        #expect(end < filter)
        #expect(!lines.contains { $0.hasPrefix("--:--:--") }, "each message with the time it was said")
        state.press(.char("m"))
        #expect(state.helpScroll == nil && !state.overlayShowsMessages)
        state.press(.char("?"))
        #expect(!state.overlayShowsMessages && state.screenText.contains("Help"))
    }

    @Test("a read-only front offers no key that changes the record on its status line")
    func readOnlyHints() throws {
        var state = try sampleState(width: 120, height: 30, readOnly: "opened with --read-only")
        state.press(.char("4"))
        let hints = KeyMap.hints(for: state)
        #expect(!hints.contains("Space tick") && !hints.contains("e edit") && hints.contains("v record") && hints.contains("m messages"))
        var writable = try sampleState(width: 120, height: 30)
        writable.press(.char("4"))
        #expect(KeyMap.hints(for: writable).contains("Space tick"))
    }
}

@Suite("A milestone's whole record (v)")
struct MilestoneRecordTests {
    @Test("v shows a three-line note whole at 80x24, the dated log, the due's first plan and moves; v closes it")
    func wholeRecord() throws {
        var programme = try loadSample()
        let id = "moz-nup-draft"
        try programme.apply(.editMilestone(id: id, title: "Draft of Mozambique National Urban Policy", due: CalendarDate("2026-12"),
                                           note: "First line of the note\nSecond line, longer than the others by a good way, so that it wraps at eighty columns for sure\nThird line: the end",
                                           evidence: nil))
        try programme.apply(.addNote(milestone: id, MilestoneNote(text: "Validation workshop held", by: "Amina", at: "2026-11-20T02:00:00Z")))
        try programme.apply(.moveDue(milestone: id, to: CalendarDate("2027-02"), move: DateMove(by: "Ji-woo", at: "2026-11-21T02:00:00Z", reason: "elections")))
        var state = try sampleState(width: 80, height: 24, programme: programme)
        state.press(.char("4"))
        while state.selectedMilestone?.id != id { state.press(.char("j")) }
        state.press(.char("v"))
        #expect(state.overlay == .milestone(id))
        let screen = state.screenText
        for text in ["First line of the note", "so that it", "wraps at eighty columns for sure", "Third line: the end",
                     "first planned 2026-12", "2026-12 → 2027-02 — elections", "The whole record"] {
            #expect(screen.contains(text), "\(text): \(screen)")
        }
        // Below: the dated log, a few lines down.
        for _ in 0..<6 { state.press(.char("j")) }
        #expect(state.screenText.contains("Validation workshop held") && state.screenText.contains("Note, Amina,"), "\(state.screenText)")
        state.press(.char("v"))
        #expect(state.helpScroll == nil && state.overlay == .help)
    }
}

@Suite("The milestones table in a real terminal", .enabled(if: TmuxSession.available, "tmux is not installed"))
struct MilestonesTableTests {
    @Test("knupp milestones at 80 columns never cuts an id (the title gives way), and no line is wider than the terminal")
    func idsWhole() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let tmux = try TmuxSession("\(knuppBinary) milestones --store \(path); sleep 30", width: 80, height: 40)
        let screen = try tmux.waitFor("phase-2-completion")
        let ids = try storedProgramme(path).milestoneEntries.map(\.milestone.id)
        let lines = screen.components(separatedBy: "\n")
        for id in ids { #expect(lines.contains { $0.hasPrefix(id + " ") }, "\(id) whole: \(screen)") }
        #expect(lines.allSatisfy { $0.displayWidth <= 80 })
        #expect(screen.contains("…"), "the titles gave way")
    }
}
