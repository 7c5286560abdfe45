import Foundation
import Testing
@testable import Model
@testable import TUI
import TestSupport
@testable import Presentation

/// The timeline tells the truth: each label stands in the column that holds its first day, zoom
/// keeps the selected mark (or today) in view, fit shows every dated item, g goes to a year, A
/// lists a period.
@Suite("Timeline: labels, zoom, fit, go to, agenda")
struct TimelineTruthTests {
    /// The sample with a milestone due 2027-06 (after every phase).
    func programme() throws -> Programme {
        var p = try loadSample()
        p.countries[6].milestones.append(Milestone(id: "moz-late", title: "Late one", due: CalendarDate("2027-06")))
        return p
    }

    /// Each label on the axis row with the column it starts in.
    func labels(_ state: AppState) -> [(text: String, column: Int)] {
        let screen = AppView.render(state)
        let left = TimelineLayout.labelWidth + 1
        guard let y = (0..<screen.height).first(where: { row in (0..<8).map { screen[$0, row].text }.joined() == "Timeline" }) else { return [] }
        var result: [(String, Int)] = []
        var x = left, word = "", start = 0
        while x <= screen.width {
            let c = x < screen.width ? screen[x, y].text : " "
            if c == " " || c.isEmpty { if !word.isEmpty { result.append((word, start - left)) }; word = "" } else { if word.isEmpty { start = x }; word += c }
            x += 1
        }
        return result
    }

    @Test("every year, quarter and month label stands in the column holding its first day, at every zoom and width", arguments: [80, 120, 200])
    func labelsAtTheirColumns(width: Int) throws {
        var state = try sampleState(width: width, height: 30, programme: try programme())
        state.press(.char("3"))
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        var checked = 0
        for step in 0..<4 {
            if step > 0 { state.press(.char("+")) }
            let layout = TimelineLayout(state: state)
            for (text, column) in labels(state) {
                let first = layout.firstDay(ofColumn: column), last = first + layout.daysPerColumn - 1
                let days = (first...last).map(CalendarDate.fromOrdinal)
                if let year = Int(text) {
                    #expect(days.contains { $0.year == year && $0.month == 1 && $0.day == 1 }, "\(text) at column \(column), zoom step \(step)")
                } else if text.count == 2, text.first == "Q", let q = Int(String(text.last!)) {
                    #expect(days.contains { $0.month == 3 * (q - 1) + 1 && $0.day == 1 }, "\(text) at column \(column), zoom step \(step)")
                } else if let m = months.firstIndex(of: text) {
                    #expect(days.contains { $0.month == m + 1 && $0.day == 1 }, "\(text) at column \(column), zoom step \(step)")
                } else { continue }
                checked += 1
            }
        }
        #expect(checked > 12, "labels were found and checked")
    }

    @Test("fit shows every dated item, a milestone due after every phase too", arguments: [(80, 24), (200, 50)])
    func fitShowsAll(size: (Int, Int)) throws {
        var state = try sampleState(width: size.0, height: size.1, programme: try programme())
        state.press(.char("3"))
        let layout = TimelineLayout(state: state)
        for row in state.derived.timelineRows {
            for item in row.items where item.glyph != .country {
                #expect((0..<layout.columns).contains(layout.column(of: item.start)), "\(item.text) at \(CalendarDate.fromOrdinal(item.start))")
            }
        }
    }

    @Test("zoom keeps the selected mark in view at every step in and out; with none selected, today")
    func zoomKeepsSelection() throws {
        var state = try sampleState(width: 100, height: 30, programme: try programme())
        state.press(.char("3"))
        let rows = state.derived.timelineRows
        let r = try #require(rows.firstIndex { row in row.items.contains { $0.milestoneID == "moz-late" } })
        state.timeline.row = r
        state.timeline.item = try #require(rows[r].items.firstIndex { $0.milestoneID == "moz-late" })
        let mark = try #require(state.selectedTimelineItem).start
        for key in ["+", "+", "+", "-", "-"] {
            state.press(.char(Character(key)))
            let layout = TimelineLayout(state: state)
            #expect((0..<layout.columns).contains(layout.column(of: mark)), "after \(key): the mark at column \(layout.column(of: mark)) of \(layout.columns)")
        }
        state.press(.char("z"))
        state.timeline.row = 0
        state.timeline.item = 0 // the phase's bar: no mark
        for key in ["+", "+"] {
            state.press(.char(Character(key)))
            let layout = TimelineLayout(state: state)
            #expect((0..<layout.columns).contains(layout.column(of: state.today.firstOrdinal)), "after \(key): today in view")
        }
    }

