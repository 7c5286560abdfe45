import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation
@testable import TUI

/// UN-Habitat's NUP process applied to a country (`knupp template apply`): through the binary on
/// a store on disk, and as one edit that undo and git's merge take whole.
@Suite("The NUP template applied to a country")
struct TemplateTests {
    static let mozambique = ["template", "apply", "MOZ", "--from", "formulation", "--link", "form-draft=moz-nup-draft", "--due", "form-approved=2026-06"]

    @Test("Mozambique from formulation, its draft linked, the approval due 2026-06: exactly these ids, in this order, with their stages and dues; the draft keeps its tick; a second apply adds nothing; --dry-run writes nothing; validate is clean")
    func mozambique() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        func k(_ arguments: [String]) throws -> RunResult { try knupp(arguments + ["--store", path, "--officer", "Amina"]) }
        let dry = try k(TemplateTests.mozambique + ["--dry-run"])
        #expect(dry.status == 0 && dry.stdout.contains("Would add to Mozambique") && dry.stdout.contains("moz-nup-draft as form-draft"), "\(dry.stdout)\(dry.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original, "--dry-run writes nothing")
        let applied = try k(TemplateTests.mozambique)
        #expect(applied.status == 0 && applied.stdout.contains("12 added, 1 linked"), "\(applied.stdout)\(applied.stderr)")
        let moz = try #require(try storedProgramme(path).country("MOZ"))
        let expected = ["form-lead", "form-capacity", "form-consultation", "form-validated", "form-approved", "impl-responsibilities",
                        "impl-commitment", "impl-demo", "impl-capacity", "me-framework", "me-11a1", "me-evaluation"]
        #expect(moz.milestones.map(\.id) == ["moz-nup-draft"] + expected.map { "moz-nup-\($0)" })
        #expect(moz.milestones.dropFirst().map { $0.template?.item } == expected.map { Optional($0) })
        #expect(moz.milestones.map { $0.stage } == [.formulation] + Array(repeating: NUPStage.formulation, count: 5)
                + Array(repeating: .implementation, count: 4) + Array(repeating: .monitoringAndEvaluation, count: 3))
        #expect(moz.milestones.filter { $0.due != nil }.map(\.id) == ["moz-nup-form-approved"] && moz.milestones[5].due == CalendarDate("2026-06"))
        let draft = moz.milestones[0]
        #expect(draft.done && draft.template == TemplateRef(id: "unhabitat-nup-2015", version: 1, item: "form-draft"), "the draft is marked and keeps its tick")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let again = try k(TemplateTests.mozambique)
        #expect(again.status == 0 && again.stdout.contains("already there"), "\(again.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "a second apply adds nothing")
        let validate = try knupp("validate", "--store", path)
        #expect(validate.status == 0, "\(validate.stdout)\(validate.stderr)")
        let show = try knupp("template", "show")
        #expect(show.stdout.contains("form-approved") && show.stdout.contains("GS21   Global State of National Urban Policy 2021"), "the sources spelled out")
        // In git's history, the application is one change.
        let repository = try TestRepository(folder.path)
        try repository.commit("start")
        #expect(try k(["template", "apply", "PRY", "--from", "implementation"]).status == 0)
        try repository.commit("template")
        let log = try k(["log"]).stdout
        #expect(log.contains("unhabitat-nup-2015 applied to Paraguay") && !log.contains("added  pry-nup-impl-demo"), "\(log)")
        // The whole application, read back as JSON.
        let json = try k(["template", "apply", "EGY", "--all", "--dry-run", "--json"])
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((plan["added"] as? [Any])?.count == 20 && plan["dryRun"] as? Bool == true)
    }

    @Test("the reports group a country's milestones by the phase of the NUP process once one has one: a Markdown golden")
    func reportGrouped() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        #expect(try knupp(TemplateTests.mozambique + ["--store", path, "--officer", "Amina"]).status == 0)
        // Added at a fixed moment, so the report of a fixed day is the same every day it runs.
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text.replace(/"addedAt" : "[^"]*"/, with: "\"addedAt\" : \"2026-11-27T09:00:00Z\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let report = try knupp(["report", "--store", path, "--today", "2026-11-28"], environment: ["TZ": "UTC"])
        #expect(report.status == 0 && report.stdout.contains("#### Formulation") && report.stdout.contains("#### Monitoring & evaluation"))
        try expectGolden(report.stdout, at: packageRoot.appendingPathComponent("Tests/TUITests/Golden/report-template.md"), variable: "KNUPP_RECORD_GOLDEN")
        let html = try knupp(["report", "--format", "html", "--store", path, "--today", "2026-11-28"], environment: ["TZ": "UTC"])
        #expect(html.stdout.contains("<h4>Implementation</h4>"))
    }

    @Test("the stage matrix reads the checklist: Mozambique's formulation items all done puts its checklist past formulation, and the Overview and the report say so beside the stage the record keeps")
    func checklistStage() throws {
        var programme = try loadSample()
        let plan = try programme.planTemplate(.unhabitat2015, country: "MOZ", from: .formulation, dues: [:], links: ["form-draft": "moz-nup-draft"],
                                              skips: [], at: "2026-11-27T09:00:00Z")
        try programme.apply(try #require(plan.edit))
        #expect(programme.country("MOZ")?.checklistStage == .formulation && programme.country("MOZ")?.stage == .formulation)
        for m in programme.country("MOZ")?.milestones ?? [] where m.stage == .formulation && !m.done {
            try programme.apply(.tick(milestone: m.id, by: "Amina", at: "2026-11-27T10:00:00Z"))
        }
        #expect(programme.country("MOZ")?.checklistStage == .implementation)
        let state = try sampleState(width: 120, height: 40, programme: programme)
        let overview = OverviewContent.lines(state: state).map(\.text).joined(separator: "\n")
        #expect(overview.contains("checklist: implementation"), "\(overview)")
        // (Once Phase 2 is over: before, the draft achieved on a day not recorded is not yet counted.)
        let report = ProgressReport(programme: programme, asOf: CalendarDate("2026-12-01")!)
        #expect(report.phases.flatMap(\.countries).first { $0.id == "MOZ" }?.checklistStage == "implementation")
        #expect(report.phases.flatMap(\.countries).first { $0.id == "PRY" }?.checklistStage == nil, "no checklist, nothing to say")
    }

    @Test("refused with exit 64, the store untouched: an item or a stage that is not the template's, a milestone that is not the country's, a value that would be dropped",
          arguments: [["--skip", "nope"], ["--from", "nowhere"], ["--link", "form-draft=phase-2-completion"], ["--due", "form-approved=someday"],
                      ["--link", "form-draft=moz-nup-draft", "--link", "form-validated=moz-nup-draft"],
                      // Nothing given is dropped unseen: a due for an item not added, an item skipped and linked, a due given twice.
                      ["--due", "feas-study=2027"], ["--due", "form-draft=2027-01", "--link", "form-draft=moz-nup-draft"],
                      ["--skip", "form-lead", "--link", "form-lead=moz-nup-draft"], ["--due", "form-lead=2027", "--due", "form-lead=2028"]])
    func refusals(extra: [String]) throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try knupp(["template", "apply", "MOZ"] + extra + ["--store", path, "--officer", "Amina"])
        #expect(result.status == 64, "\(extra): \(result.status) \(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == original)
    }

    @Test("the application is one edit: its inverse takes back every milestone and mark; two officers applying to two countries merge, both kept")
    func oneEdit() throws {
        let programme = try loadSample()
        let plan = try programme.planTemplate(.unhabitat2015, country: "MOZ", from: .formulation, dues: [:], links: ["form-draft": "moz-nup-draft"],
                                              skips: [], at: "2026-12-03T00:00:00Z")
        let edit = try #require(plan.edit)
        let inverse = try programme.inverse(of: edit)
        let after = try programme.applying(edit)
        #expect(after.country("MOZ")?.milestones.count == 13)
        #expect(try after.applying(inverse) == programme, "one undo takes it all back")
        // Two officers, two countries, one base: git's merge keeps both.
        let base = StoreDocument(programme: programme).encoded()
        func applied(_ country: String) throws -> Data {
            let p = try programme.applying(try #require(try programme.planTemplate(.unhabitat2015, country: country, from: nil, dues: [:], links: [:],
                                                                                    skips: [], at: "2026-12-03T00:00:00Z").edit))
            return StoreDocument(programme: p).encoded()
        }
        let merged = try StoreDocument.decode(StoreMerge.merge(base: base, ours: try applied("PRY"), theirs: try applied("EGY"), path: "f"), path: "f").programme
        #expect(merged.country("PRY")?.milestones.count == 20 && merged.country("EGY")?.milestones.count == 20)
    }
}

