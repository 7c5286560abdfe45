import Foundation
import Testing
@testable import Model
@testable import TUI
import TestSupport
@testable import Presentation

/// What a second try of issue 21 as a new officer found, each as the officer met it: the binary
/// on a store on disk, or the front's reducer.
@Suite("The whole record, a second look: dated values, ids, completion, the read-only front, a conflict set by hand")
struct RecordSecondLookTests {
    let folder = TempFolder()

    func run(_ path: String, _ arguments: String...) throws -> RunResult {
        try knupp(arguments + ["--store", path, "--officer", "Amina"])
    }

    /// Mozambique as the JSON report as of `day` gives it.
    func mozambique(_ path: String, asOf day: String) throws -> [String: Any] {
        let report = try knupp("report", "--format", "json", "--as-of", day, "--store", path)
        let tree = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any], "\(report.stderr)")
        let countries = try #require(tree["phases"] as? [[String: Any]]).flatMap { ($0["countries"] as? [[String: Any]]) ?? [] }
        return try #require(countries.first { $0["id"] as? String == "MOZ" })
    }

    func peopleReached(_ path: String, asOf day: String) throws -> Int? { try mozambique(path, asOf: day)["peopleReached"] as? Int }

    @Test("a project added with the people it reached counts them from that day (--on, else today), not in a report as of before")
    func addedProjectIsDated() throws {
        let path = try folder.copySample()
        let add = try run(path, "add", "project", "--country", "MOZ", "--id", "moz-p1", "--title", "Maputo pilot", "--peopleReached", "500", "--on", "2026-06-01")
        #expect(add.status == 0, "\(add.stderr)")
        let project = try #require(try storedProgramme(path).country("MOZ")?.projects.last)
        #expect(project.peopleReachedChanges.count == 1 && project.peopleReachedChanges[0].on == CalendarDate("2026-06-01")
                && project.peopleReachedChanges[0].from == nil && project.peopleReachedChanges[0].to == "500")
        #expect(try peopleReached(path, asOf: "2026-07-01") == 500)
        #expect((try peopleReached(path, asOf: "2025-01-01") ?? 0) == 0)
        let future = try run(path, "add", "project", "--country", "MOZ", "--id", "moz-p2", "--title", "Later", "--peopleReached", "5", "--on", "2999-01-01")
        #expect(future.status == 64 && future.stderr.contains("after today"))
    }

    @Test("a stage re-dated by giving it again with --on; a change dated before the last change is refused (64, bytes kept); as-of reads changes by their days, whatever their order in the list")
    func stageDays() throws {
        let path = try folder.copySample()
        #expect(try run(path, "set", "MOZ", "stage=implementation").status == 0)
        let redate = try run(path, "set", "MOZ", "stage=implementation", "--on", "2026-05-20")
        #expect(redate.status == 0 && !redate.stdout.contains("already says so"), "\(redate.stdout)\(redate.stderr)")
        let log = try #require(try storedProgramme(path).country("MOZ")?.stageChanges)
        #expect(log.count == 1 && log.last?.on == CalendarDate("2026-05-20") && log.last?.from == "formulation" && log.last?.to == "implementation",
                "the change is re-dated, not written twice: \(log)")
        func stage(asOf day: String) throws -> String? { try mozambique(path, asOf: day)["stage"] as? String }
        #expect(try stage(asOf: "2026-06-01") == "implementation")
        #expect(try stage(asOf: "2026-04-01") == "formulation")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let back = try run(path, "set", "MOZ", "stage=diagnosis", "--on", "2024-01-01")
        #expect(back.status == 64 && back.stderr.contains("before its last change"), "\(back.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        // Re-dated later, then a change after it: the day moved, and nothing dated today stands in the way.
        #expect(try run(path, "set", "MOZ", "stage=implementation", "--on", "2026-05-25").status == 0)
        #expect(try stage(asOf: "2026-05-21") == "formulation")
        let next = try run(path, "set", "MOZ", "stage=monitoring", "--on", "2026-06-01")
        #expect(next.status == 0, "\(next.stderr)")
        #expect(try stage(asOf: "2026-05-28") == "implementation" && (try stage(asOf: "2026-06-02")) == "monitoring & evaluation")
        #expect(try storedProgramme(path).country("MOZ")?.stageChanges.count == 2)
        // Two officers' changes merged out of the order of their days: read by their days.
        let merged = [FieldChange(from: "formulation", to: "diagnosis", on: CalendarDate("2026-01-01"), at: "2026-01-02T00:00:00Z", by: "A"),
                      FieldChange(from: "formulation", to: "implementation", on: CalendarDate("2026-02-01"), at: "2026-01-01T00:00:00Z", by: "B")]
        for order in [merged, merged.reversed()] {
            var p = try storedProgramme(path)
            let i = try #require(p.countries.firstIndex { $0.id == "MOZ" })
            p.countries[i].stageChanges = order
            p.countries[i].stage = .implementation
            let utc = TimeZone(identifier: "UTC")!
            #expect(p.asOf(CalendarDate("2026-01-15")!, in: utc).country("MOZ")?.stage == .diagnosis)
            #expect(p.asOf(CalendarDate("2025-12-01")!, in: utc).country("MOZ")?.stage == .formulation)
            #expect(p.asOf(CalendarDate("2026-03-01")!, in: utc).country("MOZ")?.stage == .implementation)
        }
    }

    @Test("add without --id makes one from the title (the issue's own example), -2 when taken; countries named in any case; the start of a word names it")
    func idsAndWords() throws {
        let path = try folder.copySample()
        let first = try run(path, "add", "event", "--date", "2026-05-20", "--title", "Validation workshop", "--countries", "moz,Pry")
        #expect(first.status == 0, "\(first.stderr)")
        let second = try run(path, "add", "event", "--date", "2026-05-21", "--title", "Validation workshop")
        #expect(second.status == 0, "\(second.stderr)")
        let events = try storedProgramme(path).events
        #expect(events.contains { $0.id == "validation-workshop" && $0.countries == ["MOZ", "PRY"] })
        #expect(events.contains { $0.id == "validation-workshop-2" })
        #expect(try run(path, "set", "MOZ", "stage=monitoring").status == 0)
        #expect(try storedProgramme(path).country("MOZ")?.stage == .monitoringAndEvaluation)
        let year = try run(path, "add", "publication", "--title", "Guide", "--summary", "s", "--year", "99999")
        #expect(year.status == 64 && year.stderr.contains("not a year"), "\(year.stderr)")
    }

    @Test("completion of a lower-case start: every record whose id begins so, written with the typed start (bash keeps only those)")
    func lowerCaseCompletion() throws {
        let path = try folder.copySample()
        func complete(_ words: [String], home: String? = nil) throws -> [String] {
            try knupp(["---completion"] + words, environment: ["SAP_SHELL": "bash"].merging(home.map { ["HOME": $0] } ?? [:]) { $1 })
                .stdout.split(separator: "\n").map(String.init)
        }
        // (ArgumentParser takes the start typed from the line's last word: where the cursor is when Tab is pressed.)
        let set = try complete(["set", "--", "positional@0", "4", "3", "knupp", "--store", path, "set", "moz"])
        #expect(set.contains("moz") && set.contains("moz-nup") && set.allSatisfy { $0.hasPrefix("moz") }, "\(set)")
        let longer = try complete(["set", "--", "positional@0", "4", "5", "knupp", "--store", path, "set", "nga-b"])
        #expect(!longer.isEmpty && longer.allSatisfy { $0.hasPrefix("nga-b") }, "\(longer)")
        #expect(Completion.matching(["MOZ", "moz-nup", "NGA", "moz-nup"], "mo") == ["moz", "moz-nup"])
        #expect(Completion.matching(["MOZ", "moz-nup"], "MOZ-") == ["MOZ-NUP"])
        // The store named as the shell hands it over, before expanding it.
        let home = try complete(["set", "--", "positional@0", "4", "3", "knupp", "--store", "$HOME/programme.json", "set", "moz"], home: folder.path)
        #expect(home.contains("moz-nup"), "\(home)")
        #expect(Completion.expanded("~/a/${HOME}/$X.json", ["HOME": "/h", "X": "s"]) == "/h/a//h/s.json")
    }

    @Test("a read-only front advertises no change: the country page, a record's line and Space say read-only")
    func readOnlyHints() throws {
        var state = try sampleState(width: 100, height: 30, readOnly: "opened with --read-only")
        _ = state.press(.char("2"), .enter)
        #expect(state.detail != nil)
        let opened = state.message?.text ?? ""
        #expect(!opened.contains("Space tick") && !opened.contains("e edit") && opened.contains("read-only"), "\(opened)")
        for _ in 0..<4 {
            _ = state.press(.char("j"))
            let said = state.message?.text ?? ""
            #expect(!said.contains("e edits") && !said.contains("a adds") && !said.contains("d removes"), "\(said)")
        }
        _ = state.press(.char(" "))
        #expect(state.message?.text.contains("read-only") == true, "\(state.message?.text ?? "")")
        // The page and a record read whole offer no change either.
        let page = (state.detail?.lines ?? []).map(\.text).joined(separator: "\n")
        #expect(!page.contains("press a") && !page.contains("press e") && !page.contains("A records"), "\(page)")
        let pane = RecordPane.lines(RecordRef(.country, "MOZ"), in: state.programme, timeZone: .current, width: 80, readOnly: true).map(\.text).joined()
        #expect(!pane.contains("e edits") && pane.contains("Read-only"))
    }

    @Test("the conflict dialog's e opens the record's form on the field; Enter saves the officer's value and syncs keeping it; Esc leaves the sync stopped")
    func conflictEdit() throws {
        var state = try sampleState(width: 100, height: 30)
        state.send(.syncConflict(field: "country MOZ › name", ours: "\"Moçambique\"", theirs: "\"Mozambique (RM)\""))
        #expect(state.press(.char("e")).isEmpty && state.syncConflict == nil)
        let form = try #require(state.form)
        #expect(form.purpose == .editRecord(RecordRef(.country, "MOZ")) && form.keys[form.focus] == "name")
        #expect(state.message?.text.contains("Mozambique (RM)") == true)
        _ = state.press(.ctrl("u"))
        type("Mozambique C", into: &state)
        let effects = state.press(.enter)
        #expect(effects.contains { if case .commit(let record, _) = $0, case .setRecord(_, let values, _) = record.edit { values["name"] == .string("Mozambique C") } else { false } }, "\(effects)")
        #expect(effects.last == .sync(prefer: .mine) && state.busy == .syncing)
        // Esc instead: nothing saved, the sync stays stopped.
        var other = try sampleState(width: 100, height: 30)
        other.send(.syncConflict(field: "programme.countries[id MOZ].name", ours: "1", theirs: "2"))
        _ = other.press(.char("e"))
        #expect(other.form != nil)
        #expect(other.press(.escape).isEmpty && other.form == nil && other.message?.text.contains("sync stays stopped") == true)
    }
}

