import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation

/// Planned against actual: a due that moves keeps its first plan and lists each move; the slip
/// is counted and shown; as-of reports see the due as planned then.
@Suite("Planned against actual: due moves, slip, slippage")
struct SlippageTests {
    @Test("due twice: the first plan is kept, both moves listed with who, when and why; slippage --json says +121 days (+4 mo) for 2026-11 → 2027-03")
    func dueTwice() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let first = try knupp("due", "phase-2-completion", "2027-03", "--store", path, "--officer", "Amina", "--reason", "the ministry's review")
        #expect(first.status == 0 && first.stdout.contains("Moved the due of “Phase 2 implementation completed” from 2026-11 to 2027-03"), "\(first.stdout)\(first.stderr)")
        var m = try #require(try storedProgramme(path).milestone("phase-2-completion"))
        #expect(m.due == CalendarDate("2027-03") && m.plannedDue == CalendarDate("2026-11") && m.dueChanges.count == 1)
        let json = try knupp("slippage", "--store", path, "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let line = try #require((object["milestones"] as? [[String: Any]])?.first)
        #expect(line["id"] as? String == "phase-2-completion" && line["slipDays"] as? Int == 121 && line["slip"] as? String == "+4 mo")
        #expect(line["planned"] as? String == "2026-11" && line["current"] as? String == "2027-03" && line["lastReason"] as? String == "the ministry's review")
        // A second move: the first plan stays; two moves, each with its officer and moment.
        #expect(try knupp("due", "phase-2-comp", "2027-05-15", "--store", path, "--officer", "Ji-woo").status == 0)
        m = try #require(try storedProgramme(path).milestone("phase-2-completion"))
        #expect(m.plannedDue == CalendarDate("2026-11") && m.due == CalendarDate("2027-05-15"))
        #expect(m.dueChanges.map(\.by) == ["Amina", "Ji-woo"] && m.dueChanges.allSatisfy { Moment.isValid($0.at) })
        #expect(m.dueChanges.map(\.from) == [CalendarDate("2026-11"), CalendarDate("2027-03")] && m.dueChanges[1].reason == nil)
        // Day against month: counted in days (2026-11-30 → 2027-05-15).
        #expect(m.slip(in: .current) == Slip(planned: CalendarDate("2026-11")!, actual: CalendarDate("2027-05-15")!))
        #expect(m.slip(in: .current)?.days == 166 && m.slip(in: .current)?.description == "+166 d")
        // The same due again: nothing to save, nothing written.
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let same = try knupp("due", "phase-2-completion", "2027-05-15", "--store", path)
        #expect(same.status == 0 && same.stdout.contains("already due 2027-05-15"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        // Not a date: refused, nothing written.
        let bad = try knupp("due", "phase-2-completion", "next spring", "--store", path)
        #expect(bad.status == 64 && bad.stderr.contains("is not a date"), "\(bad.stderr)")
        // The table names it.
        let table = try knupp("slippage", "--store", path)
        #expect(table.stdout.contains("phase-2-completion") && table.stdout.contains("+166 d") && table.stdout.contains("2026-11"), "\(table.stdout)")
        // --min-days leaves out what slipped less; --country another country's.
        #expect(try !knupp("slippage", "--store", path, "--min-days", "200").stdout.contains("phase-2-completion"))
        #expect(try !knupp("slippage", "--store", path, "--country", "moz").stdout.contains("phase-2-completion"))
    }

    @Test("an as-of report before a move shows the due as planned then (the moves replayed back); after it, the new due and the slippage section")
    func asOfReplaysMoves() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        var document = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
        try document.programme.apply(.moveDue(milestone: "phase-2-completion", to: CalendarDate("2027-03"),
                                              move: DateMove(by: "Amina", at: "2026-01-10T02:00:00Z", reason: "review")))
        try document.programme.apply(.moveDue(milestone: "phase-2-completion", to: CalendarDate("2027-06"),
                                              move: DateMove(by: "Amina", at: "2026-06-10T02:00:00Z", reason: "elections")))
        try document.encoded().write(to: URL(fileURLWithPath: path))
        func line(asOf day: String, tz: String = "UTC") throws -> [String: Any] {
            let out = try knupp(["report", "--store", path, "--format", "json", "--as-of", day, "--today", "2026-11-28"], environment: ["TZ": tz]).stdout
            let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
            let phases = try #require(object["phases"] as? [[String: Any]])
            let milestones = phases.flatMap { ($0["milestones"] as? [[String: Any]]) ?? [] }
            return try #require(milestones.first { $0["id"] as? String == "phase-2-completion" })
        }
        let before = try line(asOf: "2025-12-31")
        #expect(before["due"] as? String == "2026-11" && before["plannedDue"] == nil && before["dueChanges"] == nil)
        let between = try line(asOf: "2026-03-01")
        #expect(between["due"] as? String == "2027-03" && between["plannedDue"] as? String == "2026-11")
        #expect((between["dueChanges"] as? [[String: Any]])?.count == 1 && between["slipDays"] as? Int == 121)
        let after = try line(asOf: "2026-11-28")
        #expect(after["due"] as? String == "2027-06" && (after["dueChanges"] as? [[String: Any]])?.count == 2)
        // The second move was made on 2026-06-10 at 11:00 in Seoul, still 06-10 in UTC: both zones agree on the day.
        #expect(try line(asOf: "2026-06-09", tz: "Asia/Seoul")["due"] as? String == "2027-03")
        #expect(try line(asOf: "2026-06-10", tz: "Asia/Seoul")["due"] as? String == "2027-06")
        // Every format has the Slippage section; the CSV its columns.
        let md = try knupp(["report", "--store", path, "--today", "2026-11-28"], environment: ["TZ": "UTC"]).stdout
        #expect(md.contains("## Slippage") && md.contains("| Phase 2 implementation completed (`phase-2-completion`) | Phase 2 | 2026-11 | 2027-06 | +7 mo | 2 | elections |"), "\(md)")
        #expect(md.contains("(due 2027-06, planned 2026-11)"))
        let html = try knupp(["report", "--store", path, "--format", "html", "--today", "2026-11-28"], environment: ["TZ": "UTC"]).stdout
        #expect(html.contains("<h2>Slippage</h2>") && html.contains("+7 mo") && html.contains("planned 2026-11</title>"))
        let csv = try knupp(["report", "--store", path, "--format", "csv", "--today", "2026-11-28"], environment: ["TZ": "UTC"]).stdout
        let header = try #require(csv.split(separator: "\r\n").first).split(separator: ",").map(String.init)
        let row = try #require(csv.split(separator: "\r\n").first { $0.contains(",phase-2-completion,") })
        for column in ["planned_due", "slip_days", "due_changes", "done_on"] { #expect(header.contains(column)) }
        #expect(row.contains(",2026-11,212,") && row.contains("2026-11 → 2027-03 on 2026-01-10T02:00:00Z by Amina: review; 2027-03 → 2027-06"), "\(row)")
    }

