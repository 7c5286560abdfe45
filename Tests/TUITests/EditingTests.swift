import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation
@testable import TUI

@Suite("Reducer: search, forms, removal, mouse")
struct EditingTests {
    @Test("a paste (field edits that arrived together) leaves the search where the same keys one by one do, searched once")
    func pasteSearchesOnce() throws {
        var oneByOne = try sampleState()
        oneByOne.press(.char("/"))
        type("mozam", into: &oneByOne)
        oneByOne.press(.backspace, .char("m"), .left, .char("x"), .backspace)
        var pasted = try sampleState()
        pasted.press(.char("/"))
        pasted.send(.fieldEdits([.insert("m"), .insert("o"), .insert("z"), .insert("a"), .insert("m"), .backspace, .insert("m"),
                                 .left, .insert("x"), .backspace]))
        #expect(pasted.search?.query == "mozam")
        #expect(pasted.search == oneByOne.search)
        #expect(pasted.screenText == oneByOne.screenText)
        #expect(!(pasted.search?.matches.isEmpty ?? true))
    }

    @Test("search ignores case and accents, finds Hangul, and narrows the milestones panel to the same milestones",
          arguments: [("sao tome", true), ("RÉUNION À", true), ("국가", true), ("réunion à são", true), ("sao  tome", false), ("tome sao", false)])
    func searchFolds(query: String, found: Bool) throws {
        var programme = try loadSample()
        try programme.apply(.editMilestone(id: "moz-nup-draft", title: "Draft of Mozambique National Urban Policy", due: nil,
                                           note: "Réunion à São Tomé, 국가 도시 정책", evidence: nil))
        var state = try sampleState(programme: programme)
        state.press(.char("4"), .char("/"))
        type(query, into: &state)
        let milestones = state.search?.matches.filter { $0.target == .milestone("moz-nup-draft") } ?? []
        #expect(milestones.count == (found ? 1 : 0), "\(query): \(state.search?.matches.map(\.label) ?? [])")
        // Under every sort the panel is narrowed to the same milestones.
        for _ in 0..<4 {
            let rows = state.milestoneRows.compactMap { state.entry($0)?.milestone.id }
            #expect(rows.contains("moz-nup-draft") == found, "\(query), \(state.milestoneSort): the panel shows \(rows)")
            state.send(.cycleSort)
        }
    }

    @Test("the milestones list's position read from its ranks is the one counted, at every row, filtered or not")
    func positionFromRanks() throws {
        var state = try sampleState()
        for filter in 0..<4 {
            for index in state.milestoneRows.indices {
                var cursor = state.milestoneCursor
                cursor.index = index
                let counted = ListView(rows: state.milestoneRows, cursor: cursor) { row -> String? in
                    if case .header(let label) = row { label } else { nil }
                }
                var read = counted
                read.ranks = state.milestoneRanks
                #expect(read.position == counted.position, "filter \(filter), row \(index)")
            }
            state.send(.cycleStatusFilter)
        }
    }

    @Test("ending a search (Esc while typing, or after Enter) leaves the cursor on the milestone it was on, never on the row that now stands there",
          arguments: [false, true])
    func endSearchKeepsSelection(afterEnter: Bool) throws {
        var state = try sampleState(width: 120, height: 40)
        state.press(.char("4"), .char("/"))
        type("evaluation", into: &state)
        if afterEnter { state.press(.enter) }
        let chosen = try #require(state.milestoneUnderCursor?.milestone.id)
        #expect(chosen == "phase-1-evaluation" || state.programme.milestone(chosen)?.title.lowercased().contains("evaluation") == true)
        state.press(.escape)
        #expect(state.search == nil)
        #expect(state.milestoneRows.count > 3, "the whole list is back")
        #expect(state.milestoneUnderCursor?.milestone.id == chosen)
        // And Space then ticks (or unticks) that one.
        let effects = state.press(.char(" "))
        #expect(effects.contains { if case .commit(let record, _) = $0 { record.edit.recordID == chosen } else { false } })
    }

    @Test("a search that matches no milestone says so in the list, with how to clear it")
    func emptySearchText() throws {
        var state = try sampleState(width: 120, height: 40)
        state.press(.char("4"), .char("/"))
        type("zzzz", into: &state)
        #expect(state.screenText.contains("No milestone matches “zzzz”. Esc shows them all again."))
    }