    @Test("g 2023 shows 2023; A 2023 lists the year's events, and 2023-06 alone too; a bad period keeps the form open")
    func goToAndAgenda() throws {
        var state = try sampleState(width: 120, height: 40)
        state.press(.char("3"), .char("+"), .char("g"))
        #expect(state.form?.purpose == .goTo)
        for c in "2023" { state.press(.char(c)) }
        state.press(.enter)
        let layout = TimelineLayout(state: state)
        #expect((0..<layout.columns).contains(layout.column(of: CalendarDate("2023-01-01")!.firstOrdinal)))
        state.press(.char("A"))
        #expect(state.form?.purpose == .agenda)
        state.press(.ctrl("u"))
        for c in "2023" { state.press(.char(c)) }
        state.press(.enter)
        #expect(state.overlay == .agenda(from: CalendarDate("2023")!, to: CalendarDate("2023")!))
        let text = state.overlayLines(width: 110).map(\.text).joined(separator: "\n")
        #expect(text.contains("2023-06-05 event") && text.contains("2023-06-08 event"), "\(text)")
        #expect(!text.contains("2022-") && !text.contains("2024-"))
        // A colleague's save while it is open: the agenda is gathered again, once.
        var theirs = state.programme
        theirs.events.append(Event(id: "ev-later", date: CalendarDate("2023-09-01")!, title: "Added by a colleague", summary: ""))
        state.setProgramme(theirs)
        #expect(state.agendaItems.count == 3 && state.overlayLines(width: 110).map(\.text).joined().contains("Added by a colleague"))
        state.press(.escape)
        state.press(.char("A"), .ctrl("u"))
        for c in "June" { state.press(.char(c)) }
        #expect(state.press(.enter).isEmpty && state.form?.error?.contains("is not a date") == true)
    }
}

@Suite("Every record read whole from its list")
struct ReadWholeTests {
    @Test("v on the timeline's event reads it whole (its summary, participants, countries); e edits it; on a publication of the Overview, v shows the whole summary")
    func eventsAndPublications() throws {
        var p = try loadSample()
        p.events[0].summary = "First line of the summary.\nSecond line, which the status line would cut.\nThird line: the end."
        var state = try sampleState(width: 80, height: 24, programme: p)
        state.press(.char("3"))
        let row = try #require(state.derived.timelineRows.firstIndex { $0.kind == .events })
        state.timeline.row = row
        state.timeline.item = 0
        state.press(.char("v"))
        let first = p.events.sorted { $0.date < $1.date }[0]
        #expect(state.overlay == .record(RecordRef(.event, first.id)))
        let text = state.overlayLines(width: 70).map(\.text).joined(separator: "\n")
        #expect(text.contains("Second line, which the status line would cut.") && text.contains("Third line: the end."), "\(text)")
        state.press(.escape)
        state.press(.char("e"))
        #expect(state.form?.purpose == .editRecord(RecordRef(.event, first.id)))
        state.press(.escape)
        state.press(.char("1"))
        for _ in 0..<200 where state.overviewCursor.selection != .record(RecordRef(.publication, p.publications[0].id)) { state.press(.char("j")) }
        state.press(.enter)
        #expect(state.overlay == .record(RecordRef(.publication, p.publications[0].id)))
        #expect(state.overlayLines(width: 70).map(\.text).joined(separator: " ").replacingOccurrences(of: "  ", with: " ")
                    .contains(p.publications[0].summary.split(separator: " ").suffix(3).joined(separator: " ")))
    }
}