@Suite("The NUP template in a real terminal (tmux)", .enabled(if: TmuxSession.available, "tmux is not installed"))
struct TemplateTerminalTests {
    @Test("T on Mozambique's page: the items from its stage on chosen, Enter applies them as one change, u takes it all back")
    func applyAndUndo() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let original = try storedProgramme(path)
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --officer Amina", width: 100, height: 30)
        try tmux.waitFor("read-write")
        try tmux.send("2", "G", "k", "Enter")
        try tmux.waitFor("Mozambique (MOZ)")
        try tmux.send("T")
        try tmux.waitFor("Apply UN-Habitat's NUP process to Mozambique")
        #expect(try tmux.capture().contains("form-lead:             ‹add›"), "from its stage (formulation) on, chosen")
        try tmux.send("Enter")
        try tmux.waitFor("Saved (revision 2). Applied unhabitat-nup-2015 to Mozambique: 13 added")
        #expect(try storedProgramme(path).country("MOZ")?.milestones.count == 14)
        try tmux.send("u")
        try tmux.waitFor("Undone: Applied unhabitat-nup-2015")
        #expect(try storedProgramme(path) == original, "one undo takes back every milestone")
    }
}

@Suite("The front's forms of results and of the template refuse what the record would")
struct ResultFormTests {
    @Test("A with a score of 101 keeps the form open, saying which; T with a due that is no date does too; nothing is sent to be saved")
    func refusals() throws {
        var state = try sampleState(width: 100, height: 30)
        state.press(.char("2"), .char("G"), .char("k"), .enter)
        #expect(state.detail?.countryID == "MOZ")
        state.press(.char("A"))
        state.press(.tab, .tab, .tab)
        type("101", into: &state)
        state.press(.tab); type("1", into: &state)
        state.press(.tab); type("1", into: &state)
        let scored = state.press(.enter)
        #expect(state.form != nil && state.form?.error?.contains("SDG 11.a.1 score a: 101 is not a score") == true, "\(state.form?.error ?? "no error")")
        #expect(scored.isEmpty)
        state.press(.escape)
        state.press(.char("T"), .tab)
        type("someday", into: &state)
        let applied = state.press(.enter)
        #expect(state.form?.error?.contains("“someday” is not a date") == true && applied.isEmpty, "\(state.form?.error ?? "no error")")
    }
}
