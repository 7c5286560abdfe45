import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation
@testable import TUI
import Generator

/// The donor report in each format against golden files (re-record: KNUPP_RECORD_GOLDEN=1).
@Suite("Progress report")
struct ReportTests {
    @Test("the report's JSON written field by field is the text Foundation's encoder writes: the sample with a period and changes, a large programme, hostile text")
    func jsonWriterEqualsFoundation() throws {
        var programme = LargeProgramme.make(from: try loadSample(), countries: 30, milestones: 3_000)
        let hostile = "Quote \" backslash \\ tab \t newline \n esc \u{1B} del \u{7F} c1 \u{85} bidi \u{202E}x\u{202C} zw\u{200B} é 국가 /slash 😀 \u{FEFF}"
        programme.countries[2].milestones[0].note = hostile
        programme.countries[2].milestones[1].evidence = hostile
        programme.countries[3].name = hostile
        programme.events[0].title = hostile
        // Moved dues and phase ends, with hostile reasons: the Slippage lines and the moves too.
        try programme.apply(.moveDue(milestone: programme.countries[2].milestones[0].id, to: CalendarDate("2027-03"),
                                     move: DateMove(by: hostile, at: "2026-01-10T02:00:00Z", reason: hostile)))
        try programme.apply(.moveDue(milestone: programme.countries[2].milestones[0].id, to: nil, move: DateMove(by: "A", at: "2026-02-10T02:00:00Z")))
        try programme.apply(.moveDue(milestone: programme.countries[4].milestones[1].id, to: CalendarDate("2026-01-15"),
                                     move: DateMove(by: "A", at: "2026-01-10T02:00:00Z")))
        try programme.apply(.movePhaseEnd(phase: 2, to: CalendarDate("2027-06")!, move: DateMove(by: "A", at: "2026-01-10T02:00:00Z", reason: hostile)))
        try programme.apply(.setPhaseActualEnd(phase: 1, to: CalendarDate("2022-12")))
        // Budgets and expenditures: amounts with and without fractions, two currencies, a phase's own.
        let country = programme.countries[2].id, phase = programme.countries[2].phase
        programme.budgets = [Budget(id: "b1", phase: phase, country: country, periodStart: CalendarDate("2024")!, periodEnd: CalendarDate("2024")!,
                                    value: "60000", currency: "USD", valueDate: CalendarDate("2024-01-01")!),
                             Budget(id: "b2", phase: phase, periodStart: CalendarDate("2024")!, periodEnd: CalendarDate("2025")!,
                                    value: "1250000.75", currency: "KRW", valueDate: CalendarDate("2024-01-01")!)]
        programme.expenditures = [Expenditure(id: "x1", phase: phase, country: country, date: CalendarDate("2024-03-31")!, value: "12500.5", currency: "USD"),
                                  Expenditure(id: "x2", phase: phase, country: country, date: CalendarDate("2024-04-30")!, value: "10", currency: "EUR")]
        programme.countries[2].counterparts = [Counterpart(id: "cp", name: hostile, role: .lead)]
        let moved = ProgressReport(programme: programme, asOf: day("2026-11-28"))
        #expect(!moved.slippage.isEmpty && moved.phaseEnds.count == 2, "the large record has slippage to write")
        for (name, record) in [("sample", try loadSample()), ("large", programme)] {
            var report = ProgressReport(programme: record, asOf: day("2026-11-28"), from: day("2025-01-01"))
            #expect(report.jsonText() == (try PrettyJSON.encode(report, alsoEscaping: JSONOutput.alsoEscaped)), "\(name)")
            report.addChanges(since: day("2025-01-01"), source: "git", [
                (moment: "2026-03-15T08:30:00Z", officer: hostile, change: RecordChange(kind: .tick, id: "irn-nup-approval", title: hostile, details: [hostile, ""])),
            ])
            report.from = nil
            #expect(report.jsonText() == (try PrettyJSON.encode(report, alsoEscaping: JSONOutput.alsoEscaped)), "\(name) with changes")
        }
    }