    @Test("a moment shown in local time, worked out by hand, is what Foundation's formatter writes, in zones with and without summer time")
    func localMomentParity() throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        var seconds: Double = 0
        while seconds < 4_102_444_800 {
            let moment = isoMoment(Date(timeIntervalSince1970: seconds))
            for zone in ["UTC", "Asia/Seoul", "America/Asuncion", "Asia/Tehran", "America/Los_Angeles"] {
                let tz = try #require(TimeZone(identifier: zone))
                formatter.timeZone = tz
                #expect(MomentFormat.local(moment, timeZone: tz) == formatter.string(from: Date(timeIntervalSince1970: seconds)), "\(moment) \(zone)")
            }
            seconds += 86_400 * 29 + 3_599
        }
        #expect(MomentFormat.local("not a moment") == "not a moment")
    }

    @Test("the tick record is read in the officer's time zone")
    func tickRecordLocal() throws {
        let m = Milestone(id: "m", title: "T", done: true, doneAt: "2026-12-02T20:00:00Z", doneBy: "Lee")
        #expect(MilestoneFormat.tickRecord(m, timeZone: TimeZone(identifier: "Asia/Seoul")!) == "ticked by Lee at 2026-12-03 05:00")
        #expect(MilestoneFormat.tickRecord(m, timeZone: TimeZone(identifier: "UTC")!) == "ticked by Lee at 2026-12-02 20:00")
    }

    @Test("/ searches as you type across countries, milestones, policies, projects and events")
    func searchAsYouType() throws {
        var state = try sampleState()
        state.press(.char("/"))
        type("moz", into: &state)
        let labels = state.search?.matches.map(\.label) ?? []
        #expect(labels.contains("Country Mozambique"))
        #expect(labels.contains("Policy “Mozambique National Urban Policy” (Mozambique)"))
        #expect(labels.contains { $0.hasPrefix("Milestone “Draft of Mozambique") })
        state.press(.backspace, .backspace, .backspace)
        type("covid", into: &state)
        #expect(state.search?.matches.count == 2)
        #expect(state.search?.matches.allSatisfy { $0.label.hasPrefix("Project") } == true)
    }

    @Test("Enter jumps to the match in its panel; n and N move between matches; Esc clears")
    func searchJump() throws {
        var state = try sampleState()
        state.press(.char("/"))
        type("paraguay", into: &state)
        state.press(.enter)
        #expect(state.detail?.countryID == "PRY")
        state.press(.escape) // back from the detail
        state.press(.char("/"))
        type("workshops", into: &state)
        state.press(.enter)
        #expect(state.panel == .milestones)
        #expect(state.selectedMilestone?.id == "phase-1-officials-capacity")
        state.press(.char("n"))
        #expect(state.selectedMilestone?.id == "phase-2-workshops")
        state.press(.char("N"))
        #expect(state.selectedMilestone?.id == "phase-1-officials-capacity")
        state.press(.escape)
        #expect(state.search == nil)
    }

    @Test("a search narrows the milestones panel, combined with its status filter; Esc restores the list")
    func searchCombinesWithFilter() throws {
        var state = try sampleState()
        state.press(.char("4"))
        state.press(.char("/"))
        type("policy", into: &state)
        func ids() -> [String] { state.milestoneRows.compactMap { state.entry($0)?.milestone.id } }
        #expect(ids() == ["phase-1-knowledge-exchange", "irn-nup-approval", "nga-urban-policy-adopted", "moz-nup-draft"])
        state.press(.enter)
        state.send(.selectPanel(.milestones))
        state.press(.char("f")) // open
        #expect(ids() == ["irn-nup-approval"])
        state.press(.escape)
        #expect(ids() == ["irn-nup-approval", "phase-2-completion"])
    }

    @Test("a colleague's save during a search: the narrowed list and the count are the new record's, found again")
    func searchAcrossReload() throws {
        var state = try sampleState()
        state.press(.char("4"), .char("/"))
        type("policy", into: &state)
        func ids() -> [String] { state.milestoneRows.compactMap { state.entry($0)?.milestone.id } }
        let before = ids()
        let matches = state.search?.matches.count ?? 0
        var theirs = state.programme
        theirs.countries[1].milestones.insert(Milestone(id: "new-policy-review", title: "Policy review", due: nil, done: false), at: 0)
        theirs.countries[0].milestones.removeAll { $0.id == "irn-nup-approval" }
        state.setProgramme(theirs)
        #expect(ids().contains("new-policy-review") && !ids().contains("irn-nup-approval"))
        #expect(ids().count == before.count)
        #expect(state.search?.matches.count == matches)
        #expect(state.search?.milestoneHits.count == state.derived.entries.count)
    }

    @Test("moving onto a milestone shows it in full in the status line")
    func milestoneDetail() throws {
        var state = try sampleState()
        state.press(.char("4"), .char("G"))
        #expect(state.message?.text == "moz-nup-draft · done · “Draft of Mozambique National Urban Policy” · ticked · note: Recorded as achieved in the programme description.")
    }

    @Test("search finds a milestone the filter hides, and shows it")
    func searchPastFilter() throws {
        var state = try sampleState()
        state.press(.char("4"), .char("f")) // open only
        state.press(.char("/"))
        type("evaluation", into: &state)
        state.press(.enter)
        #expect(state.statusFilter == .all)
        #expect(state.selectedMilestone?.id == "phase-1-evaluation")
    }

    @Test("a adds a milestone to the open country; a bad day is refused with a clear message")
    func addMilestone() throws {
        var state = try sampleState()
        state.press(.char("2"), .char("G"), .enter) // Paraguay
        state.press(.char("a"))
        #expect(state.form?.purpose == .addMilestone(to: .country("PRY")))
        type("Urban policy diagnosis report", into: &state)
        state.press(.tab)
        type("2026-02-30", into: &state)
        #expect(state.press(.enter).isEmpty)
        #expect(state.form?.error?.contains("not a date") == true)
        #expect(state.form?.focus == 1)
        state.press(.ctrl("u"))
        type("2027-03-31", into: &state)
        let effects = state.press(.enter)
        guard case .commit(let record, .new)? = effects.first,
              case .addMilestone(let m, .country("PRY"), nil) = record.edit else { Issue.record("\(effects)"); return }
        #expect(m.title == "Urban policy diagnosis report" && m.due == CalendarDate("2027-03-31") && m.id == "pry-1")
        #expect(m.addedAt == "2026-11-28T10:00:00Z", "it records when it was added (the reducer's clock)")
        try state.complete(effects)
        #expect(state.programme.country("PRY")?.milestones.map(\.id) == ["pry-1"])
        #expect(state.screenText.contains("Urban policy diagnosis report  due 2027-03-31"))
        // A report as of a day before it was added leaves it out; as of that day, it is there.
        let utc = TimeZone(identifier: "UTC") ?? .current
        let before = ProgressReport(programme: state.programme, asOf: try #require(CalendarDate("2026-11-27")), timeZone: utc)
        let on = ProgressReport(programme: state.programme, asOf: try #require(CalendarDate("2026-11-28")), timeZone: utc)
        func ids(_ r: ProgressReport) -> [String] { r.phases.flatMap { $0.countries.flatMap { $0.milestones.map(\.id) } } }
        #expect(!ids(before).contains("pry-1") && ids(on).contains("pry-1"))
        #expect(before.progress.total == on.progress.total - 1)
    }

    @Test("e edits the selected milestone's title, due day, note and evidence; Esc cancels without changes")
    func editMilestone() throws {
        var state = try sampleState()
        state.press(.char("4"), .char("f")) // the first open one: Iran's approval
        state.press(.char("e"))
        #expect(state.form?.fields.map(\.label) == ["Title", "Due", "Note", "Evidence", "Why moved"], "an open milestone: no day achieved")
        state.press(.escape)
        #expect(state.form == nil && state.message?.text == "Cancelled: nothing changed.")
        state.press(.char("e"), .tab)
        type("2027-06-30", into: &state)
        // The due moves: the form asks why before it saves.
        #expect(state.press(.enter).isEmpty)
        #expect(state.form?.focus == 4 && state.form?.error?.contains("say why") == true, "\(state.form?.error ?? "")")
        type("the cabinet meets in June", into: &state)
        let effects = state.press(.enter)
        guard case .commit(let record, _)? = effects.first else { Issue.record("no commit"); return }
        guard case .editMilestone(let id, let title, let due, let note, let evidence, let move?, let achievedOn, let from?) = record.edit else {
            Issue.record("\(record.edit)"); return
        }
        #expect(id == "irn-nup-approval" && title == "Iran National Urban Policy approved by the government and adopted")
        let sample = try #require(try loadSample().milestone("irn-nup-approval"))
        #expect(due == CalendarDate("2027-06-30") && note == sample.note && evidence == nil)
        #expect(move.reason == "the cabinet meets in June" && move.by == state.officer && achievedOn == nil)
        #expect(from == MilestoneFields(sample), "the form's edit carries what it showed")
        // Applied: the first plan kept, the move listed.
        let m = try #require(try state.programme.applying(record.edit).milestone("irn-nup-approval"))
        #expect(m.plannedDue == sample.due && m.dueChanges.count == 1)
    }

    @Test("a done milestone's form takes the day it was achieved: never after today, a day, or empty to clear it")
    func achievedOnInTheForm() throws {
        var state = try sampleState()
        state.press(.char("4"))
        while state.selectedMilestone?.done != true { state.press(.char("j")) }
        let id = try #require(state.selectedMilestone?.id)
        state.press(.char("e"))
        #expect(state.form?.fields.last?.label == "Achieved on")
        for _ in 0..<5 { state.press(.tab) }
        type("2026-12-25", into: &state)
        #expect(state.press(.enter).isEmpty && state.form?.error?.contains("after today") == true)
        state.press(.ctrl("u"))
        type("2026-03", into: &state)
        #expect(state.press(.enter).isEmpty && state.form?.error?.contains("is not a day") == true)
        state.press(.ctrl("u"))
        type("2022-10-04", into: &state)
        let effects = state.press(.enter)
        guard case .commit(let record, _)? = effects.first else { Issue.record("no commit: \(state.form?.error ?? "")"); return }
        let m = try #require(try state.programme.applying(record.edit).milestone(id))
        #expect(m.done && m.doneOn == CalendarDate("2022-10-04"))
    }

    @Test("text fields: cursor keys, Home/End, Backspace, Delete, Ctrl-U, UTF-8")
    func textField() {
        var field = TextField(label: "x", text: "Maputo")
        field.apply(.home); field.apply(.delete); field.apply(.insert("m"))
        #expect(field.text == "maputo" && field.cursor == 1)
        field.apply(.end); field.apply(.insert(" 서울 é"))
        #expect(field.text == "maputo 서울 é")
        field.apply(.left); field.apply(.backspace)
        #expect(field.text == "maputo 서울é")
        field.apply(.clearToStart)
        #expect(field.text == "é" && field.cursor == 0)
        field.apply(.insert("a\nb"))
        #expect(field.text == "a bé")
        let (visible, cursor) = TextField(label: "x", text: String(repeating: "서", count: 20)).window(width: 10)
        #expect(visible.displayWidth <= 10 && cursor <= 9)
    }

    @Test("d asks for confirmation naming the milestone; n keeps it, y removes it")
    func remove() throws {
        var state = try sampleState()
        state.press(.char("4"), .char("f"))
        state.press(.char("d"))
        #expect(state.confirmation?.question.contains("Iran National Urban Policy approved") == true)
        #expect(state.screenText.contains("y yes · n no"))
        state.press(.char("n"))
        #expect(state.confirmation == nil && state.message?.text == "Not removed.")
        state.press(.char("d"))
        let effects = state.press(.char("y"))
        #expect(effects.first == .commit(UndoRecord(edit: .removeMilestone("irn-nup-approval"),
                                                    inverse: .addMilestone(try #require(try loadSample().milestone("irn-nup-approval")), to: .country("IRN"), at: 0)), .new))
    }

    @Test("e on the notes of a country's detail edits them; Ctrl-E hands the text to $EDITOR")
    func notes() throws {
        var state = try sampleState()
        state.press(.char("2"), .enter, .char("G"), .char("e"))
        #expect(state.form?.purpose == .editNotes(country: "IRN"))
        #expect(state.press(.ctrl("e")) == [.runEditor("")])
        state.send(.editorFinished("Line one\nLine two\n"))
        let effects = state.press(.enter)
        guard case .commit(let record, _)? = effects.first else { Issue.record("no commit"); return }
        #expect(record.edit == .setCountryNotes(country: "IRN", notes: "Line one\nLine two"))
    }

    @Test("mouse: a click on a tab switches panel, on a row selects it, a double click opens it, the wheel scrolls")
    func mouse() throws {
        var state = try sampleState()
        let countriesTab = try #require(TabLayout.tabs.first { $0.panel == .countries })
        state.send(.click(x: countriesTab.range.lowerBound + 1, y: 1, double: false))
        #expect(state.panel == .countries)
        state.send(.click(x: 5, y: 2 + 1 + 2, double: false)) // third row under the header: Myanmar
        #expect(state.countryRows[state.countryCursor.index] == .country("MMR"))
        state.send(.click(x: 5, y: 2 + 1 + 2, double: true))
        #expect(state.detail?.countryID == "MMR")
        state.press(.escape)
        state.send(.scroll(1))
        #expect(state.countryRows[state.countryCursor.index] == .country("AZE"))
        state.mouse = false
        #expect(KeyMap.action(for: .click(x: 1, y: 1, double: false), in: state) == nil)
    }
}
