import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation
@testable import TUI

@Suite("Reducer: navigation, panels, ticking, filters, resize, help")
struct ReducerTests {
    @Test("number keys and Tab switch panels; Shift-Tab goes back and wraps")
    func panels() throws {
        var state = try sampleState()
        #expect(state.panel == .overview)
        state.press(.char("3"))
        #expect(state.panel == .timeline)
        state.press(.tab, .tab)
        #expect(state.panel == .activity)
        state.press(.tab)
        #expect(state.panel == .indicators)
        #expect(state.press(.tab) == [] && state.panel == .overview)
        state.press(.backTab)
        #expect(state.panel == .indicators)
        #expect(state.press(.backTab) == [.loadHistory], "the Activity panel reads the history when it opens")
        #expect(state.panel == .activity)
    }

    @Test("moving in the countries list skips phase headings")
    func countriesNavigation() throws {
        var state = try sampleState()
        state.press(.char("2"))
        #expect(state.countryRows[state.countryCursor.index] == .country("IRN"))
        state.press(.char("j"), .char("j"), .char("j"))
        #expect(state.countryRows[state.countryCursor.index] == .country("AZE"))
        state.press(.char("k"))
        #expect(state.countryRows[state.countryCursor.index] == .country("NGA"))
        state.press(.char("G"))
        #expect(state.countryRows[state.countryCursor.index] == .country("PRY"))
        state.press(.char("g"))
        #expect(state.countryRows[state.countryCursor.index] == .country("IRN"))
    }

    @Test("Enter opens a country; Esc goes back to the list")
    func openAndBack() throws {
        var state = try sampleState()
        state.press(.char("2"), .down, .down, .enter)
        #expect(state.detail?.countryID == "NGA")
        #expect(state.screenText.contains("Niger State Sub-National Urban Policy: adopted"))
        state.press(.escape)
        #expect(state.detail == nil && state.panel == .countries)
    }

    @Test("the phase filter cycles all, phase 1, phase 2")
    func phaseFilter() throws {
        var state = try sampleState()
        state.press(.char("2"), .char("p"))
        #expect(state.countryRows.compactMap { if case .country(let id) = $0 { id } else { nil } } == ["IRN", "MMR", "NGA"])
        state.press(.char("p"))
        #expect(state.countryRows.filter(\.isSelectable).count == 5)
        state.press(.char("p"))
        #expect(state.countryRows.filter(\.isSelectable).count == 8)
    }

    @Test("the status filter shows open, done, overdue or all milestones")
    func statusFilter() throws {
        var state = try sampleState()
        state.press(.char("4"))
        func ids() -> [String] { state.milestoneRows.compactMap { state.entry($0)?.milestone.id } }
        #expect(ids().count == 16)
        state.press(.char("f")) // open
        #expect(ids() == ["irn-nup-approval", "phase-2-completion"])
        state.press(.char("f")) // done
        #expect(ids().count == 14)
        state.press(.char("f")) // overdue
        #expect(ids().isEmpty)
        #expect(state.screenText.contains("No overdue milestones"))
    }

    @Test("f keeps the cursor on the milestone chosen while the new filter lists it, else on the first listed; o starts at the longest overdue")
    func filterKeepsTheChosenMilestone() throws {
        var state = try sampleState(height: 40)
        state.press(.char("4"))
        func chosen() -> String? { state.milestoneUnderCursor?.milestone.id }
        // Onto the last open milestone of the whole list, far below where the open list ends.
        while chosen() != "phase-2-completion" { state.press(.char("j")) }
        let rowInAll = state.milestoneCursor.index
        state.press(.char("f")) // open: it is listed, at another row
        #expect(chosen() == "phase-2-completion")
        #expect(state.milestoneCursor.index != rowInAll, "a row of its own in the shorter list")
        state.press(.char("f")) // done: it is not, so the first done one
        #expect(chosen() == state.milestoneRows.first(where: \.isSelectable).flatMap { state.entry($0)?.milestone.id })
        state.press(.char("f"), .char("f"), .char("f")) // overdue (none), slipped (none), then all again
        #expect(chosen() != nil)
        // Overdue on 1 December: `o` from the Overview puts the cursor on the first of them.
        state.send(.newDay(CalendarDate("2026-12-01") ?? fixedToday))
        state.press(.char("4"), .char("G"), .char("1"), .char("o"))
        #expect(chosen() == "phase-2-completion" && state.milestoneCursor.index == state.milestoneRows.firstIndex(where: \.isSelectable))
    }