    @Test("the report's JSON made on two cores, whole or handed out in pieces, is the bytes made on one: many countries, and few with long lists")
    func twoCoresSameBytes() throws {
        for (countries, milestones) in [(200, 30_000), (2, 30_000)] {
            let report = ProgressReport(programme: LargeProgramme.make(from: try loadSample(), countries: countries, milestones: milestones),
                                        asOf: day("2026-11-28"))
            var one = JSONWriter(alsoEscape: JSONOutput.alsoEscaped)
            report.write(into: &one)
            var pieces: [UInt8] = [], count = 0
            report.writeJSON { pieces.append(contentsOf: $0); count += 1 }
            #expect(report.jsonBytes() == one.bytes, "\(countries) countries, whole")
            #expect(pieces == one.bytes && count > 1, "\(countries) countries, in \(count) pieces")
        }
    }

    @Test("the listings' --json rows written by the one writer are the text Foundation's encoder writes: milestones, countries, changes, none")
    func listingsEqualFoundation() throws {
        var programme = LargeProgramme.make(from: try loadSample(), countries: 12, milestones: 400)
        let hostile = "Quote \" backslash \\ tab \t newline \n esc \u{1B} del \u{7F} c1 \u{85} bidi \u{202E}x\u{202C} zw\u{200B} é 국가 😀 \u{FEFF}"
        programme.countries[2].milestones[0].note = hostile
        programme.countries[2].milestones[1].evidence = hostile
        programme.countries[3].name = hostile
        try programme.apply(.moveDue(milestone: programme.countries[2].milestones[0].id, to: CalendarDate("2027-03"),
                                     move: DateMove(by: hostile, at: "2026-01-10T02:00:00Z", reason: hostile)))
        let today = day("2026-11-28")
        let milestones = programme.milestoneEntries.map { MilestoneRow(entry: $0, programme: programme, today: today) }
        let countries = programme.countries.map { CountryRow(country: $0, today: today) }
        let changes = [HistoryRow(moment: "2026-03-15T08:30:00Z", officer: hostile,
                                  change: RecordChange(kind: .tick, id: "irn-nup-approval", title: hostile, details: [hostile, ""]), commit: nil),
                       HistoryRow(moment: "2026-03-16T08:30:00Z", officer: "Amina",
                                  change: RecordChange(kind: .untick, id: "x", title: "t", details: []), commit: "abc123")]
        let escaped = JSONOutput.alsoEscaped
        #expect(JSONOutput.list(milestones, MilestoneRow.write) == (try PrettyJSON.encode(milestones, alsoEscaping: escaped)))
        #expect(JSONOutput.list(countries, CountryRow.write) == (try PrettyJSON.encode(countries, alsoEscaping: escaped)))
        #expect(JSONOutput.list(changes, HistoryRow.write) == (try PrettyJSON.encode(changes, alsoEscaping: escaped)))
        #expect(JSONOutput.list([HistoryRow](), HistoryRow.write) == "[]")
    }

