import Foundation
import Testing
@testable import Model
@testable import TUI
import TestSupport
@testable import Presentation

/// Every record kept from the front: forms made from each record's table, on the record under
/// the cursor (Countries panel, the country detail, the Overview), each one undoable edit.
@Suite("Reducer: records kept from the front")
struct FrontRecordTests {
    func edit(_ effects: [Effect]) -> Edit? {
        for case .commit(let record, _) in effects { return record.edit }
        return nil
    }

    func focus(_ label: String, in state: inout AppState) {
        for _ in 0..<20 where state.form.map({ $0.fields[$0.focus].label != label }) ?? false { state.press(.tab) }
    }

    @Test("Countries: a adds a country (a bad phase keeps the form open on its field), e sets its stage with the day, d asks, u undoes each")
    func countries() throws {
        var state = try sampleState(width: 120, height: 40)
        state.press(.char("2"), .char("a"))
        #expect(state.form?.purpose == .addRecord(.country, country: nil))
        type("TST", into: &state)
        state.press(.tab)
        type("Testland", into: &state)
        focus("Phase", in: &state)
        state.press(.ctrl("u"))
        type("x", into: &state)
        #expect(state.press(.enter).isEmpty)
        #expect(state.form?.error?.contains("is not a whole number") == true && state.form?.fields[state.form!.focus].label == "Phase")
        state.press(.ctrl("u"))
        type("2", into: &state)
        let add = state.press(.enter)
        guard case .addRecord(let ref, let values, _)? = edit(add) else { Issue.record("no add: \(add)"); return }
        #expect(ref == RecordRef(.country, "TST") && values["name"] == .string("Testland") && values["phase"] == .number("2"))
        try state.complete(add)
        #expect(state.programme.country("TST")?.scope == .national)
        // e on the new country's row: its form, the stage a choice; the day it changed asked beside it.
        if let row = state.countryRows.firstIndex(of: .country("TST")) { state.countryCursor.index = row }
        state.press(.char("e"))
        #expect(state.form?.purpose == .editRecord(RecordRef(.country, "TST")))
        #expect(state.form?.fields.first?.text == "Testland")
        focus("Stage", in: &state)
        state.press(.right, .right)
        focus("Stage since", in: &state)
        type("2026-10-01", into: &state)
        let set = state.press(.enter)
        guard case .setRecord(_, let changed, let write)? = edit(set) else { Issue.record("no set: \(set)"); return }
        #expect(changed == ["stage": .string("diagnosis")] && write?.on == CalendarDate("2026-10-01") && write?.by == "tester")
        try state.complete(set)
        #expect(state.programme.country("TST")?.stageChanges.count == 1)
        // d asks; n keeps; d, y removes.
        state.press(.char("d"))
        #expect(state.confirmation?.question.contains("Remove the country “Testland”") == true)
        state.press(.char("n"))
        #expect(state.programme.country("TST") != nil)
        state.press(.char("d"))
        try state.complete(state.press(.char("y")))
        #expect(state.programme.country("TST") == nil)
        // u undoes the removal, then the stage (its log with it).
        try state.complete(state.press(.char("u")))
        #expect(state.programme.country("TST")?.stage == .diagnosis)
        try state.complete(state.press(.char("u")))
        #expect(state.programme.country("TST")?.stage == nil && state.programme.country("TST")?.stageChanges.isEmpty == true)
    }