    @Test("Space ticks the selected milestone as the officer, now; the result is saved and can be undone")
    func tickUndoRedo() throws {
        var state = try sampleState()
        state.press(.char("4"), .char("f")) // open milestones
        let effects = state.press(.char(" "))
        guard case .commit(let record, .new)? = effects.first else { Issue.record("no commit: \(effects)"); return }
        #expect(record.edit == .tick(milestone: "irn-nup-approval", by: "tester", at: "2026-11-28T10:00:00Z"))
        try state.complete(effects)
        #expect(state.programme.milestone("irn-nup-approval")?.doneBy == "tester")
        #expect(state.message?.text.contains("Saved (revision 2)") == true)
        let undo = state.press(.char("u"))
        guard case .commit(let inverse, .undo)? = undo.first else { Issue.record("no undo commit"); return }
        #expect(inverse.edit == .updateMilestone(try #require(try loadSample().milestone("irn-nup-approval"))))
        try state.complete(undo)
        #expect(state.programme == (try loadSample()), "undo puts the record back exactly as it was")
        #expect(state.undoStack.isEmpty && state.redoStack.count == 1)
        try state.complete(state.press(.ctrl("r")))
        #expect(state.programme.milestone("irn-nup-approval")?.doneBy == "tester")
        #expect(state.redoStack.isEmpty && state.undoStack.count == 1)
    }

    @Test("a read-only store refuses ticks and edits, and says why")
    func readOnly() throws {
        var state = try sampleState(readOnly: "locked by alice on host (pid 1) since 2026-11-28T08:00:00Z")
        state.press(.char("4"))
        #expect(state.press(.char(" ")).isEmpty)
        #expect(state.message?.text.hasPrefix("Nothing was changed: read-only, locked by alice") == true)
        #expect(state.press(.char("a")).isEmpty && state.form == nil)
        #expect(state.screenText.contains("READ-ONLY"))
    }

    @Test("a failed save leaves the programme as it was and shows the error")
    func failedSave() throws {
        var state = try sampleState()
        state.press(.char("4"), .char("f"))
        _ = state.press(.char(" "))
        state.send(.commitFailed(message: "Not saved: disk full", programme: nil, revision: nil))
        #expect(state.programme.milestone("irn-nup-approval")?.done == false)
        #expect(state.message == AppState.Message(text: "Not saved: disk full", kind: .error, at: fixedNow))
        // Moving straight away does not wipe the error; a few seconds later it may be replaced.
        state.press(.char("j"))
        #expect(state.message?.text == "Not saved: disk full")
        _ = state.reduce(.moveUp, now: fixedNow.addingTimeInterval(6))
        #expect(state.message?.kind == .info)
    }

    @Test("undo says what it undid; a reload after the store was replaced says so")
    func undoWording() throws {
        var state = try sampleState()
        state.press(.char("4"), .char("f"))
        try state.complete(state.press(.char(" ")))
        try state.complete(state.press(.char("u")))
        #expect(state.message?.text.hasSuffix("Undone: Ticked “Iran National Urban Policy approved by the government and adopted”.") == true)
        state.send(.reloaded(programme: try loadSample(), revision: 1))
        state.revision = 9
        state.send(.reloaded(programme: try loadSample(), revision: 1))
        #expect(state.message?.text.hasPrefix("The store was replaced") == true)
    }