    @Test("hostile text never moves a CSV column (read back by Python's csv module) nor a Markdown table's; a formula is guarded on code points, after line breaks too")
    func cellsKeepTheirColumns() throws {
        let pieces = [",", "\"", "\n", "\r", "\r\n", "=", "+", "-", "@", "\t", "|", "\u{301}", "\u{20DD}", "\u{200D}", " ", "a", "국",
                      "'", "\u{202E}", "\u{1B}", "\\", "`"]
        var seed: UInt64 = 2026
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33) % n
        }
        var rows: [[String]] = [[",\u{301}", "\"\u{301}", "=\u{301}1+1"], ["\r\n=1+1", "\n@SUM(A1)", "|\u{301} x"], ["-3+1", "-1-1", "-0.5e1"]]
        // A negative number alone is a number (an indicator's actual): left as it is.
        #expect(CSVReport.field("-3") == "-3" && CSVReport.field("-37.5") == "-37.5")
        // Only a minus, ASCII digits and one point with digits after it is a number; the rest is guarded.
        for text in ["-", "-.5", "-3.", "-3.5.1", "-3 ", "-\u{0663}", "-3\u{301}", "--3"] {
            #expect(CSVReport.field(text).hasPrefix("'") || CSVReport.field(text).hasPrefix("\"'"), "“\(text)” is no number")
        }
        for _ in 0..<400 { rows.append((0..<3).map { _ in (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined() }) }
        let folder = TempFolder()
        let path = folder.file("cells.csv")
        try Data((rows.map { $0.map(CSVReport.field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n").utf8)
            .write(to: URL(fileURLWithPath: path))
        let script = "import csv, json, sys\nprint(json.dumps(list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))))"
        let result = try run("/usr/bin/env", ["python3", "-c", script, path])
        let read = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String]], "\(result.stderr)")
        #expect(read.count == rows.count, "rows")
        for (written, back) in zip(rows, read) {
            #expect(back.count == 3, "\(written.map { $0.unicodeScalars.map { String($0.value, radix: 16) } })")
            for (cell, text) in zip(written, back) {
                let first = cell.unicodeScalars.drop { $0 == "\r" || $0 == "\n" }.first
                if let first, ["=", "+", "-", "@", "\t"].contains(first) { #expect(text.hasPrefix("'"), "\(cell.debugDescription) runs as a formula") }
            }
            for cell in written {
                let line = Array(MarkdownReport.inline(cell).unicodeScalars)
                #expect(!line.contains("\n") && !line.contains("\r"))
                let bare = line.indices.filter { line[$0] == "|" && ($0 == 0 || line[$0 - 1] != "\\") }
                #expect(bare.isEmpty, "\(cell.debugDescription): a | would end the table cell")
            }
        }
    }

    @Test("an achievement the record does not date counts only once its phase had ended, and the report says so; it never overstates")
    func undatedAchievements() throws {
        func report(asOf day: String) throws -> ReportJSON {
            try ReportJSON(knupp(["report", "--store", samplePath, "--format", "json", "--as-of", day], environment: ["TZ": "UTC"]).stdout)
        }
        let early = try report(asOf: "2017-01-01")
        #expect(early.done == 0, "as of 1 January 2017 nothing of Phase 1 can be claimed")
        #expect(early.status("phase-1-evaluation") == "open" && early.milestone("phase-1-evaluation")?["knownBy"] as? String == "2022")
        #expect(try report(asOf: "2022-03-01").status("phase-2-launched") == "open", "the launch is not claimed before Phase 2 is over")
        let after = try report(asOf: "2023-01-01")
        #expect(after.done == 8 && after.status("phase-1-evaluation") == "done")
        let md = try knupp(["report", "--store", samplePath, "--as-of", "2023-01-01"], environment: ["TZ": "UTC"]).stdout
        #expect(md.contains("[x] Successful Phase 1 evaluation — date not recorded; by 2022"))
        #expect(md.contains("[ ] Draft of Mozambique National Urban Policy — achieved on a day not recorded; counted once 2026-11 is over"))
    }

    @Test("tick --on records the day a result was achieved: reports count it from that day, not the tick's; a future or partial day is refused; untick clears it")
    func achievedOn() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let tick = try knupp("tick", "irn-nup-approval", "--store", path, "--officer", "Amina", "--on", "2026-03-01", "--today", "2026-11-28")
        #expect(tick.status == 0, "\(tick.stderr)")
        var m = try #require(try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path).programme.milestone("irn-nup-approval"))
        #expect(m.done && m.doneOn == CalendarDate("2026-03-01") && m.doneBy == "Amina")
        func status(asOf day: String) throws -> String? {
            try ReportJSON(knupp(["report", "--store", path, "--format", "json", "--as-of", day, "--today", "2026-11-28"],
                                 environment: ["TZ": "UTC"]).stdout).status("irn-nup-approval")
        }
        #expect(try status(asOf: "2026-03-01") == "done", "counted from the day it was achieved")
        #expect(try status(asOf: "2026-02-28") == "open")
        // As of today: achieved on the day given, ticked (now) by Amina.
        let md = try knupp(["report", "--store", path], environment: ["TZ": "UTC"]).stdout
        #expect(md.contains("— achieved on 2026-03-01, ticked by Amina"), "\(md)")
        // As of a day before the tick was written: achieved, but nobody had ticked it yet.
        let earlier = try knupp(["report", "--store", path, "--as-of", "2026-06-30", "--today", "2026-11-28"], environment: ["TZ": "UTC"]).stdout
        #expect(earlier.contains("[x] Iran National Urban Policy approved by the government and adopted — achieved on 2026-03-01\n"), "\(earlier)")
        // Refused: after today, not a day; the file untouched.
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for (day, message) in [("2026-12-25", "is after today"), ("2026-03", "is not one")] {
            let refused = try knupp("tick", "phase-2-completion", "--store", path, "--on", day, "--today", "2026-11-28")
            #expect(refused.status == 64 && refused.stderr.contains(message), "\(day): \(refused.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        // A milestone ticked before takes a day all the same; an untick clears it.
        #expect(try knupp("tick", "irn-nup-approval", "--store", path, "--on", "2026-02-15", "--today", "2026-11-28").status == 0)
        m = try #require(try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path).programme.milestone("irn-nup-approval"))
        #expect(m.doneOn == CalendarDate("2026-02-15") && m.doneBy == "Amina", "the first tick's record stands")
        #expect(m.notes.last?.text == "The day achieved was 2026-03-01; now 2026-02-15.", "the day it replaced is kept in the log")
        #expect(try knupp("untick", "irn-nup-approval", "--store", path).status == 0)
        m = try #require(try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path).programme.milestone("irn-nup-approval"))
        #expect(!m.done && m.doneOn == nil)
        // A day of another precision in the file is named by validate.
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "\"id\" : \"irn-nup-approval\",", with: "\"doneOn\" : \"2026-03\",\n            \"id\" : \"irn-nup-approval\",")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let invalid = try knupp("validate", path)
        #expect(invalid.status == 4 && invalid.stderr.contains("milestones[0].doneOn") && invalid.stderr.contains("is not a day"), "\(invalid.stdout)\(invalid.stderr)")
    }

    @Test("the report is the whole record: summary, goals, Phase 2's launch and start, official names, the basis of each stage, policy and event notes, in every form")
    func wholeRecord() throws {
        let programme = try loadSample()
        let report = ProgressReport(programme: programme, asOf: day("2026-11-28"))
        let iran = try #require(programme.country("IRN"))
        let phase2 = try #require(programme.phase(2))
        let event = try #require(programme.events.first { !$0.summary.isEmpty })
        let policyNote = try #require(programme.countries.flatMap(\.policies).compactMap(\.note).first)
        let expected = [programme.summary, programme.goals[0].title, try #require(iran.officialName), try #require(iran.stageBasis),
                        policyNote, event.summary, "Launched \(try #require(phase2.launch))", "Implementation began \(try #require(phase2.implementationStart))"]
        for format in ReportFormat.allCases {
            let text = try format.render(report, timeZone: TimeZone(identifier: "UTC") ?? .current)
            // JSON and CSV hold the phase's dates as fields, not sentences.
            let sentences = format == .markdown || format == .html
            for fact in expected where sentences || !fact.hasPrefix("Launched") && !fact.hasPrefix("Implementation") {
                // HTML escapes quotes and ampersands; the facts of the sample have neither where checked.
                #expect(text.contains(fact.prefix(60)), "\(format): \(fact.prefix(60))")
            }
        }
        let json = report.jsonText()
        #expect(json.contains("\"launch\" : \"2022-06\"") && json.contains("\"implementationStart\" : \"2022-11\""))
    }

    @Test("the CSV states what it is of (as of, or the period), leaves a figure never recorded empty (no 0, no 0%), and carries a byte-order mark in a .csv file")
    func csvWhole() throws {
        let folder = TempFolder()
        let out = folder.file("report.csv")
        #expect(try knupp("report", "--store", samplePath, "--format", "csv", "--today", "2026-11-28", "--from", "2026-01-01", "--output", out).status == 0)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a .csv file opens in Excel as UTF-8")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[1].hasPrefix("report,") && lines[1].contains(",2026-11-28,") && lines[1].contains("2026-01-01–2026-11-28"), "\(lines[1])")
        // Azerbaijan: no milestones and no people-reached figure in the record.
        let azerbaijan = try #require(lines.first { $0.hasPrefix("country,2,AZE,") })
        let cells = azerbaijan.components(separatedBy: ",")
        let column = { (name: String) in cells[CSVReport.header.firstIndex(of: name) ?? 0] }
        #expect(column("people_reached") == "" && column("percent") == "" && column("milestones_total") == "0", "\(azerbaijan)")
        // To standard output: no mark unless asked; a mark is for CSV only.
        let piped = try knupp("report", "--store", samplePath, "--format", "csv")
        #expect(piped.status == 0 && !piped.stdout.hasPrefix("\u{FEFF}"))
        #expect(try knupp("report", "--store", samplePath, "--format", "csv", "--bom").stdout.hasPrefix("\u{FEFF}"))
        #expect(try knupp("report", "--store", samplePath, "--format", "csv", "--no-bom", "--output", out).status == 0)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: out))).first == UInt8(ascii: "r"), "--no-bom is obeyed")
        let json = try knupp("report", "--store", samplePath, "--format", "json", "--bom")
        #expect(json.status == 64 && json.stderr.contains("--bom is for CSV"))
        // With no --format, the file's ending says which.
        let named = folder.file("named.csv")
        #expect(try knupp("report", "--store", samplePath, "--output", named).status == 0)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: named))).starts(with: [0xEF, 0xBB, 0xBF] + Array("record,".utf8)))
        let both = try knupp("report", "--store", samplePath, "--as-of", "2026-11-01", "--to", "2026-11-02")
        #expect(both.status == 64 && both.stderr.contains("give one of them"), "\(both.stderr)")
    }

    @Test("a report of a day that has not come is refused by name (as of, the end or the start of a period)",
          arguments: [["--as-of", "2026-11-29"], ["--to", "2026-12-25"], ["--from", "2026-11-29"]])
    func futureRefused(option: [String]) throws {
        let result = try knupp(["report", "--store", samplePath, "--today", "2026-11-28"] + option)
        #expect(result.status == 64 && result.stderr.contains("is after today (2026-11-28)"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try knupp(["report", "--store", samplePath, "--today", "2026-11-28", "--as-of", "2026-11-28"]).status == 0, "today itself is fine")
    }

    @Test("each format matches its golden file", arguments: ["markdown", "csv", "json", "html"])
    func golden(format: String) throws {
        let result = try knupp(["report", "--format", format, "--store", samplePath, "--today", "2026-11-28"], environment: ["TZ": "UTC"])
        #expect(result.status == 0)
        let ext = ["markdown": "md", "csv": "csv", "json": "json", "html": "html"][format] ?? format
        try expectGolden(result.stdout, at: packageRoot.appendingPathComponent("Tests/TUITests/Golden/report.\(ext)"), variable: "KNUPP_RECORD_GOLDEN")
    }

    @Test("--as-of marks what is overdue on that day; --output writes the file")
    func asOfAndOutput() throws {
        let folder = TempFolder()
        let out = folder.file("report.md")
        let result = try knupp("report", "--store", samplePath, "--as-of", "2026-12-01", "--output", out)
        #expect(result.status == 0 && result.stdout.isEmpty && result.stderr.contains(out))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("as of 2026-12-01"))
        #expect(text.contains("Phase 2 implementation completed (due 2026-11) **OVERDUE**"))
        #expect(text.contains("1 overdue"))
    }

    @Test("as of a day, the record as it stood: a tick after the day is open (and its tick not shown), events after it left out")
    func asOfRule() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        #expect(try knupp("tick", "irn-nup-approval", "--store", path, "--officer", "Amina", "--note", "Approved in cabinet").status == 0)
        let after = try knupp("report", "--store", path).stdout
        #expect(after.contains("[x] Iran National Urban Policy approved by the government and adopted — ticked by Amina"))
        #expect(after.contains("  - Note, Amina, ") && after.contains(": Approved in cabinet"))
        let before = try knupp("report", "--store", path, "--as-of", "2020-01-01").stdout
        #expect(before.contains("[ ] Iran National Urban Policy approved"))
        #expect(!before.contains("Approved in cabinet"), "a note written after the day is not in the report of the day")
        #expect(!before.contains("ticked by Amina"))
        #expect(!before.contains("Africa Ministerial session"), "an event of 2023 is not in a report as of 2020")
        #expect(before.contains("[ ] Improved capacity through stakeholder engagement workshops"), "Phase 2 had not begun")
        let prior = try knupp("report", "--store", path, "--as-of", "2016-06-30").stdout
        #expect(!prior.contains("(adopted)") && !prior.contains("(pending approval)"), "no policy's status before its phase began")
        #expect(prior.contains("Milestones: 0 of"), "nothing claimed before the programme began")
        let json = try knupp("report", "--store", path, "--format", "json", "--as-of", "2020-01-01").stdout
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((root["events"] as? [Any])?.isEmpty == true)
    }

    @Test("as of a day, a tick counts from its day in the officer's zone: 23:30 UTC on 15 March is 16 March in Seoul; the JSON on stdout is the file --output writes")
    func asOfInTheOfficersZone() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        try writeAsAnotherOfficer(path, .tick(milestone: "phase-2-completion", by: "Amina", at: "2026-03-15T23:30:00Z"))
        func status(asOf day: String, zone: String) throws -> String? {
            let result = try knupp(["report", "--store", path, "--format", "json", "--as-of", day], environment: ["TZ": zone])
            #expect(result.status == 0, "\(result.stderr)")
            return try ReportJSON(result.stdout).status("phase-2-completion")
        }
        #expect(try status(asOf: "2026-03-15", zone: "Asia/Seoul") == "open", "in Seoul the tick fell on the 16th")
        #expect(try status(asOf: "2026-03-16", zone: "Asia/Seoul") == "done")
        #expect(try status(asOf: "2026-03-15", zone: "UTC") == "done", "in UTC it fell on the 15th")
        // Written as it is made to standard output, whole to a file: the same bytes.
        let out = folder.file("report.json")
        let streamed = try knupp(["report", "--store", path, "--format", "json", "--today", "2026-11-28"], environment: ["TZ": "UTC"])
        #expect(try knupp(["report", "--store", path, "--format", "json", "--today", "2026-11-28", "--output", out], environment: ["TZ": "UTC"]).status == 0)
        #expect(streamed.stdout == (try String(contentsOfFile: out, encoding: .utf8)))
    }

    @Test("a reporting period: --from and --to; notes and evidence in every format")
    func periodAndNotes() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        try writeAsAnotherOfficer(path, .editMilestone(id: "phase-2-completion", title: "Phase 2 implementation completed", due: nil,
                                                      note: "Final report due", evidence: "https://example.org/k-nupp-final"))
        let md = try knupp("report", "--store", path, "--from", "2026-01-01", "--to", "2026-11-30").stdout
        #expect(md.contains("for the period 2026-01-01 to 2026-11-30"))
        // A period ending before today, read from the record as it is: its undated note and
        // evidence may have been written since, and say so.
        #expect(md.contains("Evidence (undated): https://example.org/k-nupp-final") && md.contains("Note (undated): Final report due"), "\(md)")
        #expect(try knupp("report", "--store", path).stdout.contains("  - Note: Final report due"), "as of today: known")
        let csv = try knupp("report", "--store", path, "--format", "csv").stdout
        #expect(csv.contains("Final report due") && csv.contains("https://example.org/k-nupp-final"))
        let html = try knupp("report", "--store", path, "--format", "html").stdout
        #expect(html.contains("Evidence: https://example.org/k-nupp-final"))
        let htmlBefore = try knupp("report", "--store", path, "--format", "html", "--as-of", "2026-06-30").stdout
        #expect(htmlBefore.contains("Evidence (undated): https://example.org/k-nupp-final"))
        #expect(try knupp("report", "--store", path, "--from", "2026-12-01", "--to", "2026-11-30").status == 64)
    }

    @Test("the HTML report renders in a real browser: a screenshot and an A4 PDF",
          .enabled(if: HTMLBrowser.path != nil, "chromium is not installed"))
    func htmlInBrowser() throws {
        let folder = TempFolder()
        let html = folder.file("report.html")
        #expect(try knupp("report", "--format", "html", "--store", samplePath, "--today", "2026-11-28", "--output", html).status == 0)
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(!text.contains("<script") && !text.contains("http://") && !text.contains("https://"), "self-contained")
        let browser = try #require(HTMLBrowser.path)
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(folder.file("profile"))"]
        let png = folder.file("report.png"), pdf = folder.file("report.pdf")
        _ = try run(browser, common + ["--window-size=1000,1400", "--screenshot=\(png)", "file://\(html)"], timeout: 120)
        _ = try run(browser, common + ["--print-to-pdf=\(pdf)", "--no-pdf-header-footer", "file://\(html)"], timeout: 120)
        let image = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]) && image.count > 30_000, "a PNG with something on it (\(image.count) bytes)")
        let document = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(document.starts(with: Array("%PDF".utf8)) && document.count > 20_000, "a PDF (\(document.count) bytes)")
        let pages = String(decoding: document, as: UTF8.self).components(separatedBy: "/Type /Page").count - 1
        #expect(pages >= 2, "more than one page (\(pages))")
        // No half-empty page but the last: the text on each goes down past 70% of it (pdftotext's boxes;
        // forced breaks before each phase left pages 2 and 4 a quarter to a third empty).
        let boxes = try run("/usr/bin/env", ["pdftotext", "-bbox", pdf, "-"])
        #expect(boxes.status == 0, "pdftotext (poppler-utils): \(boxes.stderr)")
        let fills = boxes.stdout.components(separatedBy: "<page ").dropFirst().map { page -> Double in
            let height = Double(page.firstMatch(of: /height="([\d.]+)"/)?.1 ?? "1") ?? 1
            let lowest = page.matches(of: /yMax="([\d.]+)"/).compactMap { Double($0.1) }.max() ?? 0
            return lowest / height
        }
        #expect(fills.count >= 2 && fills.dropLast().allSatisfy { $0 > 0.7 }, "how far down each page's text goes: \(fills)")
        // A window 420 px wide scrolls nothing sideways: the page measured in a frame of that width
        // (headless chromium's own window is at least 500 px).
        let frame = folder.file("frame.html")
        let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        try Data(("<!DOCTYPE html><html><body style=\"margin:0\"><iframe id=\"f\" style=\"width:420px;height:3000px;border:0\" srcdoc=\"\(escaped)\"></iframe>"
                  + "<script>var f=document.getElementById('f');f.onload=function(){document.body.setAttribute('data-width',"
                  + "f.contentDocument.documentElement.scrollWidth+'/'+f.contentWindow.innerWidth)}</script></body></html>").utf8)
            .write(to: URL(fileURLWithPath: frame))
        let dom = try run(browser, common + ["--window-size=800,2000", "--virtual-time-budget=3000", "--dump-dom", "file://\(frame)"], timeout: 120)
        let measured = try #require(dom.stdout.firstMatch(of: /data-width="(\d+)\/(\d+)"/), "the frame was measured")
        #expect((Int(measured.1) ?? 9999) <= (Int(measured.2) ?? 0), "the page is \(measured.1) px wide in a \(measured.2) px window")
    }

    @Test("the HTML timeline: every mark inside the chart, year labels that never meet, states told by shape, achievements shown when achieved")
    func htmlTimeline() throws {
        var programme = try loadSample()
        // Far-off and past dues stretch the range; an overdue, an open and an achieved one to draw.
        try programme.apply(.editMilestone(id: "irn-nup-approval", title: "Iran National Urban Policy approved by the government and adopted",
                                          due: CalendarDate("2099-01"), note: nil, evidence: nil))
        try programme.apply(.addMilestone(Milestone(id: "late", title: "Late one", due: CalendarDate("2024-01-31")), to: .country("MOZ"), at: nil))
        try programme.apply(.tick(milestone: "phase-2-completion", by: "Amina", at: "2026-11-20T09:00:00Z"))
        let html = HTMLReport.render(ProgressReport(programme: programme, asOf: day("2026-11-28")), timeZone: TimeZone(identifier: "UTC") ?? .current)
        let svg = try #require(html.firstMatch(of: /<svg class="timeline".*?<\/svg>/.dotMatchesNewlines())).output
        let labels = svg.matches(of: /<text x="(\d+)" y="18"/).compactMap { Int($0.1) }
        #expect(labels.count >= 3 && zip(labels, labels.dropFirst()).allSatisfy { $1 - $0 >= 30 }, "year labels at \(labels)")
        let xs = svg.matches(of: /cx="(-?\d+)"/).compactMap { Int($0.1) } + svg.matches(of: #/d="M(-?\d+) /#).compactMap { Int($0.1) }
        #expect(!xs.isEmpty && xs.allSatisfy { (0...900).contains($0) }, "marks at \(xs.filter { !(0...900).contains($0) })")
        #expect(svg.contains("l5 9 l-10 0 z\" fill=\"\(HTMLReport.overdueColour)\""), "overdue is a triangle")
        #expect(svg.contains("fill=\"#fff\" stroke=\"\(HTMLReport.openColour)\""), "open is a ring")
        #expect(svg.contains("Phase 2 implementation completed: achieved 2026-11-20"), "the day it was achieved is marked")
    }

    @Test("CSV follows RFC 4180: commas, quotes and line breaks are quoted")
    func csvQuoting() {
        #expect(CSVReport.field("plain") == "plain")
        #expect(CSVReport.field("a, b") == "\"a, b\"")
        #expect(CSVReport.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVReport.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVReport.field(" edge") == "\" edge\"")
        #expect(CSVReport.field("bell\u{07}") == "bell␇")
    }

    @Test("every CSV row has the header's number of fields")
    func csvShape() throws {
        var programme = try loadSample()
        programme.countries[0].milestones[0].title = "Quoted \"title\", with comma\nand a line break"
        let csv = CSVReport.render(ProgressReport(programme: programme, asOf: fixedToday))
        let rows = parseCSV(csv)
        #expect(rows.allSatisfy { $0.count == CSVReport.header.count })
        #expect(rows.contains { $0.contains("Quoted \"title\", with comma\nand a line break") })
    }

    @Test("Markdown escapes its own characters in data")
    func markdownEscapes() {
        #expect(MarkdownReport.inline("a | b *c* [d]") == "a \\| b \\*c\\* \\[d\\]")
    }

    /// A small RFC 4180 reader, to check the writer from the other side.
    func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false } }
                else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r" { continue }
            else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.unicodeScalars.append(c) }
        }
        return rows
    }
}

/// A JSON report read back: its root, and a milestone's line in it wherever it stands (a phase's
/// own or a country's).
struct ReportJSON {
    let root: [String: Any]

    init(_ text: String) throws {
        root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON report: \(text.prefix(200))")
    }

    func milestone(_ id: String) -> [String: Any]? {
        let phases = (root["phases"] as? [[String: Any]]) ?? []
        let lines = phases.flatMap { p in
            ((p["milestones"] as? [[String: Any]]) ?? []) + ((p["countries"] as? [[String: Any]]) ?? []).flatMap { ($0["milestones"] as? [[String: Any]]) ?? [] }
        }
        return lines.first { $0["id"] as? String == id }
    }

    func status(_ id: String) -> String? { milestone(id)?["status"] as? String }

    var done: Int { (root["progress"] as? [String: Any])?["done"] as? Int ?? -1 }
}

/// The headless browser the HTML test uses (Debian's chromium).
enum HTMLBrowser {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}