    @Test("a phase's planned end moves with its first plan kept; its actual end is recorded, never after today; as of before, neither shows")
    func phaseEnds() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        func phase2(_ arguments: String...) throws -> String {
            try knupp(["report", "--store", path, "--today", "2026-12-03"] + arguments, environment: ["TZ": "UTC"]).stdout
                .components(separatedBy: "\n").first { $0.hasPrefix("- Milestones: ") && $0.contains("of 7") } ?? ""
        }
        let before = try phase2()
        #expect(before.hasPrefix("- Milestones: 6 of 7 done"), "\(before)")
        // Options before the inner command, as officers type them.
        let moved = try knupp("--store", path, "--officer", "Amina", "phase", "end", "2", "2027-06", "--reason", "extension agreed")
        #expect(moved.status == 0 && moved.stdout.contains("Moved the planned end of Phase 2 from 2026-11 to 2027-06"), "\(moved.stdout)\(moved.stderr)")
        var phase = try #require(try storedProgramme(path).phase(2))
        #expect(phase.end == CalendarDate("2027-06") && phase.plannedEnd == CalendarDate("2026-11") && phase.endChanges.first?.reason == "extension agreed")
        // Extending the phase does not take back what it had achieved (known by the end first planned).
        #expect(try phase2() == before)
        #expect(try phase2("--as-of", "2026-12-02") == before)
        #expect(try knupp(["report", "--store", path, "--today", "2026-12-03"], environment: ["TZ": "UTC"]).stdout.contains("date not recorded; by 2026-11"))
        let future = try knupp("phase", "actual-end", "1", "2027-01", "--store", path, "--today", "2026-11-28")
        #expect(future.status == 64 && future.stderr.contains("has not come yet") && !future.stderr.contains("Usage"), "\(future.stderr)")
        // Options between the command and its own, too.
        #expect(try knupp("phase", "--store", path, "actual-end", "1", "2022-12").status == 0)
        #expect(try knupp("show", "programme", "--store", path).stdout.contains("2017–2022-12"), "the period ends where it ended")
        phase = try #require(try storedProgramme(path).phase(1))
        #expect(phase.actualEnd == CalendarDate("2022-12") && phase.plannedEnd == nil)
        let early = try knupp("phase", "end", "2", "2021", "--store", path)
        #expect(early.status == 64 && early.stderr.contains("before Phase 2 began"), "\(early.stderr)")
        // --today may look back, never ahead, for a change: "never after today" holds for everyone.
        let ahead = try knupp("tick", "irn-nup-approval", "--on", "2029-06-01", "--today", "2030-01-01", "--store", path)
        #expect(ahead.status == 64 && ahead.stderr.contains("after the clock's day"), "\(ahead.stderr)")
        let missing = try knupp("phase", "end", "9", "2030", "--store", path)
        #expect(missing.status == 3 && missing.stderr.contains("no phase 9"))
        let text = try knupp("slippage", "--store", path).stdout
        #expect(text.contains("Phase 2 is to end 2027-06 (planned 2026-11, +7 mo, moved 1×: extension agreed).") && text.contains("Phase 1 ended 2022-12"), "\(text)")
        let old = try knupp(["report", "--store", path, "--format", "json", "--as-of", "2022-06-30", "--today", "2026-11-28"], environment: ["TZ": "UTC"]).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(old.utf8)) as? [String: Any])
        #expect((object["phaseEnds"] as? [Any])?.isEmpty == true, "as of 2022-06-30 nothing had moved or ended: \(object["phaseEnds"] ?? "")")
    }
}