    @Test("help opens from ?, lists every binding of the key map, scrolls and closes")
    func help() throws {
        var state = try sampleState(width: 80, height: 24)
        state.press(.char("?"))
        #expect(state.helpScroll == 0)
        let text = HelpContent.lines().map(\.text).joined(separator: "\n")
        for binding in KeyMap.bindings { #expect(text.contains(binding.help)) }
        state.press(.char("j"), .char("j"))
        #expect(state.helpScroll == 2)
        state.press(.char("G")) // not a help key: ignored
        #expect(state.helpScroll == 2)
        state.press(.escape)
        #expect(state.helpScroll == nil)
    }

    @Test("resizing re-lays out; below 60×16 a message replaces the layout; 1×1 does not crash", arguments: [
        (120, 40), (60, 16), (59, 16), (60, 15), (1, 1), (0, 0), (200, 3),
    ])
    func resize(width: Int, height: Int) throws {
        var state = try sampleState()
        state.press(.char("2"))
        state.send(.resize(width: width, height: height))
        let screen = AppView.render(state)
        #expect(screen.width == width && screen.height == height)
        let small = width < 60 || height < 16
        if small && width >= 20 && height >= 3 { #expect(screen.text.contains("too small")) }
        if !small { #expect(screen.text.contains("Country")) }
        for panel in Panel.allCases {
            state.send(.selectPanel(panel))
            _ = AppView.render(state)
        }
    }

    @Test("the selection stays visible when a list scrolls")
    func scrolling() throws {
        var state = try sampleState(width: 80, height: 16)
        state.press(.char("4"))
        for _ in 0..<30 { state.press(.char("j")) }
        let visible = Layout(width: 80, height: 16).listRows
        #expect(state.milestoneCursor.index >= state.milestoneCursor.scroll)
        #expect(state.milestoneCursor.index < state.milestoneCursor.scroll + visible)
        #expect(state.milestoneUnderCursor?.milestone.id == "moz-nup-draft")
    }

    @Test("the timeline pans, zooms and shows the selected item in the status line")
    func timeline() throws {
        var state = try sampleState()
        state.press(.char("3"))
        let start = TimelineLayout(state: state).start
        state.press(.char("l"))
        #expect(TimelineLayout(state: state).start > start)
        state.press(.char("h"), .char("h"))
        #expect(TimelineLayout(state: state).start < start)
        state.press(.char("+"))
        #expect(state.timeline.zoom == .quarters)
        state.press(.char("+"), .char("+"))
        #expect(state.timeline.zoom == .months)
        #expect(state.message?.text.contains("closest zoom") == true)
        state.press(.char("-"), .char("-"))
        #expect(state.timeline.zoom == .years)
        state.press(.char("j"))
        #expect(state.message?.text.hasPrefix("Iran (IRN)") == true)
        state.press(.enter)
        #expect(state.detail?.countryID == "IRN")
    }

    @Test("control characters and escape sequences in the data are drawn as placeholders")
    func controlCharacters() throws {
        var programme = try loadSample()
        programme.countries[0].name = "Iran\u{1B}[31mRED\u{07}"
        var state = try sampleState(programme: programme)
        state.send(.selectPanel(.countries))
        let text = state.screenText
        #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
        #expect(text.contains("Iran␛[31mRED␇"))
    }

    @Test("wide characters keep the columns aligned")
    func wideCharacters() throws {
        var programme = try loadSample()
        programme.countries[1].name = "서울特別市"
        var state = try sampleState(programme: programme)
        state.send(.selectPanel(.countries))
        let lines = state.screenText.split(separator: "\n").map(String.init)
        let iran = try #require(lines.first { $0.hasPrefix("IRN") })
        let wide = try #require(lines.first { $0.hasPrefix("MMR") })
        #expect(iran.displayWidth == wide.displayWidth)
        #expect(iran.firstRange(of: "national").map { iran[..<$0.lowerBound].displayWidth }
                == wide.firstRange(of: "national").map { wide[..<$0.lowerBound].displayWidth })
    }
}

extension Substring {
    var displayWidth: Int { String(self).displayWidth }
}

@Suite("Reducer: the day changes")
struct NewDayTests {
    @Test("past the end of November 2026, Phase 2's completion turns overdue on screen")
    func midnight() throws {
        var state = try sampleState()
        state.send(.selectPanel(.milestones))
        #expect(state.derived.overdue.isEmpty)
        state.send(.newDay(CalendarDate("2026-12-01") ?? fixedToday))
        #expect(state.derived.overdue.map { state.derived.entries[$0].milestone.id } == ["phase-2-completion"])
        #expect(state.screenText.contains("[!] Phase 2 implementation completed  due 2026-11 OVERDUE"))
    }

    @Test("today is the officer's local day")
    func localDay() {
        let moment = Date(timeIntervalSince1970: 1_795_910_400 - 3_600) // 2026-11-28T23:00:00Z
        #expect(CalendarDate.day(of: moment, in: TimeZone(secondsFromGMT: 0) ?? .current).description == "2026-11-28")
        #expect(CalendarDate.day(of: moment, in: TimeZone(secondsFromGMT: 7_200) ?? .current).description == "2026-11-29")
        #expect(CalendarDate.day(of: moment, in: TimeZone(secondsFromGMT: -14_400) ?? .current).description == "2026-11-28")
    }
}

@Suite("Reducer: saving feedback")
struct SavingTests {
    @Test("a save in progress is announced at once, then replaced by its outcome")
    func saving() throws {
        var state = try sampleState()
        state.press(.char("4"), .char("f"))
        let effects = state.press(.char(" "))
        guard case .commit(let record, _)? = effects.first else { Issue.record("no commit"); return }
        state.send(.saving(record.edit))
        #expect(state.screenText.contains("Saving… Ticked “Iran National Urban Policy approved"))
        try state.complete(effects)
        #expect(state.message?.text.hasPrefix("Saved (revision 2)") == true)
    }
}

@Suite("Reducer: another officer's changes and undo")
struct OtherOfficerUndoTests {
    @Test("after a reload of someone else's version, undo cannot replay over their work")
    func reloadClearsHistory() throws {
        var state = try sampleState()
        state.press(.char("4"), .char("f"))
        try state.complete(state.press(.char(" ")))
        #expect(state.undoStack.count == 1)
        let theirs = try state.programme.applying(.editMilestone(id: "irn-nup-approval", title: "Approved by cabinet",
                                                                 due: nil, note: "Bob's note", evidence: nil))
        state.send(.reloaded(programme: theirs, revision: 5))
        #expect(state.revision == 5 && state.programme.milestone("irn-nup-approval")?.note == "Bob's note")
        #expect(state.message?.text.contains("undo history starts again here") == true)
        #expect(state.press(.char("u")).isEmpty)
        #expect(state.message?.text == "Nothing to undo.")
    }

    @Test("a save that had to re-apply on someone else's version starts the undo history again")
    func reloadedCommit() throws {
        var state = try sampleState()
        state.press(.char("4"), .char("f"))
        let effects = state.press(.char(" "))
        guard case .commit(let record, let origin)? = effects.first else { Issue.record("no commit"); return }
        let programme = try state.programme.applying(record.edit)
        state.send(.committed(programme: programme, revision: 3, reloaded: true, record: record, origin: origin))
        #expect(state.undoStack.isEmpty && state.redoStack.isEmpty)
        #expect(state.message?.kind == .warning)
    }
}

@Suite("Reducer: moving through the country detail")
struct DetailNavigationTests {
    @Test("j from the top reaches every line of every country's page, the selection always in view; k comes back to the top",
          arguments: [(60, 16), (80, 24), (120, 40)])
    func everyLineReachable(size: (Int, Int)) throws {
        for country in try loadSample().countries {
            var state = try sampleState(width: size.0, height: size.1)
            state.openDetail(country.id)
            let lines = try #require(state.detail?.lines.count)
            let rows = Layout(width: size.0, height: size.1).detailRows(count: lines)
            var seen = Set<Int>()
            func look() {
                guard let detail = state.detail else { return }
                for line in detail.scroll..<min(lines, detail.scroll + rows) { seen.insert(line) }
                if let selection = detail.selection {
                    let span = state.detailTargets.first { $0.target == selection }?.lines
                    #expect(span.map { $0.lowerBound >= detail.scroll && $0.upperBound < detail.scroll + rows } == true,
                            "\(country.id) \(size): the selection is on screen")
                }
            }
            look()
            for _ in 0..<200 where state.detail?.selection != .notes {
                state.press(.char("j"))
                look()
            }
            #expect(state.detail?.selection == .notes, "\(country.id): j reaches the notes")
            #expect(seen.count == lines, "\(country.id) \(size): every line was on screen once (\(seen.count)/\(lines))")
            for _ in 0..<200 where state.detail?.scroll != 0 || state.detail?.selection != nil { state.press(.char("k")) }
            #expect(state.detail?.scroll == 0 && state.detail?.selection == nil, "\(country.id): k goes back to the top")
            #expect(state.press(.char(" ")).isEmpty, "Space with nothing selected changes nothing")
        }
    }
}

@Suite("Reducer: the timeline fits the programme")
struct TimelineFitTests {
    @Test("at any width the first view runs from the programme's start to its end (or today), not decades past it",
          arguments: [(60, 16), (80, 24), (200, 60)])
    func fits(size: (Int, Int)) throws {
        var state = try sampleState(width: size.0, height: size.1)
        state.press(.char("3"))
        let layout = TimelineLayout(state: state)
        let shownFrom = CalendarDate.fromOrdinal(layout.start), shownTo = CalendarDate.fromOrdinal(layout.start + layout.columns * layout.daysPerColumn)
        #expect(shownFrom.year == 2016 || shownFrom.year == 2017, "\(shownFrom)")
        #expect(shownTo.year <= 2027 && shownTo.firstOrdinal >= fixedToday.firstOrdinal, "\(shownTo)")
        state.press(.char("+"))
        #expect(!state.timeline.fit)
        state.press(.char("t"))
        let today = TimelineLayout(state: state).column(of: fixedToday.firstOrdinal)
        #expect(abs(today - TimelineLayout(state: state).columns / 2) <= 1, "t puts today in the middle")
        state.press(.char("z"))
        #expect(state.timeline.fit && state.timeline.start == nil)
        #expect(state.screenText.contains("│ today"), "the legend fits")
    }
}

@Suite("Reducer: sorting, narrowing and seeing all")
struct ListOrderTests {
    func ids(_ state: AppState) -> [String] { state.milestoneRows.compactMap { state.entry($0)?.milestone.id } }