    @Test("the Overview: j selects a contact, v reads it whole, e edits it, a adds another, d removes it; a kind with none has a line where a adds the first")
    func overview() throws {
        var state = try sampleState(width: 120, height: 60)
        for _ in 0..<200 where state.overviewCursor.selection != .record(RecordRef(.contact, "duk-hwan-son")) { state.press(.char("j")) }
        #expect(state.overviewCursor.selection == .record(RecordRef(.contact, "duk-hwan-son")))
        #expect(state.message?.text.contains("e edits") == true)
        state.press(.char("v"))
        #expect(state.overlay == .record(RecordRef(.contact, "duk-hwan-son")))
        #expect(state.overlayLines(width: 100).map(\.text).contains("Title: Senior Program Officer, Policy, Legislation, and Governance Section"))
        state.press(.escape)
        state.press(.char("e"))
        #expect(state.form?.purpose == .editRecord(RecordRef(.contact, "duk-hwan-son")))
        focus("Title", in: &state)
        state.press(.ctrl("u"))
        type("Programme Officer", into: &state)
        let set = state.press(.enter)
        #expect(edit(set) == .setRecord(RecordRef(.contact, "duk-hwan-son"), ["title": .string("Programme Officer")], RecordWrite(by: "tester", at: isoMoment(fixedNow))))
        try state.complete(set)
        state.press(.char("a"))
        #expect(state.form?.purpose == .addRecord(.contact, country: nil))
        state.press(.escape)
        state.press(.char("d"))
        try state.complete(state.press(.char("y")))
        #expect(!state.programme.contacts.contains { $0.id == "duk-hwan-son" })
        // No goals: the Goals line adds the first.
        var empty = try loadSample()
        empty.goals = []
        var fresh = try sampleState(width: 120, height: 60, programme: empty)
        for _ in 0..<10 where fresh.overviewCursor.selection != .kind(.goal, country: nil) { fresh.press(.char("j")) }
        fresh.press(.char("a"))
        #expect(fresh.form?.purpose == .addRecord(.goal, country: nil))
    }

    @Test("the country detail: the stage line edits the country, a policy line edits the policy, a there adds a policy to that country")
    func detail() throws {
        var state = try sampleState(width: 120, height: 40)
        state.send(.selectPanel(.countries))
        state.openDetail("MOZ")
        for _ in 0..<40 where state.detail?.selection != .record(RecordRef(.policy, "moz-nup", country: "MOZ")) { state.press(.char("j")) }
        #expect(state.detail?.selection == .record(RecordRef(.policy, "moz-nup", country: "MOZ")))
        state.press(.char("e"))
        #expect(state.form?.purpose == .editRecord(RecordRef(.policy, "moz-nup", country: "MOZ")))
        focus("Status", in: &state)
        state.press(.right)
        let set = state.press(.enter)
        try state.complete(set)
        #expect(state.programme.country("MOZ")?.policies.first?.status == .pendingApproval)
        state.press(.char("a"))
        #expect(state.form?.purpose == .addRecord(.policy, country: "MOZ") && state.form?.title == "Add a policy to Mozambique")
        state.press(.escape)
        for _ in 0..<40 where state.detail?.selection != .record(RecordRef(.country, "MOZ")) { state.press(.char("k")) }
        state.press(.char("e"))
        #expect(state.form?.purpose == .editRecord(RecordRef(.country, "MOZ")))
    }

    @Test("for every kind: an edit in its form, then u, gives the very bytes back; an add, then u, too")
    func undoEveryKind() throws {
        let refs: [RecordRef] = [RecordRef(.country, "MOZ"), RecordRef(.policy, "moz-nup", country: "MOZ"),
                                 RecordRef(.project, "irn-covid-support", country: "IRN"), RecordRef(.event, "2023-06-side-event"),
                                 RecordRef(.publication, "publication-1"), RecordRef(.contact, "remy-sietchiping"), RecordRef(.partner, "molit"),
                                 RecordRef(.prospect, "LBR"), RecordRef(.goal, "sdg-11"), RecordRef(.phase, "2")]
        for ref in refs {
            var state = try sampleState(width: 120, height: 40)
            let bytes = StoreDocument(programme: state.programme).encoded()
            state.form = .record(ref.kind, ref: ref, country: ref.country, in: state.programme)
            // The first text field that is not a choice: a word appended.
            let field = try #require(state.form?.fields.firstIndex { $0.choices.isEmpty && !$0.text.isEmpty }, "\(ref)")
            state.form?.focus = field
            for c in " (edited)" { state.press(.char(c)) }
            let effects = state.press(.enter)
            #expect(edit(effects) != nil, "\(ref): \(state.form?.error ?? "")")
            try state.complete(effects)
            #expect(StoreDocument(programme: state.programme).encoded() != bytes, "\(ref) changed")
            try state.complete(state.press(.char("u")))
            #expect(StoreDocument(programme: state.programme).encoded() == bytes, "\(ref): u gives the bytes back")
        }
        var state = try sampleState(width: 120, height: 40)
        let bytes = StoreDocument(programme: state.programme).encoded()
        state.form = .record(.partner, ref: nil, country: nil, in: state.programme)
        for c in "kiat" { state.press(.char(c)) }
        state.press(.tab)
        for c in "KIAT" { state.press(.char(c)) }
        try state.complete(state.press(.enter))
        #expect(state.programme.partners.last?.name == "KIAT")
        try state.complete(state.press(.char("u")))
        #expect(StoreDocument(programme: state.programme).encoded() == bytes)
    }

