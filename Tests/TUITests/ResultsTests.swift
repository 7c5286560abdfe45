import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation
@testable import TUI

/// Results kept with knupp (issue: indicators and SDG 11.a.1): the real binary on a store on
/// disk, the front's panel and detail, the reports, two officers at once. The figures are the
/// fixture's, labelled test data (the programme's own page states none).
@Suite("Results: indicators and SDG 11.a.1")
struct ResultsTests {
    static let fixture = packageRoot.appendingPathComponent("Tests/ModelTests/Fixtures/indicators-test-data.json").path

    /// A copy of the fixture in a folder of its own.
    static func fixtureCopy(_ folder: TempFolder) throws -> String {
        let path = folder.file("results.json")
        try FileManager.default.copyItem(atPath: fixture, toPath: path)
        return path
    }

    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test("add, baseline, target, actual through the binary, then indicators --json; two evaluators' scores are averaged; validate stays clean")
    func commandLine() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        func k(_ arguments: [String]) throws -> RunResult { try knupp(arguments + ["--store", path, "--officer", "Amina"]) }
        for step in [["indicator", "add", "moz-plans", "--country", "MOZ", "--title", "Municipal plans", "--measure", "unit", "--result", "outcome"],
                     ["indicator", "baseline", "moz-plans", "2", "--date", "2022-11"],
                     ["indicator", "target", "moz-plans", "12", "--date", "2026-11"],
                     ["indicator", "actual", "moz-plans", "7", "--date", "2025-06-30", "--evidence", "https://example.org/r.pdf"]] {
            let result = try k(step)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        let listed = try k(["indicators", "--json"])
        let rows = try #require(try ResultsTests.json(listed.stdout) as? [[String: Any]])
        let row = try #require(rows.first)
        #expect(rows.count == 1 && row["country"] as? String == "MOZ" && row["id"] as? String == "moz-plans")
        #expect((row["actual"] as? [String: Any])?["value"] as? String == "7" && (row["actual"] as? [String: Any])?["by"] as? String == "Amina")
        #expect(row["progressPercent"] as? Int == 50, "(7 − 2) / (12 − 2): \(listed.stdout)")
        // SDG 11.a.1: a second evaluator on the same day joins the assessment; Qa is the mean.
        for (who, a) in [("A", 40), ("B", 61)] {
            let r = try k(["sdg11a1", "assess", "MOZ", "--date", "2026-03-01", "--policy", "moz-nup", "--evaluator", who,
                           "--a", "\(a)", "--b", "20", "--c", "75"])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let standing = try #require(try ResultsTests.json(try k(["sdg11a1", "--json"]).stdout) as? [String: Any])
        let moz = try #require((standing["countries"] as? [[String: Any]])?.first { $0["country"] as? String == "MOZ" })
        #expect(moz["qa"] as? String == "50.5" && (moz["evaluations"] as? [Any])?.count == 1 + 1)
        #expect(standing["countriesAssessed"] as? Int == 1 && standing["countriesMeeting"] as? Int == 0)
        #expect(try storedProgramme(path).country("MOZ")?.sdg11a1.count == 1, "one assessment of the day, two evaluators")
        let validate = try knupp("validate", "--store", path)
        #expect(validate.status == 0, "\(validate.stderr)")
    }

    @Test("refused with exit 64 and the store's bytes as they were: a score of 101, a word on a unit measure, an actual dated tomorrow, a month not over, a baseline after an actual, a day's actual replaced without --replace, a country without a NUP",
          arguments: [["sdg11a1", "assess", "MOZ", "--date", "2026-03-01", "--evaluator", "A", "--a", "101", "--b", "2", "--c", "3"],
                      ["indicator", "actual", "test-moz-municipal", "abc", "--date", "2025-07-01"],
                      ["indicator", "actual", "test-moz-municipal", "6", "--date", "2026-12-01"],
                      ["indicator", "actual", "test-moz-municipal", "6", "--date", "2026-12"],
                      ["indicator", "baseline", "test-moz-municipal", "0", "--date", "2026"],
                      ["indicator", "actual", "test-moz-municipal", "4", "--date", "2025-06-30"],
                      ["indicator", "actual", "test-moz-municipal", "1", "--date", "2022-10"],
                      ["indicator", "baseline", "test-nga-informal", "41", "--date", "2018"],
                      ["sdg11a1", "assess", "MOZ", "--date", "2026-03-01", "--evaluator", "A", "--a", "-1", "--b", "2", "--c", "3"],
                      ["sdg11a1", "assess", "EGY", "--date", "2026-03-01", "--evaluator", "A", "--a", "1", "--b", "2", "--c", "3"]])
    func refusals(arguments: [String]) throws {
        let folder = TempFolder()
        let path = try ResultsTests.fixtureCopy(folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try knupp(arguments + ["--store", path, "--officer", "Amina", "--today", "2026-11-30"])
        #expect(result.status == 64, "\(arguments): \(result.status) \(result.stdout) \(result.stderr)")
        #expect(!result.stderr.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("--as-of leaves out a later assessment and a later actual: Nigeria met 11.a.1 in 2025 (51/51/51), not since (50/51/51, X 50.7)")
    func asOf() throws {
        let early = try #require(try ResultsTests.json(try knupp("sdg11a1", "--json", "--as-of", "2025-01-01", "--store", ResultsTests.fixture,
                                                                   "--today", "2026-11-30").stdout) as? [String: Any])
        let late = try #require(try ResultsTests.json(try knupp("sdg11a1", "--json", "--store", ResultsTests.fixture, "--today", "2026-11-30").stdout) as? [String: Any])
        func nga(_ d: [String: Any]) -> [String: Any]? { (d["countries"] as? [[String: Any]])?.first { $0["country"] as? String == "NGA" } }
        #expect(nga(early)?["meets"] as? Bool == true && nga(early)?["date"] as? String == "2024-05-10" && early["countriesMeeting"] as? Int == 1)
        #expect(nga(late)?["meets"] as? Bool == false && nga(late)?["x"] as? String == "50.7" && late["countriesMeeting"] as? Int == 0)
        let indicators = try #require(try ResultsTests.json(try knupp("indicators", "--json", "--as-of", "2024-12-31", "--store", ResultsTests.fixture,
                                                                        "--today", "2026-11-30").stdout) as? [[String: Any]])
        let moz = try #require(indicators.first { $0["id"] as? String == "test-moz-municipal" })
        #expect((moz["actual"] as? [String: Any])?["value"] as? String == "3", "the 2025 actual is not known at the end of 2024")
        // The report says the same.
        let report = try #require(try ResultsTests.json(try knupp("report", "--format", "json", "--as-of", "2025-01-01", "--store", ResultsTests.fixture,
                                                                    "--today", "2026-11-30").stdout) as? [String: Any])
        #expect(report["reportVersion"] as? Int == 3 && (report["sdg11a1"] as? [String: Any])?["countriesMeeting"] as? Int == 1)
    }

    @Test("validate names each broken rule of results with its line and column, and exits 4")
    func validateRules() throws {
        let folder = TempFolder()
        let path = try ResultsTests.fixtureCopy(folder)
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"a\" : 40,", with: "\"a\" : 140,")
        text = text.replacingOccurrences(of: "\"value\" : \"37.5\"", with: "\"value\" : \"37,5\"")
        text = text.replacingOccurrences(of: "\"policy\" : \"moz-nup\"", with: "\"policy\" : \"moz-nope\"")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let result = try knupp("validate", "--store", path)
        #expect(result.status == 4, "\(result.status) \(result.stdout)")
        let said = result.stdout + result.stderr
        for (field, words) in [("evaluations[0].a", "140 is not a score"), ("actuals[0].value", "“37,5” is not a number"), ("sdg11a1[0].policy", "is not a policy of MOZ")] {
            #expect(said.contains(field) && said.contains(words), "\(field): \(said)")
        }
        #expect(said.contains("results.json:"), "file:line:col: \(said)")
    }

    @Test("each result edit's inverse restores the record exactly; the edits of two officers at once are both kept (another day's actual, another evaluator)")
    func inversesAndTwoOfficers() throws {
        let programme = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: ResultsTests.fixture)), path: "f").programme
        let moz = RecordRef(.indicator, "test-moz-municipal", country: "MOZ")
        let edits: [Edit] = [
            try programme.recording(.actual, of: moz, value: "6", on: CalendarDate("2026-01-31")!, comment: nil, evidence: nil, by: "A", at: "2026-11-30T00:00:00Z",
                                    today: CalendarDate("2026-11-30")!),
            try programme.recording(.actual, of: moz, value: "4", on: CalendarDate("2025-06-30")!, comment: "revised", evidence: nil, by: "A",
                                    at: "2026-11-30T00:00:00Z", today: CalendarDate("2026-11-30")!),
            try programme.recording(.baseline, of: moz, value: "1", on: CalendarDate("2022")!, comment: nil, evidence: nil, by: "A", at: "x",
                                    today: CalendarDate("2026-11-30")!),
            try programme.recording(.target, of: moz, value: "20", on: CalendarDate("2030")!, comment: nil, evidence: nil, by: "A", at: "x",
                                    today: CalendarDate("2026-11-30")!),
            try programme.assessing("MOZ", on: CalendarDate("2025-03-01")!, policy: nil, evaluator: "Test C", a: 1, b: 2, c: 3, evidence: nil, note: nil),
            try programme.assessing("NGA", on: CalendarDate("2026-06-01")!, policy: "nga-niger-state-urban-policy", evaluator: "X", a: 1, b: 2, c: 3,
                                    evidence: "e", note: "n"),
        ]
        for edit in edits {
            let inverse = try programme.inverse(of: edit)
            let after = try programme.applying(edit)
            #expect(after != programme, "\(edit) changes something")
            #expect(try after.applying(inverse) == programme, "\(edit) undone by \(inverse)")
        }
        // Two officers on the same file, each from the version they loaded.
        let folder = TempFolder()
        let path = try ResultsTests.fixtureCopy(folder)
        let one = try ProgrammeStore.open(path: path, officer: "One"), two = try ProgrammeStore.open(path: path, officer: "Two")
        defer { one.close(); two.close() }
        try one.commit(edits[0])
        try two.commit(try two.programme.recording(.actual, of: moz, value: "8", on: CalendarDate("2026-10-31")!, comment: nil, evidence: nil, by: "Two",
                                                   at: "2026-11-30T00:00:00Z", today: CalendarDate("2026-11-30")!))
        try one.commit(try one.programme.assessing("NGA", on: CalendarDate("2026-02-01")!, policy: nil, evaluator: "One", a: 60, b: 60, c: 60, evidence: nil, note: nil))
        try two.commit(try programme.assessing("NGA", on: CalendarDate("2026-02-01")!, policy: nil, evaluator: "Two", a: 70, b: 70, c: 70, evidence: nil, note: nil))
        let stored = try storedProgramme(path)
        #expect(stored.indicator(moz)?.actuals.map(\.value) == ["3", "5", "6", "8"], "both officers' actuals, in date order")
        #expect(stored.country("NGA")?.sdg11a1.last?.evaluations.map(\.evaluator) == ["Test A", "One", "Two"], "both evaluators joined the day's assessment")
    }

    @Test("git's merge of two officers' results: actuals of different days and two evaluators of one day are both kept; the same day's value changed both ways is a conflict")
    func merge() throws {
        let base = try Data(contentsOf: URL(fileURLWithPath: ResultsTests.fixture))
        let programme = try StoreDocument.decode(base, path: "f").programme
        let moz = RecordRef(.indicator, "test-moz-municipal", country: "MOZ")
        let today = CalendarDate("2026-11-30")!
        func saved(_ edits: [Edit]) throws -> Data {
            var p = programme
            for edit in edits { try p.apply(edit) }
            return StoreDocument(programme: p).encoded()
        }
        let ours = try saved([
            try programme.recording(.actual, of: moz, value: "6", on: CalendarDate("2026-01-31")!, comment: nil, evidence: nil, by: "One", at: "2026-11-30T01:00:00Z", today: today),
            try programme.assessing("NGA", on: CalendarDate("2026-02-01")!, policy: nil, evaluator: "One", a: 60, b: 60, c: 60, evidence: nil, note: nil),
        ])
        let theirs = try saved([
            try programme.recording(.actual, of: moz, value: "8", on: CalendarDate("2026-10-31")!, comment: nil, evidence: nil, by: "Two", at: "2026-11-30T02:00:00Z", today: today),
            try programme.assessing("NGA", on: CalendarDate("2026-02-01")!, policy: nil, evaluator: "Two", a: 70, b: 70, c: 70, evidence: nil, note: nil),
        ])
        let merged = try StoreDocument.decode(StoreMerge.merge(base: base, ours: ours, theirs: theirs, path: "f"), path: "f").programme
        #expect(merged.indicator(moz)?.actuals.map(\.value) == ["3", "5", "6", "8"])
        #expect(merged.country("NGA")?.sdg11a1.last?.evaluations.map(\.evaluator).sorted() == ["One", "Test A", "Two"])
        let clash = try saved([try programme.recording(.actual, of: moz, value: "4", on: CalendarDate("2025-06-30")!, comment: nil, evidence: nil, by: "Two",
                                                       at: "2026-11-30T02:00:00Z", today: today)])
        let mine = try saved([try programme.recording(.actual, of: moz, value: "6", on: CalendarDate("2025-06-30")!, comment: nil, evidence: nil, by: "One",
                                                      at: "2026-11-30T01:00:00Z", today: today)])
        #expect(throws: StoreMerge.Conflict.self) { try StoreMerge.merge(base: base, ours: mine, theirs: clash, path: "f") }
    }

    @Test("knupp log says what results changed, from git: an actual recorded, an evaluator's scores",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is not installed"))
    func log() throws {
        let folder = TempFolder()
        let path = try ResultsTests.fixtureCopy(folder)
        let repository = try TestRepository(folder.path)
        try repository.commit("start")
        #expect(try knupp("indicator", "actual", "test-moz-municipal", "6", "--date", "2026-01-31", "--store", path, "--officer", "Amina").status == 0)
        #expect(try knupp("sdg11a1", "assess", "NGA", "--date", "2026-02-01", "--evaluator", "One", "--a", "60", "--b", "61", "--c", "62",
                          "--store", path, "--officer", "Amina").status == 0)
        try repository.commit("results")
        let log = try knupp("log", "--store", path).stdout
        #expect(log.contains("actual recorded: “6” on 2026-01-31"), "\(log)")
        #expect(log.contains("SDG 11.a.1 of 2026-02-01: One scored a 60, b 61, c 62"), "\(log)")
    }

    @Test("what a first try found: a negative value without --, --replace, help of a nested command, a second evaluator's note kept, an indicator read whole, the front asking before it replaces")
    func firstTry() throws {
        let folder = TempFolder()
        let path = try ResultsTests.fixtureCopy(folder)
        func k(_ arguments: String...) throws -> RunResult { try knupp(Array(arguments) + ["--store", path, "--officer", "Amina"]) }
        let negative = try k("indicator", "actual", "test-nga-informal", "-3", "--date", "2025-06-30", "--comment", "-2 on the year before")
        #expect(negative.status == 0, "\(negative.stderr)")
        let first = try storedProgramme(path).indicator(RecordRef(.indicator, "test-nga-informal", country: "NGA"))?.actuals.first
        #expect(first?.value == "-3" && first?.comment == "-2 on the year before")
        let replaced = try k("indicator", "actual", "test-moz-municipal", "4", "--date", "2025-06-30", "--replace")
        #expect(replaced.status == 0, "\(replaced.stderr)")
        #expect(try storedProgramme(path).indicator(RecordRef(.indicator, "test-moz-municipal", country: "MOZ"))?.actuals.map(\.value) == ["3", "4"])
        // Outside git, the history lists the actuals the record dates; kinds by their plural; a country by its name.
        let log = try k("log")
        #expect(log.stdout.contains("actual recorded: “-3” on 2025-06-30"), "\(log.stdout)")
        #expect(try k("list", "indicators").stdout.contains("NGA/test-nga-informal"))
        let named = try k("indicators", "--country", "Mozambique", "--json")
        #expect(named.status == 0 && named.stdout.contains("test-moz-municipal") && !named.stdout.contains("test-nga-informal"), "\(named.stderr)")
        let help = try knupp("sdg11a1", "assess", "--help")
        #expect(help.status == 0 && help.stdout.contains("--evaluator") && help.stdout.contains("USAGE: knupp sdg11a1 assess"), "\(help.stdout)")
        for (who, note) in [("P", "first note"), ("Q ", "second note")] {
            #expect(try k("sdg11a1", "assess", "MOZ", "--date", "2026-01-10", "--evaluator", who, "--a", "10", "--b", "10", "--c", "10", "--note", note).status == 0)
        }
        #expect(try k("sdg11a1", "assess", "MOZ", "--date", "2026-01-10", "--evaluator", "q", "--a", "20", "--b", "20", "--c", "20").status == 0)
        let assessment = try #require(try storedProgramme(path).country("MOZ")?.sdg11a1.last)
        #expect(assessment.note == "first note\nsecond note" && assessment.evaluations.map(\.evaluator) == ["P", "Q"] && assessment.evaluations.last?.a == 20)
        // The front: v reads the indicator whole; r on a day that has an actual names it and asks.
        var state = try sampleState(width: 120, height: 40, programme: try storedProgramme(path))
        state.press(.char("6"), .char("G"), .char("v"))
        let pane = state.snapshot
        #expect(pane.contains("3 on 2024-06-30: test data") && pane.contains("4 on 2025-06-30") && pane.contains("Baseline: 0 on 2022-11"), "\(pane)")
        state.press(.escape, .char("r"))
        for _ in 0..<20 { state.press(.backspace) }
        type("5", into: &state)
        state.press(.tab, .ctrl("u"))
        type("2025-06-30", into: &state)
        state.press(.enter)
        #expect(state.form?.error?.contains("2025-06-30 already has an actual: 4") == true, "\(state.form?.error ?? "no error")")
        let effects = state.press(.enter)
        #expect(state.form == nil && effects.contains { if case .commit = $0 { true } else { false } }, "a second Enter replaces it")
    }

    @Test("the Indicators panel and the country's results, as snapshots at 80x24 and 120x40", arguments: SnapshotTests.sizes)
    func snapshots(size: (Int, Int)) throws {
        let programme = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: ResultsTests.fixture)), path: "f").programme
        var state = try sampleState(width: size.0, height: size.1, programme: programme)
        state.press(.char("6"), .down)
        try expectSnapshot(state.snapshot, named: "indicators-fixture-\(size.0)x\(size.1)")
        state.press(.enter)
        #expect(state.detail?.countryID == "NGA")
        // Down to the SDG 11.a.1 section.
        for _ in 0..<(size.1 == 24 ? 12 : 1) { state.press(.pageDown) ; if state.snapshot.contains("Qa █") { break } }
        try expectSnapshot(state.snapshot, named: "detail-results-nigeria-\(size.0)x\(size.1)")
    }

    @Test("the report's Indicators and SDG 11.a.1 sections: a Markdown and a CSV golden of the fixture")
    func reportGoldens() throws {
        for (format, ext) in [("markdown", "md"), ("csv", "csv")] {
            let result = try knupp(["report", "--format", format, "--store", ResultsTests.fixture, "--today", "2026-11-30"], environment: ["TZ": "UTC"])
            #expect(result.status == 0)
            try expectGolden(result.stdout, at: packageRoot.appendingPathComponent("Tests/TUITests/Golden/report-results.\(ext)"), variable: "KNUPP_RECORD_GOLDEN")
        }
    }
}

