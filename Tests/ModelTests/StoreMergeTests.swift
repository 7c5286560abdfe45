import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation

/// Two officers' copies merged record by record; nothing either ticked is lost.
@Suite("Store merge (git merge driver)")
struct StoreMergeTests {
    func file(_ programme: Programme, revision: Int) -> Data {
        StoreDocument(revision: revision, programme: programme).encoded()
    }

    func merged(_ base: Programme, _ ours: Programme, _ theirs: Programme) throws -> StoreDocument {
        let data = try StoreMerge.merge(base: file(base, revision: 1), ours: file(ours, revision: 2),
                                        theirs: file(theirs, revision: 3), path: "p.json")
        return try StoreDocument.decode(data, path: "p.json")
    }

    @Test("ticks of different milestones on each side are both kept; the revision moves past both")
    func differentTicks() throws {
        let base = try loadSample()
        let ours = try base.applying(.tick(milestone: "irn-nup-approval", by: "amina", at: "2026-11-28T09:00:00Z"))
        let theirs = try base.applying(.tick(milestone: "phase-2-completion", by: "bongani", at: "2026-11-28T10:00:00Z"))
        let result = try merged(base, ours, theirs)
        #expect(result.programme.milestone("irn-nup-approval")?.doneBy == "amina")
        #expect(result.programme.milestone("phase-2-completion")?.doneBy == "bongani")
        #expect(result.revision == 4)
    }

    @Test("the same milestone ticked on both sides keeps the first tick")
    func sameTick() throws {
        let base = try loadSample()
        let ours = try base.applying(.tick(milestone: "irn-nup-approval", by: "amina", at: "2026-11-28T11:00:00Z"))
        let theirs = try base.applying(.tick(milestone: "irn-nup-approval", by: "bongani", at: "2026-11-28T10:00:00Z"))
        let m = try #require(try merged(base, ours, theirs).programme.milestone("irn-nup-approval"))
        #expect(m.done && m.doneBy == "bongani" && m.doneAt == "2026-11-28T10:00:00Z")
    }

    @Test("milestones added on both sides are all kept, each after its neighbour")
    func additions() throws {
        let base = try loadSample()
        let ours = try base.applying(.addMilestone(Milestone(id: "pry-1", title: "Ours"), to: .country("PRY"), at: nil))
        let theirs = try base.applying(.addMilestone(Milestone(id: "pry-2", title: "Theirs"), to: .country("PRY"), at: nil))
            .applying(.addMilestone(Milestone(id: "moz-2", title: "Theirs too"), to: .country("MOZ"), at: nil))
        let result = try merged(base, ours, theirs).programme
        #expect(result.country("PRY")?.milestones.map(\.id) == ["pry-1", "pry-2"])
        #expect(result.country("MOZ")?.milestones.map(\.id) == ["moz-nup-draft", "moz-2"])
    }

    @Test("the same due moved differently on both sides is a conflict; moves of different milestones are both kept, each with its first plan")
    func dueMoves() throws {
        let base = try loadSample()
        let ours = try base.applying(.moveDue(milestone: "phase-2-completion", to: CalendarDate("2027-03"),
                                              move: DateMove(by: "amina", at: "2026-11-28T09:00:00Z", reason: "review")))
        let theirs = try base.applying(.moveDue(milestone: "phase-2-completion", to: CalendarDate("2027-06"),
                                                move: DateMove(by: "bongani", at: "2026-11-28T10:00:00Z", reason: "elections")))
        #expect(throws: StoreMerge.Conflict.self) { try merged(base, ours, theirs) }
        let other = try base.applying(.moveDue(milestone: "moz-nup-draft", to: CalendarDate("2027-01"),
                                               move: DateMove(by: "bongani", at: "2026-11-28T10:00:00Z")))
        let result = try merged(base, ours, other).programme
        let a = try #require(result.milestone("phase-2-completion")), b = try #require(result.milestone("moz-nup-draft"))
        #expect(a.due == CalendarDate("2027-03") && a.plannedDue == CalendarDate("2026-11") && a.dueChanges.map(\.by) == ["amina"])
        #expect(b.due == CalendarDate("2027-01") && b.plannedDue == base.milestone("moz-nup-draft")?.due && b.dueChanges.map(\.by) == ["bongani"])
    }

    @Test("a removal on one side and no change on the other removes; a change on the other is a conflict")
    func removals() throws {
        let base = try loadSample()
        let ours = try base.applying(.removeMilestone("irn-nup-approval"))
        #expect(try merged(base, ours, base).programme.milestone("irn-nup-approval") == nil)
        let theirs = try base.applying(.tick(milestone: "irn-nup-approval", by: "bongani", at: "2026-11-28T10:00:00Z"))
        #expect(throws: StoreMerge.Conflict.self) { try merged(base, ours, theirs) }
        #expect(throws: StoreMerge.Conflict.self) { try merged(base, theirs, ours) }
    }

