import Testing
@testable import Model
import TestSupport
@testable import Presentation

@Suite("Progress and overdue rules")
struct ProgressTests {
    @Test("overdue means open and due before today; a month counts until it is over", arguments: [
        // due, done, today, overdue
        ("2026-11", false, "2026-11-28", false),
        ("2026-11", false, "2026-11-30", false),
        ("2026-11", false, "2026-12-01", true),
        ("2026-11-27", false, "2026-11-28", true),
        ("2026-11-28", false, "2026-11-28", false),
        ("2026-11-27", true, "2026-11-28", false),
        ("2025", false, "2025-12-31", false),
        ("2025", false, "2026-01-01", true),
    ])
    func overdue(due: String, done: Bool, today: String, expected: Bool) {
        let m = Milestone(id: "m", title: "M", due: day(due), done: done)
        #expect(m.isOverdue(today: day(today)) == expected)
        #expect(m.status(today: day(today)) == (done ? .done : (expected ? .overdue : .open)))
    }

    @Test("a milestone with no due day is never overdue")
    func undated() {
        #expect(!Milestone(id: "m", title: "M").isOverdue(today: day("2099-01-01")))
    }

    @Test("done/total and percent per country, per phase and for the programme")
    func progress() throws {
        let p = try loadSample()
        #expect(p.progress(country: "IRN") == MilestoneProgress(done: 0, total: 1))
        #expect(p.progress(country: "NGA") == MilestoneProgress(done: 1, total: 1))
        #expect(p.progress(phase: 1) == MilestoneProgress(done: 8, total: 9))
        #expect(p.progress(phase: 2) == MilestoneProgress(done: 6, total: 7))
        #expect(p.progress == MilestoneProgress(done: 14, total: 16))
        #expect(p.progress.percent == 88) // 87.5% to the nearest
        #expect(MilestoneProgress(done: 0, total: 0).percent == 0)
        #expect(MilestoneProgress(done: 8, total: 9).percent == 89)
        #expect(MilestoneProgress(done: 999, total: 1000).percent == 99, "never 100% while one is open")
        #expect(MilestoneProgress(done: 1, total: 1000).percent == 1, "never 0% once one is done")
        #expect(MilestoneProgress(done: 3, total: 3).percent == 100)
    }

    @Test("Phase 2's completion becomes overdue once November 2026 is over")
    func phaseTwoDeadline() throws {
        let p = try loadSample()
        #expect(p.overdue(today: day("2026-11-28")).isEmpty)
        #expect(p.dueNext(today: day("2026-11-28")).map(\.milestone.id) == ["phase-2-completion"])
        #expect(p.overdue(today: day("2026-12-01")).map(\.milestone.id) == ["phase-2-completion"])
    }

    @Test("dates parse only when they exist", arguments: [
        ("2026-02-29", false), ("2024-02-29", true), ("2026-13", false), ("2026-00-10", false),
        ("2026-1-1", false), ("26-01-01", false), ("2026-11-28", true), ("2026", true), ("", false), ("２０２６", false),
    ])
    func parsing(text: String, valid: Bool) {
        #expect((CalendarDate(text) != nil) == valid)
    }

    @Test("ordinals round-trip through days")
    func ordinals() {
        for ordinal in stride(from: -800, to: 30_000, by: 37) {
            let date = CalendarDate.fromOrdinal(ordinal)
            #expect(date.firstOrdinal == ordinal)
        }
        #expect(day("1970-01-01").firstOrdinal == 0)
        #expect(day("2026-11").lastOrdinal - day("2026-11").firstOrdinal == 29)
    }
}
