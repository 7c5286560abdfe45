import Foundation
import Model
import Presentation
import Testing
import TestSupport
@testable import TUI

/// A milestone's edit form left open while a colleague saves (a review's finding: the form wrote
/// back every field it showed, and the colleague's note, title or due were silently undone).
@Suite("Edit form against a colleague's save")
struct StaleFormTests {
    let at = DateMove(by: "Jisoo", at: "2026-12-03T09:00:00Z", reason: "")
    let today = CalendarDate("2026-12-03")!

    func onDisk(_ path: String, _ id: String) throws -> Milestone {
        try #require(try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path).programme.milestone(id))
    }

    func set(_ form: inout FormState, _ field: Int, _ text: String) {
        form.fields[field] = TextField(label: form.fields[field].label, text: text, placeholder: "")
    }

    @Test("the officer's changed field is saved, the colleague's saved meanwhile kept: whether the front reloaded their save before Enter or the save meets it")
    func onlyWhatChanged() throws {
        for reloaded in [false, true] {
            let folder = TempFolder()
            let path = try folder.copySample()
            let mine = try ProgrammeStore.open(path: path, officer: "Jisoo")
            let opened = try #require(mine.programme.milestone("irn-nup-approval"))
            var form = FormState.editMilestone(opened)
            // Amina, in her own knupp, writes a new note and title and moves the due.
            try writeAsAnotherOfficer(path, .editMilestone(id: opened.id, title: "Approved by the cabinet", due: CalendarDate("2027-03"),
                                                           note: "Amina's note", evidence: nil,
                                                           move: DateMove(by: "Amina", at: "2026-12-03T08:00:00Z", reason: "the cabinet meets later")))
            // Jisoo adds evidence only and saves (the front has seen Amina's save, or not yet).
            set(&form, 3, "https://example.org/decree")
            let programme = reloaded ? try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path).programme : mine.programme
            guard case .success(let edit) = form.edit(in: programme, move: at, today: today) else {
                Issue.record("reloaded \(reloaded): the form refused evidence alone (\(form.edit(in: programme, move: at, today: today)))"); continue
            }
            try mine.commit(edit)
            let saved = try onDisk(path, opened.id)
            #expect(saved.evidence == "https://example.org/decree", "reloaded \(reloaded): Jisoo's evidence")
            #expect(saved.note == "Amina's note" && saved.title == "Approved by the cabinet", "reloaded \(reloaded): Amina's note and title undone")
            #expect(saved.due == CalendarDate("2027-03") && saved.dueChanges.count == 1, "reloaded \(reloaded): Amina's move undone or listed twice")
        }
    }

    @Test("a field both changed is the saver's; clearing a field the colleague left alone clears it; a due the officer moves still needs its reason")
    func changedBoth() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let mine = try ProgrammeStore.open(path: path, officer: "Jisoo")
        let opened = try #require(mine.programme.milestone("irn-nup-approval"))
        #expect(opened.note != nil, "the sample's milestone has a note to clear")
        var form = FormState.editMilestone(opened)
        try writeAsAnotherOfficer(path, .editMilestone(id: opened.id, title: "Amina's title", due: opened.due, note: opened.note, evidence: "Amina's evidence"))
        set(&form, 0, "Jisoo's title")
        set(&form, 2, "")
        set(&form, 1, "2028")
        guard case .failure(let missing) = form.edit(in: mine.programme, move: at, today: today) else { Issue.record("a moved due without a reason saved"); return }
        #expect(missing.field == 4)
        set(&form, 4, "the ministry asked")
        guard case .success(let edit) = form.edit(in: mine.programme, move: at, today: today) else { Issue.record("refused"); return }
        try mine.commit(edit)
        let saved = try onDisk(path, opened.id)
        #expect(saved.title == "Jisoo's title" && saved.note == nil && saved.evidence == "Amina's evidence")
        #expect(saved.due == CalendarDate("2028") && saved.dueChanges.last?.reason == "the ministry asked")
    }

    @Test("a record's form reloaded under a colleague's save writes only the field the officer changed (a policy's note, not their title)")
    func recordForm() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let ref = RecordRef(.policy, "irn-nup", country: "IRN")
        let mine = try ProgrammeStore.open(path: path, officer: "Jisoo")
        var form = FormState.record(.policy, ref: ref, country: "IRN", in: mine.programme)
        try writeAsAnotherOfficer(path, .setRecord(ref, ["title": .string("Amina's title")], RecordWrite(by: "Amina", at: "2026-12-03T08:00:00Z")))
        let reloaded = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path).programme
        let note = try #require(form.keys.firstIndex(of: "note"))
        set(&form, note, "Jisoo's note")
        guard case .success(let edit) = form.recordEdit(in: reloaded, write: RecordWrite(by: "Jisoo", at: "2026-12-03T09:00:00Z")) else {
            Issue.record("refused"); return
        }
        #expect(edit == .setRecord(ref, ["note": .string("Jisoo's note")], RecordWrite(by: "Jisoo", at: "2026-12-03T09:00:00Z")), "\(edit)")
        try mine.commit(edit)
        let policy = try #require(try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path).programme.country("IRN")?.policies.first)
        #expect(policy.title == "Amina's title" && policy.note == "Jisoo's note")
    }
}