    @Test("s sorts the milestones by due day, by slip, then by name, then by phase again; the header says so")
    func sortMilestones() throws {
        var state = try sampleState(width: 120, height: 40)
        state.press(.char("4"), .char("s"))
        #expect(state.milestoneSort == .due && ids(state).first == "phase-2-completion", "the only dated milestone first")
        #expect(state.screenText.contains("by due day (s)"))
        state.press(.char("s"))
        #expect(state.milestoneSort == .slip && state.screenText.contains("by slip (s)"))
        state.press(.char("s"))
        let titles = state.milestoneRows.compactMap { state.entry($0)?.milestone.title }
        #expect(titles == titles.sorted { $0.localizedStandardCompare($1) == .orderedAscending })
        state.press(.char("s"))
        #expect(state.milestoneSort == .grouped && state.milestoneRows.first == .header("Phase 1"))
    }

    @Test("by slip: the furthest behind its plan first; the filter slipped lists only those later than first planned")
    func slipOrderAndFilter() throws {
        var programme = try loadSample()
        let move = DateMove(by: "A", at: "2026-10-01T09:00:00Z")
        try programme.apply(.moveDue(milestone: "phase-2-completion", to: CalendarDate("2027-06"), move: move))
        // Iran's approval given a due, then brought forward from it: a slip below zero.
        try programme.apply(.moveDue(milestone: "irn-nup-approval", to: CalendarDate("2027-01"), move: move))
        try programme.apply(.moveDue(milestone: "irn-nup-approval", to: CalendarDate("2026-06"), move: move))
        #expect(programme.milestone("irn-nup-approval")?.slip(in: .current)?.description == "-7 mo")
        var state = try sampleState(width: 120, height: 40, programme: programme)
        state.press(.char("4"), .char("s"), .char("s"))
        #expect(state.milestoneSort == .slip)
        // Later than planned first, then earlier, then those with no slip to tell, in the record's order.
        #expect(Array(ids(state).prefix(2)) == ["phase-2-completion", "irn-nup-approval"] && ids(state).count == programme.milestoneCount)
        #expect(Array(ids(state).dropFirst(2)) == programme.milestoneEntries.map(\.milestone.id).filter { !["phase-2-completion", "irn-nup-approval"].contains($0) })
        #expect(state.screenText.contains("due 2027-06  slip +7 mo") && state.screenText.contains("slip -7 mo"), "the slip beside the due")
        while state.statusFilter != .slipped { state.press(.char("f")) }
        #expect(ids(state) == ["phase-2-completion"])
    }