@Suite("Every record form speaks Korean")
struct RecordFormWordsTests {
    @Test("every field of every kind of record has its own label, in Korean too (none falls back to the file's key)")
    func labels() {
        Texts.$override.withValue(.ko) {
            for kind in RecordKind.allCases {
                for field in Programme.fields(of: kind) {
                    #expect(FormState.label(field.key) != FormState.englishLabel(field.key), "\(kind).\(field.key)")
                }
            }
        }
    }
}

@Suite("The front re-dates a stage as the command line does")
struct FrontRedateTests {
    @Test("a country's form with only “Stage since” filled re-dates the change that made the stage (it said “Nothing changed”)")
    func onlyTheDay() throws {
        let programme = try loadSample()
        var form = FormState.record(.country, ref: RecordRef(.country, "MOZ"), country: nil, in: programme)
        let i = try #require(form.keys.firstIndex(of: FormState.stageDayKey))
        form.fields[i] = TextField(label: form.fields[i].label, text: "2024-03", placeholder: "")
        guard case .success(let edit) = form.recordEdit(in: programme, write: RecordWrite(by: "Amina", at: "2026-12-03T09:00:00Z")) else {
            Issue.record("the form refused a day alone"); return
        }
        let after = try programme.applying(edit)
        let mozambique = try #require(after.country("MOZ"))
        #expect(mozambique.stage == .formulation && mozambique.stageChanges.last?.on == CalendarDate("2024-03") && mozambique.stageChanges.last?.to == "formulation")
        #expect(after.asOf(CalendarDate("2024-01-31")!, in: TimeZone(identifier: "UTC")!).country("MOZ")?.stage == nil)
    }
}