    @Test("the same field changed differently on both sides is a conflict that names it")
    func conflict() throws {
        let base = try loadSample()
        let ours = try base.applying(.setCountryNotes(country: "MOZ", notes: "Ours"))
        let theirs = try base.applying(.setCountryNotes(country: "MOZ", notes: "Theirs"))
        do {
            _ = try merged(base, ours, theirs)
            Issue.record("no conflict")
        } catch let conflict as StoreMerge.Conflict {
            #expect(conflict.field == "programme.countries[id MOZ].notes")
        }
    }

    @Test("text with escapes survives the merge unchanged")
    func escapes() throws {
        let base = try loadSample()
        let notes = "Quote \" backslash \\ tab\t newline\n 서울 é 🇰🇷 \u{1B}"
        let ours = try base.applying(.setCountryNotes(country: "PRY", notes: notes))
        let theirs = try base.applying(.untick(milestone: "moz-nup-draft"))
        let result = try merged(base, ours, theirs).programme
        #expect(result.country("PRY")?.notes == notes)
        #expect(result.milestone("moz-nup-draft")?.done == false)
    }

    @Test("keys this version does not know, at every level, survive a merge of ticks on both sides")
    func unknownKeysMerge() throws {
        var base = try loadSample()
        base.unknownFields["budgetLine"] = .string("K-NUPP/2026")
        base.countries[0].unknownFields["focalPoint"] = .object(["name": .string("N. Rahimi")])
        base.countries[0].milestones[0].unknownFields["weight"] = .number("2.5")
        base.countries[0].scope.unknownFields["region"] = .string("West Asia")
        base.phases[1].unknownFields["donorCode"] = .number("7")
        let ours = try base.applying(.tick(milestone: "irn-nup-approval", by: "amina", at: "2026-11-28T09:00:00Z"))
        var theirs = try base.applying(.tick(milestone: "phase-2-completion", by: "bongani", at: "2026-11-28T10:00:00Z"))
        theirs.countries[1].unknownFields["addedByTheirs"] = .bool(true)
        let result = try merged(base, ours, theirs).programme
        #expect(result.unknownFields["budgetLine"] == .string("K-NUPP/2026"))
        #expect(result.countries[0].unknownFields["focalPoint"] == .object(["name": .string("N. Rahimi")]))
        #expect(result.countries[0].milestones[0].unknownFields["weight"] == .number("2.5"))
        #expect(result.countries[0].milestones[0].doneBy == "amina")
        #expect(result.countries[0].scope.unknownFields["region"] == .string("West Asia"))
        #expect(result.phases[1].unknownFields["donorCode"] == .number("7"))
        #expect(result.countries[1].unknownFields["addedByTheirs"] == .bool(true))
        #expect(result.milestone("phase-2-completion")?.doneBy == "bongani")
    }
}

@Suite("Merge: a conflict settled by the officer's choice")
struct MergePreferenceTests {
    func data(_ p: Programme) -> Data { StoreDocument(programme: p).encoded() }

    @Test("keep mine, take theirs: a field both changed, a record one removed and the other changed; each settled field listed; no choice still stops")
    func settle() throws {
        let base = try loadSample()
        var ours = base, theirs = base
        ours.countries[0].name = "Iran (ours)"
        theirs.countries[0].name = "Iran (theirs)"
        ours.contacts.removeAll { $0.id == "duk-hwan-son" }
        theirs.contacts[1].title = "Changed by them"
        #expect(throws: StoreMerge.Conflict.self) { try StoreMerge.merge(base: data(base), ours: data(ours), theirs: data(theirs), path: "p") }
        for prefer in StoreMerge.Preference.allCases {
            var resolved: [StoreMerge.Conflict] = []
            let merged = try StoreMerge.merge(base: data(base), ours: data(ours), theirs: data(theirs), path: "p", prefer: prefer, resolved: &resolved)
            let p = try StoreDocument.decode(merged, path: "p").programme
            #expect(resolved.count == 2, "\(prefer): \(resolved)")
            #expect(p.countries[0].name == (prefer == .mine ? "Iran (ours)" : "Iran (theirs)"))
            #expect(p.contacts.map(\.id) == (prefer == .mine ? ["remy-sietchiping"] : ["remy-sietchiping", "duk-hwan-son"]))
            if prefer == .theirs { #expect(p.contacts[1].title == "Changed by them") }
        }
    }
}