    @Test("a tick moves the milestone's mark on the timeline to the day achieved, in the row's order; the same as the timeline made anew")
    func tickMovesTimelineMark() throws {
        var programme = try loadSample()
        try programme.apply(.moveDue(milestone: "irn-nup-approval", to: CalendarDate("2027-02"), move: DateMove(by: "A", at: "2026-10-01T09:00:00Z")))
        try programme.apply(.moveDue(milestone: "moz-nup-draft", to: CalendarDate("2027-05"), move: DateMove(by: "A", at: "2026-10-01T09:00:00Z")))
        var state = try sampleState(width: 120, height: 40, programme: programme)
        func marks(_ rows: [TimelineRow]) -> [[String]] {
            rows.map { $0.items.map { "\($0.milestoneID ?? "-")@\($0.start)" } }
        }
        state.press(.char("4"))
        while state.selectedMilestone?.id != "irn-nup-approval" { state.press(.char("j")) }
        try state.complete(state.press(.char(" ")))
        let m = try #require(state.programme.milestone("irn-nup-approval"))
        let day = try #require(Programme.achievedDay(m, in: .current))
        let row = try #require(state.derived.timelineRows.first { $0.kind == .country("IRN") })
        #expect(row.items.contains { $0.milestoneID == "irn-nup-approval" && $0.start == day.firstOrdinal }, "at the day achieved, not 2027-02")
        #expect(marks(state.derived.timelineRows) == marks(Derived(programme: state.programme, today: state.today).timelineRows))
        try state.complete(state.press(.char(" "))) // untick: back to its due
        #expect(marks(state.derived.timelineRows) == marks(Derived(programme: state.programme, today: state.today).timelineRows))
        #expect(state.derived.timelineRows.first { $0.kind == .country("IRN") }?.items.contains {
            $0.milestoneID == "irn-nup-approval" && $0.start == CalendarDate("2027-02")!.lastOrdinal } == true)
    }

    @Test("the baseline draws at every width and zoom: a first plan in the mark's column, the next one, far off screen either side")
    func baselineAtEveryWidth() throws {
        var programme = try loadSample()
        let move = DateMove(by: "A", at: "2026-10-01T09:00:00Z")
        try programme.apply(.moveDue(milestone: "phase-2-completion", to: CalendarDate("2026-12-05"), move: move))  // the same column
        try programme.apply(.moveDue(milestone: "irn-nup-approval", to: CalendarDate("2027-03"), move: move))
        try programme.apply(.moveDue(milestone: "irn-nup-approval", to: CalendarDate("2027-03-10"), move: move))     // days apart
        try programme.apply(.moveDue(milestone: "moz-nup-draft", to: CalendarDate("1900-01"), move: move))
        try programme.apply(.moveDue(milestone: "moz-nup-draft", to: CalendarDate("9999-12"), move: move))          // far either side
        try programme.apply(.movePhaseEnd(phase: 2, to: CalendarDate("2026-12")!, move: move))
        for (w, h) in [(60, 16), (80, 24), (120, 40), (200, 60)] {
            var state = try sampleState(width: w, height: h, programme: programme)
            state.press(.char("3"), .char("b"))
            for key in ["+", "+", "+", "-", "-", "-", "-", "z"] {
                state.press(.char(Character(key)))
                #expect(!state.screenText.isEmpty, "\(w)x\(h) after \(key)")
            }
            #expect(state.timeline.baseline)
        }
    }

    @Test("s sorts the countries by name and by progress")
    func sortCountries() throws {
        var state = try sampleState(width: 120, height: 40)
        state.press(.char("2"), .char("s"))
        #expect(state.countryRows.first == .country("AZE"))
        state.press(.char("s"))
        #expect([CountryListRow.country("NGA"), .country("MOZ")].contains(state.countryRows.first ?? .country("")), "fully done first")
        #expect(state.screenText.contains("by progress (s)"))
    }

    @Test("Enter on a search in the milestones panel stays in the narrowed list")
    func searchStaysInList() throws {
        var state = try sampleState()
        state.press(.char("4"), .char("/"))
        for c in "mozam" { state.press(.char(c)) }
        state.press(.enter)
        #expect(state.panel == .milestones && state.detail == nil)
        #expect(state.selectedMilestone?.id == "phase-2-workshops" || state.selectedMilestone?.id == "moz-nup-draft")
        #expect(state.screenText.contains("search: “mozam”"))
    }

    @Test("o on the Overview shows every overdue milestone, soonest due first")
    func seeAllOverdue() throws {
        var state = try sampleState()
        state.today = CalendarDate("2026-12-15") ?? fixedToday
        state.setProgramme(state.programme)
        state.press(.char("o"))
        #expect(state.panel == .milestones && state.statusFilter == .overdue)
        #expect(ids(state) == ["phase-2-completion"])
    }
}