@Suite("Results in a real terminal (tmux)", .enabled(if: TmuxSession.available, "tmux is not installed"))
struct ResultsTerminalTests {
    @Test("6, v on an indicator, a value typed and saved; u gives the file's bytes back; A on a country's page scores SDG 11.a.1")
    func recordAndUndo() throws {
        let folder = TempFolder()
        let path = try ResultsTests.fixtureCopy(folder)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let tmux = try TmuxSession("\(knuppBinary) --store \(path) --officer Amina", width: 120, height: 40)
        try tmux.waitFor("read-write")
        try tmux.send("6")
        try tmux.waitFor("TEST DATA: countries meeting")
        try tmux.send("G", "r")
        try tmux.waitFor("Record an actual")
        try tmux.send("9", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("Saved (revision 13). Recorded an actual")
        #expect(try storedProgramme(path).indicator(RecordRef(.indicator, "test-moz-municipal", country: "MOZ"))?.actuals.last?.value == "9")
        try tmux.send("u")
        try tmux.waitFor("Undone: Recorded an actual")
        #expect(try storedProgramme(path) == StoreDocument.decode(original, path: path).programme, "undo gives the record back")
        try tmux.send("Enter")
        try tmux.waitFor("Country detail")
        try tmux.send("A")
        try tmux.waitFor("Score SDG 11.a.1")
        for _ in 0..<3 { try tmux.send("Tab") }
        for score in ["60", "60", "60"] { try tmux.send(score, literal: true); try tmux.send("Tab") }
        try tmux.send("Enter")
        try tmux.waitFor("Saved (revision 15). Recorded Amina's SDG 11.a.1 scores")
        #expect(try storedProgramme(path).country("MOZ")?.sdg11a1.last?.evaluations.last?.evaluator == "Amina")
    }
}
