import Foundation
import Testing
@testable import Model
import TestSupport
import Generator
@testable import Presentation
@testable import TUI

/// The app on 200 countries and 20,000 milestones.
///
/// The functional checks always run; the timings are a benchmark, printed (never asserted)
/// when KNUPP_BENCH=1:
///     KNUPP_BENCH=1 swift test -c release -Xswiftc -enable-testing --filter LargeProgrammeTests
@Suite("Large programme: 200 countries, 20,000 milestones")
struct LargeProgrammeTests {
    static let bench = ProcessInfo.processInfo.environment["KNUPP_BENCH"] == "1"

    func state(_ programme: Programme) throws -> AppState {
        try sampleState(width: 120, height: 40, programme: programme)
    }

    /// Mean wall time of `body` over `runs`, in milliseconds.
    func measure(_ label: String, runs: Int = 50, _ body: () throws -> Void) rethrows {
        guard LargeProgrammeTests.bench else { try body(); return }
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<runs { try body() }
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(runs) / 1_000_000
        print(String(format: "BENCH %-44@ %9.3f ms", label as NSString, ms))
    }

    @Test("every panel navigates and renders; counts are right")
    func panels() throws {
        let programme = LargeProgramme.make(from: try loadSample())
        #expect(programme.countries.count == 200 && programme.milestoneEntries.count == 20_013)
        var s = try state(programme)
        #expect(s.milestoneRows.filter(\.isSelectable).count == 20_013)
        for panel in Panel.allCases {
            s.send(.selectPanel(panel))
            try measure("key press + frame, \(panel.title)") {
                s.send(.moveDown)
                let screen = AppView.render(s)
                #expect(screen.text.contains(panel.title), "the \(panel.title) panel drew")
            }
        }
        s.send(.selectPanel(.countries), .bottom, .open)
        #expect(s.detail?.countryID == "C199")
        try measure("key press + frame, country detail") {
            s.send(.moveDown)
            _ = AppView.render(s)
        }
        s.send(.back, .selectPanel(.milestones), .bottom)
        #expect(s.selectedMilestone?.id == "m19999")
        try measure("key press + frame, milestones page down") {
            s.send(.pageUp)
            _ = AppView.render(s)
        }
    }

    @Test("a tick on the large store saves and reloads correctly")
    func tick() throws {
        let folder = TempFolder()
        let path = folder.file("large.json")
        try ProgrammeStore.create(path: path, programme: LargeProgramme.make(from: try loadSample()))
        let store = try ProgrammeStore.open(path: path, officer: "t")
        var n = 0
        try measure("tick saved (apply + encode + fsync + rename)", runs: 10) {
            n += 1
            try store.commit(n % 2 == 1 ? .untick(milestone: "m0") : .tick(milestone: "m0", by: "t", at: "2026-11-28T10:00:00Z"))
        }
        let document = store.document
        var data = Data()
        try measure("  of which: encode the store", runs: 5) { data = document.encoded() }
        try measure("  of which: decode and check the store", runs: 5) { _ = try StoreDocument.decode(data, path: path) }
        try measure("  of which: JSON syntax check", runs: 5) { _ = JSONSyntaxChecker.check([UInt8](data)) }
        try measure("  of which: atomic write with fsync", runs: 5) { try AtomicFile.write(data, to: folder.file("copy.json")) }
        let reloaded = try ProgrammeStore.open(path: path, mode: .readOnly, officer: "t")
        #expect(reloaded.programme == store.programme)
        var s = try state(store.programme)
        try measure("derived figures after a change", runs: 10) {
            s.setProgramme(store.programme)
        }
        let ticked = try store.programme.applying(.tick(milestone: "m1", by: "t", at: "2026-11-28T10:00:00Z"))
        let unticked = try ticked.applying(.untick(milestone: "m1"))
        var flip = false
        try measure("derived figures after a tick (only what it touches)", runs: 10) {
            flip.toggle()
            s.setProgramme(flip ? ticked : unticked, tickOf: "m1")
        }
        var index = SearchIndex(programme: store.programme)
        try measure("search index, built when a search starts", runs: 5) {
            index = SearchIndex(programme: store.programme)
        }
        try measure("search keystroke over everything", runs: 10) {
            #expect(index.matches(of: "milestone 1999 of").count == 1)
        }
    }

    @Test("after ticks and unticks, the figures updated in place equal the figures worked out from scratch")
    func incrementalEqualsFull() throws {
        var programme = LargeProgramme.make(from: try loadSample(), countries: 20, milestones: 2_000)
        var state = try self.state(programme)
        var rng: UInt64 = 11
        for step in 0..<60 {
            rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let id = programme.milestoneEntries[Int(rng >> 33) % programme.milestoneEntries.count].milestone.id
            let edit: Edit = programme.milestone(id)?.done == true ? .untick(milestone: id) : .tick(milestone: id, by: "t", at: "2026-11-28T10:00:00Z")
            programme = try programme.applying(edit)
            state.setProgramme(programme, tickOf: id)
            let full = Derived(programme: programme, today: fixedToday)
            #expect(state.derived.countries == full.countries, "step \(step)")
            #expect(state.derived.phaseProgress == full.phaseProgress && state.derived.programmeProgress == full.programmeProgress)
            #expect(state.derived.overdue == full.overdue && state.derived.dueNext == full.dueNext && state.derived.entries == full.entries)
            #expect(state.derived.timelineRows.map { $0.items.map { "\($0.glyph)" } } == full.timelineRows.map { $0.items.map { "\($0.glyph)" } })
            // The lists too, a row replaced in place or the list made again, under every filter.
            var rebuilt = state
            rebuilt.rebuildLists()
            #expect(state.milestoneRows == rebuilt.milestoneRows && state.milestoneRanks == rebuilt.milestoneRanks, "step \(step)")
            #expect(state.countryRows == rebuilt.countryRows, "step \(step)")
            if step % 7 == 0 { state.send(.cycleStatusFilter) }
        }
    }
}