@Suite("Reducer: the Overview's lists act")
struct OverviewSelectionTests {
    @Test("j reaches the milestones due next on the Overview; Enter opens the one selected")
    func openFromOverview() throws {
        var state = try sampleState(width: 120, height: 40)
        for _ in 0..<60 where state.overviewCursor.selection != .milestone("phase-2-completion") { state.press(.char("j")) }
        #expect(state.overviewCursor.selection == .milestone("phase-2-completion"), "the one milestone due next")
        #expect(state.message?.text.contains("Enter opens it") == true)
        state.press(.enter)
        #expect(state.panel == .milestones && state.selectedMilestone?.id == "phase-2-completion")
    }
}

@Suite("Reducer: the front asks who the officer is")
struct OfficerFormTests {
    @Test("with no name known, the form asks; Esc does not skip it; the name given is recorded with ticks")
    func asks() throws {
        var state = try sampleState()
        state.form = .officer
        state.press(.escape)
        #expect(state.form?.purpose == .officer)
        for c in "J. Kim" { state.press(.char(c)) }
        state.press(.enter)
        #expect(state.form == nil && state.officer == "J. Kim")
        state.press(.char("4"), .char("f"))
        guard case .commit(let record, _)? = state.press(.char(" ")).first else { Issue.record("no commit"); return }
        #expect(record.edit == .tick(milestone: "irn-nup-approval", by: "J. Kim", at: "2026-11-28T10:00:00Z"))
    }
}

