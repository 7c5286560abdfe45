import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation

@Suite("Edits: tick, untick, add, edit, remove, notes, and their inverses")
struct EditTests {
    @Test("a tick records who and when; untick clears it")
    func tick() throws {
        var p = try loadSample()
        try p.apply(.tick(milestone: "irn-nup-approval", by: "alice", at: "2026-11-28T10:00:00Z"))
        let m = try #require(p.milestone("irn-nup-approval"))
        #expect(m.done && m.doneBy == "alice" && m.doneAt == "2026-11-28T10:00:00Z")
        try p.apply(.untick(milestone: "irn-nup-approval"))
        let open = try #require(p.milestone("irn-nup-approval"))
        #expect(!open.done && open.doneBy == nil && open.doneAt == nil)
    }

    @Test("ticking a milestone someone already ticked keeps their record")
    func tickTwice() throws {
        var p = try loadSample()
        try p.apply(.tick(milestone: "irn-nup-approval", by: "alice", at: "2026-11-28T10:00:00Z"))
        try p.apply(.tick(milestone: "irn-nup-approval", by: "bob", at: "2026-11-28T11:00:00Z"))
        #expect(p.milestone("irn-nup-approval")?.doneBy == "alice")
    }

    @Test("unknown ids and empty titles are refused with a clear error")
    func errors() throws {
        let p = try loadSample()
        #expect(throws: EditError.unknownMilestone("nope")) { try p.applying(.untick(milestone: "nope")) }
        #expect(throws: EditError.unknownCountry("XXX")) { try p.applying(.setCountryNotes(country: "XXX", notes: "")) }
        #expect(throws: EditError.emptyTitle) { try p.applying(.addMilestone(Milestone(id: "x", title: "  "), to: .country("MOZ"), at: nil)) }
        #expect(throws: EditError.duplicateMilestone("moz-nup-draft")) {
            try p.applying(.addMilestone(Milestone(id: "moz-nup-draft", title: "Again"), to: .country("MOZ"), at: nil))
        }
        #expect(throws: EditError.unknownPhase(9)) { try p.applying(.addMilestone(Milestone(id: "x", title: "X"), to: .phase(9), at: nil)) }
        #expect(EditError.unknownMilestone("nope").description.contains("nope"))
    }

    @Test("add, edit and remove a milestone")
    func addEditRemove() throws {
        var p = try loadSample()
        let id = p.newMilestoneID(for: .country("MOZ"))
        #expect(id == "moz-2")
        try p.apply(.addMilestone(Milestone(id: id, title: "NUP validated", due: day("2027-03-31")), to: .country("MOZ"), at: nil))
        #expect(p.country("MOZ")?.milestones.map(\.id) == ["moz-nup-draft", "moz-2"])
        try p.apply(.tick(milestone: id, by: "alice", at: "2026-11-28T10:00:00Z"))
        try p.apply(.editMilestone(id: id, title: "NUP validated by the ministry", due: day("2027-04-30"), note: "n", evidence: "doc-1"))
        let m = try #require(p.milestone(id))
        #expect(m.title == "NUP validated by the ministry" && m.due == day("2027-04-30") && m.evidence == "doc-1")
        #expect(m.doneBy == "alice") // editing does not touch the tick record
        try p.apply(.removeMilestone(id))
        #expect(p.milestone(id) == nil)
    }

    @Test("every edit's inverse restores the programme exactly", arguments: [
        Edit.tick(milestone: "irn-nup-approval", by: "alice", at: "2026-11-28T10:00:00Z", note: "approved"),
        Edit.untick(milestone: "moz-nup-draft"),
        Edit.removeMilestone("phase-1-evaluation"),
        Edit.addMilestone(Milestone(id: "new", title: "New"), to: .phase(2), at: 0),
        Edit.editMilestone(id: "phase-2-completion", title: "Done", due: nil, note: nil, evidence: "x"),
        Edit.setCountryNotes(country: "PRY", notes: "Line one\nLine two"),
    ])
    func inverse(edit: Edit) throws {
        let before = try loadSample()
        let undo = try before.inverse(of: edit)
        let after = try before.applying(edit)
        #expect(after != before)
        #expect(try after.applying(undo) == before)
    }

    @Test("a country is found by id, name or a unique prefix")
    func lookup() throws {
        let p = try loadSample()
        #expect(p.findCountry("moz") == .found(try #require(p.country("MOZ"))))
        #expect(p.findCountry("Mozambique") == .found(try #require(p.country("MOZ"))))
        #expect(p.findCountry("niger state") == .found(try #require(p.country("NGA"))))
        #expect(p.findCountry("par") == .found(try #require(p.country("PRY"))))
        if case .ambiguous(let matches) = p.findCountry("m") { #expect(matches.map(\.id) == ["MMR", "MOZ"]) } else { Issue.record("m should be ambiguous") }
        #expect(p.findCountry("france") == .notFound)
    }
}
