import Testing
@testable import Model
import TestSupport
@testable import Presentation
@testable import TUI
import Sync

/// Each panel on the sample with a fixed today, at 80×24 and 120×40.
/// Re-record with `KNUPP_RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests`.
@Suite("Screen snapshots")
struct SnapshotTests {
    static let sizes = [(80, 24), (120, 40)]

    @Test("every panel", arguments: Panel.allCases, sizes)
    func panel(_ panel: Panel, size: (Int, Int)) throws {
        let state = try panelState(panel, width: size.0, height: size.1)
        try expectSnapshot(state.snapshot, named: "\(panel.title.lowercased())-\(size.0)x\(size.1)")
    }

    @Test("the country detail", arguments: sizes)
    func detail(size: (Int, Int)) throws {
        var state = try sampleState(width: size.0, height: size.1)
        state.press(.char("2"), .down, .down, .enter) // Nigeria
        try expectSnapshot(state.snapshot, named: "detail-nigeria-\(size.0)x\(size.1)")
    }

    @Test("the help overlay")
    func help() throws {
        var state = try sampleState()
        state.press(.char("?"))
        try expectSnapshot(state.snapshot, named: "help-80x24")
    }

    @Test("the whole record: forms for a country (add, 80x24) and a policy (edit, 60x16), a contact read whole, the conflict dialog, an agenda")
    func wholeRecord() throws {
        var state = try sampleState()
        state.press(.char("2"), .char("a"))
        for c in "TST" { state.press(.char(c)) }
        state.press(.enter)
        try expectSnapshot(state.snapshot, named: "form-add-country-80x24")
        var small = try sampleState(width: 60, height: 16)
        small.form = .record(.policy, ref: RecordRef(.policy, "moz-nup", country: "MOZ"), country: "MOZ", in: small.programme)
        try expectSnapshot(small.snapshot, named: "form-edit-policy-60x16")
        var read = try sampleState()
        read.overlay = .record(RecordRef(.contact, "remy-sietchiping"))
        read.helpScroll = 0
        try expectSnapshot(read.snapshot, named: "record-contact-80x24")
        var conflict = try sampleState()
        conflict.send(.syncConflict(field: "programme.countries[id MOZ].officialName", ours: "\"République du Mozambique\"",
                                    theirs: "\"Republic of Mozambique (RM)\""))
        try expectSnapshot(conflict.snapshot, named: "sync-conflict-80x24")
        var messages = try sampleState()
        messages.message = AppState.Message(text: "Sync stopped: country MOZ › officialName was changed differently here (\"République du Mozambique\") and by a colleague (\"Republic of Mozambique (RM)\").", kind: .error, at: fixedNow)
        messages.send(.toggleMessages)
        try expectSnapshot(messages.snapshot, named: "messages-80x24")
        var agenda = try sampleState(width: 120, height: 40)
        agenda.overlay = .agenda(from: CalendarDate("2023")!, to: CalendarDate("2023")!)
        agenda.agendaItems = Agenda.items(agenda.programme, from: CalendarDate("2023")!, to: CalendarDate("2023")!, today: agenda.today,
                                          timeZone: agenda.timeZone)
        agenda.helpScroll = 0
        try expectSnapshot(agenda.snapshot, named: "agenda-2023-120x40")
    }

    @Test("the add and edit forms")
    func forms() throws {
        var state = try sampleState()
        state.press(.char("2"), .char("G"), .enter, .char("a"))
        for c in "Diagnosis report" { state.press(.char(c)) }
        state.press(.tab)
        for c in "2026-02-30" { state.press(.char(c)) }
        state.press(.enter)
        try expectSnapshot(state.snapshot, named: "form-add-bad-day-80x24")
        var edit = try sampleState()
        edit.press(.char("4"), .char("f"), .char("e"))
        try expectSnapshot(edit.snapshot, named: "form-edit-80x24")
    }

    @Test("planned against actual: the timeline with its baseline (b), the milestones by slip with their slip, the detail's line, the edit form at 60x16")
    func plannedAgainstActual() throws {
        var programme = try loadSample()
        try programme.apply(.moveDue(milestone: "phase-2-completion", to: CalendarDate("2027-06"),
                                     move: DateMove(by: "Amina", at: "2026-10-01T09:00:00Z", reason: "extension agreed with MOLIT")))
        try programme.apply(.moveDue(milestone: "moz-nup-draft", to: CalendarDate("2026-12"),
                                     move: DateMove(by: "Amina", at: "2026-10-01T09:00:00Z", reason: "validation workshop")))
        var state = try sampleState(width: 80, height: 24, programme: programme)
        state.press(.char("3"), .char("b"))
        // Mozambique's draft had no due: given one, it has no first plan to draw.
        #expect(state.timeline.baseline && state.message?.text.contains("(1 moved)") == true, "\(state.message?.text ?? "")")
        try expectSnapshot(state.snapshot, named: "timeline-baseline-80x24")
        state.press(.char("b"))
        #expect(!state.snapshot.contains("◇"), "off again")
        state.press(.char("4"), .char("s"), .char("s"))
        #expect(state.milestoneSort == .slip)
        try expectSnapshot(state.snapshot, named: "milestones-by-slip-80x24")
        var detail = try sampleState(width: 80, height: 24, programme: programme)
        detail.press(.char("2"), .char("G"), .char("k"), .enter) // Mozambique
        // Its milestones come after its results (Indicators, SDG 11.a.1): a page down.
        for _ in 0..<3 where !detail.snapshot.contains("due 2026-12") { detail.press(.pageDown) }
        #expect(detail.snapshot.contains("due 2026-12 (set: validation workshop)"), "a due set where there was none: \(detail.snapshot)")
        var small = try sampleState(width: 60, height: 16, programme: programme)
        small.press(.char("4"), .char("G"), .char("e"))
        for _ in 0..<5 { small.press(.tab) }
        try expectSnapshot(small.snapshot, named: "form-edit-done-60x16")
    }

    @Test("too small")
    func tooSmall() throws {
        let state = try sampleState(width: 50, height: 12)
        try expectSnapshot(state.snapshot, named: "too-small-50x12")
    }
}

/// The sample on `panel`; on Activity with one tick in its history (a panel with something in it).
func panelState(_ panel: Panel, width: Int = 80, height: Int = 24) throws -> AppState {
    var state = try sampleState(width: width, height: height)
    state.send(.selectPanel(panel))
    if panel == .activity {
        var programme = state.programme
        try programme.apply(.tick(milestone: "irn-nup-approval", by: "Amina", at: "2026-11-27T09:30:00Z"))
        state.setProgramme(programme)
        let history = StoreHistory.fromTickRecords(programme)
        state.send(.historyLoaded(history.entries, source: HistoryText.source(history.source)))
    }
    return state
}