    @Test("read-only: the forms do not open, and the hints do not offer them")
    func readOnly() throws {
        var state = try sampleState(width: 120, height: 40, readOnly: "opened for reading only")
        state.press(.char("2"), .char("a"))
        #expect(state.form == nil)
        #expect(!KeyMap.hints(for: state).contains("a add"))
    }
}

@Suite("Records kept from the front (tmux)", .enabled(if: TmuxSession.available, "tmux is not installed"))
struct FrontRecordTerminalTests {
    let folder = TempFolder()

    func document(_ path: String) throws -> StoreDocument {
        try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
    }

    @Test("an empty store filled from the front: a phase, a country, its milestone, until the Overview shows them; u takes the milestone back off the disk")
    func emptyStoreFilled() throws {
        let path = folder.file("empty.json")
        #expect(try knupp("init", "--store", path, "--officer", "Amina").status == 0)
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --officer Amina --today 2026-11-28", width: 100, height: 40)
        try tmux.waitFor("Phases: none yet")
        for _ in 0..<3 { try tmux.send("j") } // Partners, Goals, Phases
        try tmux.waitFor("No phases yet · a adds one")
        try tmux.fill("Add a phase", ["1", "Phase 1", "2026", "2028"])
        try tmux.waitFor("Added phase 1")
        try tmux.send("2")
        try tmux.waitFor("a adds one")
        try tmux.fill("Add a country", ["TST", "Testland"])
        try tmux.waitFor("Added country TST")
        try tmux.send("Enter")
        try tmux.waitFor("Testland (TST)")
        try tmux.fill("Add a milestone", ["Draft of the NUP", "2027-03"])
        try tmux.waitFor("revision 4")
        try tmux.send("1")
        try tmux.waitFor("2027-03 Draft of the NUP (Testland)")
        let screen = try tmux.capture()
        #expect(screen.contains("Testland ·"), "\(screen)")
        #expect(try knupp("validate", path).status == 0)
        #expect(try document(path).programme.country("TST")?.milestones.map(\.title) == ["Draft of the NUP"])
        try tmux.send("u")
        try tmux.waitFor("Undone")
        #expect(try document(path).programme.country("TST")?.milestones.isEmpty == true)
        try tmux.send("q")
        try tmux.waitFor("[exit 0]")
    }