@Suite("Reducer: writing the report from the front")
struct ReportFormTests {
    @Test("R asks format (a choice), the day it is as of, a period's start and the file; the ending follows the format as it is chosen; an existing file is replaced only after a second Enter")
    func reportForm() throws {
        var state = try sampleState()
        state.press(.char("R"))
        #expect(state.form?.purpose == .writeReport)
        #expect(state.form?.fields.map(\.text) == ["html", "2026-11-28", "", "~/knupp-report-2026-11-28.html"])
        state.press(.right) // html is the last: → markdown
        #expect(state.form?.fields[0].text == "markdown" && state.form?.fields[3].text == "~/knupp-report-2026-11-28.md", "the ending follows at once")
        state.press(.char("j")) // a letter picks the choice it starts: json
        #expect(state.form?.fields[0].text == "json" && state.form?.fields[3].text.hasSuffix(".json") == true)
        state.press(.left) // json → csv
        let effects = state.press(.enter)
        guard case .writeReport(let request)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(request == ReportRequest(format: .csv, path: "~/knupp-report-2026-11-28.csv", asOf: day("2026-11-28"), from: nil))
        state.send(.reportExists(path: request.path))
        #expect(state.form?.error?.contains("Enter again replaces it") == true && state.form?.focus == 3)
        guard case .writeReport(let again)? = state.press(.enter).first else { Issue.record("no second write"); return }
        #expect(again.replace, "the second Enter on the same file replaces it")
        state.send(.reportWritten(message: "Wrote it.", ok: true))
        #expect(state.form == nil)
        // A period: as of a day before, from a day; the days are checked as the command line does.
        state.press(.char("R"), .tab, .ctrl("u"))
        for c in "2026-06-30" { state.press(.char(c)) }
        state.press(.tab)
        for c in "2026-01-01" { state.press(.char(c)) }
        guard case .writeReport(let period)? = state.press(.enter).first else { Issue.record("no period write"); return }
        #expect(period.asOf == day("2026-06-30") && period.from == day("2026-01-01") && period.format == .html)
        state.send(.reportWritten(message: "Wrote it.", ok: true))
        for (field, text, error) in [(1, "2026-12-25", "after today"), (1, "2026-13-01", "not a day"), (2, "2026-12-01", "after it ends")] {
            state.press(.char("R"))
            for _ in 0..<field { state.press(.tab) }
            state.press(.ctrl("u"))
            for c in text { state.press(.char(c)) }
            #expect(state.press(.enter).isEmpty && state.form?.error?.contains(error) == true && state.form?.focus == field, "\(text)")
            state.press(.escape)
        }
        // A report ending typed in the file's name chooses that format; the days name the file knupp proposed.
        state.press(.char("R"), .tab, .tab, .tab, .ctrl("u"))
        for c in "~/out/rep.json" { state.press(.char(c)) }
        #expect(state.form?.fields[0].text == "json" && state.form?.fields[3].text == "~/out/rep.json", "the name typed stands")
        state.press(.escape)
        state.press(.char("R"), .tab, .ctrl("u"))
        for c in "2026-06-30" { state.press(.char(c)) }
        #expect(state.form?.fields[3].text == "~/knupp-report-2026-06-30.html")
        // A write that fails is said in the form, which stays open to change the name.
        _ = state.press(.enter)
        state.send(.reportWritten(message: "Not written: ~/x: no such folder.", ok: false))
        #expect(state.form?.error?.contains("no such folder") == true && state.form?.focus == 3)
    }

    @Test("a search on the Milestones panel that matches nothing, then Enter: every milestone is listed again, and the panel does not claim the record has none")
    func searchMatchingNothing() throws {
        var state = try sampleState()
        state.press(.char("4"), .char("/"))
        type("zzzq", into: &state)
        state.press(.enter)
        #expect(state.search == nil && state.message?.text.contains("No match for “zzzq”") == true)
        #expect(state.milestoneRows.filter(\.isSelectable).count == 16, "every milestone of the sample")
        #expect(!state.screenText.contains("No milestones in the record yet"), "\(state.screenText)")
    }
}