    @Test("a contact edited on the Overview, then u: the file is the sample's bytes again but for the revision")
    func undoRestoresBytes() throws {
        let path = try folder.copySample()
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --officer Amina --today 2026-11-28", width: 120, height: 60)
        try tmux.waitFor("read-write")
        for _ in 0..<60 {
            if try tmux.capture().contains("Contact “Ms. Duk Hwan Son”") || tmux.capture().contains("Contact “Mr. Duk Hwan Son”") { break }
            try tmux.send("j")
            Thread.sleep(forTimeInterval: 0.03)
        }
        try tmux.send("e")
        try tmux.waitFor("Edit the contact")
        try tmux.send("Tab")
        try tmux.send("C-u")
        try tmux.send("Programme Officer", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("revision 2")
        #expect(try document(path).programme.contacts.last?.title == "Programme Officer")
        try tmux.send("u")
        try tmux.waitFor("revision 3")
        var back = try document(path)
        back.revision = 1
        #expect(back.encoded() == original)
        try tmux.send("q")
        try tmux.waitFor("[exit 0]")
    }
}

@Suite("Reducer: a sync stopped at a conflict")
struct ConflictDialogTests {
    @Test("the dialog names the field and both values whole; m syncs keeping mine, t taking theirs, e closes it saying how; keys under it do nothing")
    func dialog() throws {
        var state = try sampleState(width: 100, height: 30)
        _ = state.send(.sync)
        state.send(.syncConflict(field: "programme.countries[id MOZ].name", ours: "\"Moçambique\"", theirs: "\"Mozambique (RM)\""))
        #expect(state.busy == nil && state.syncConflict != nil)
        let screen = state.screenText
        #expect(screen.contains("Sync stopped: a conflict") && screen.contains("yours:  \"Moçambique\"") && screen.contains("theirs: \"Mozambique (RM)\""), "\(screen)")
        #expect(screen.contains("m keep mine · t take theirs · e set a value myself"))
        #expect(state.press(.char("j")).isEmpty && state.syncConflict != nil)
        let keep = state.press(.char("m"))
        #expect(keep == [.sync(prefer: .mine)] && state.syncConflict == nil && state.busy == .syncing)
        state.send(.synced(message: "Synced", ok: true))
        state.send(.syncConflict(field: "f", ours: "1", theirs: "2"))
        #expect(state.press(.char("t")) == [.sync(prefer: .theirs)])
        state.send(.synced(message: "Synced", ok: true))
        state.send(.syncConflict(field: "f", ours: "1", theirs: "2"))
        #expect(state.press(.char("e")).isEmpty && state.syncConflict == nil && state.message?.text.contains("then t (take theirs)") == true)
    }
}

@Suite("Reducer: what the record refuses, the front says at once")
struct FrontRefusalTests {
    @Test("a phase nobody has keeps the form open saying why; d on a phase with countries says why without asking, undo history kept; after u the cursor stays on its country")
    func refusals() throws {
        var state = try sampleState(width: 120, height: 40)
        state.press(.char("2"))
        if let row = state.countryRows.firstIndex(of: .country("NGA")) { state.countryCursor.index = row }
        state.press(.char("e"))
        for _ in 0..<20 where state.form.map({ $0.fields[$0.focus].label != "Phase" }) ?? false { state.press(.tab) }
        type("9", into: &state) // "19"
        #expect(state.press(.enter).isEmpty)
        #expect(state.form?.error?.contains("19 is not a phase") == true, "\(state.form?.error ?? "")")
        state.press(.escape)
        // A tick to undo later: the history must survive a refusal.
        state.press(.char("4"))
        try state.complete(state.press(.char(" ")))
        let history = state.undoStack.count
        state.press(.char("1"))
        for _ in 0..<60 where state.overviewCursor.selection != .record(RecordRef(.phase, "1")) { state.press(.char("j")) }
        state.press(.char("d"))
        #expect(state.confirmation == nil && state.message?.text.contains("phase 1 stays") == true, "\(state.message?.text ?? "")")
        #expect(state.undoStack.count == history)
        // Undo of a phase move: the Countries cursor follows the country, not its old row.
        var moved = try sampleState(width: 120, height: 40)
        moved.press(.char("2"))
        if let row = moved.countryRows.firstIndex(of: .country("NGA")) { moved.countryCursor.index = row }
        try moved.complete(moved.commit(.setRecord(RecordRef(.country, "NGA"), ["phase": .number("2")], nil)))
        #expect(moved.countryRows[moved.countryCursor.index] == .country("NGA"))
        try moved.complete(moved.press(.char("u")))
        #expect(moved.countryRows[moved.countryCursor.index] == .country("NGA"), "after u, still on Nigeria")
    }
}
