import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation
@testable import TUI

/// The donor report in each format against golden files (re-record: KNUPP_RECORD_GOLDEN=1).
@Suite("Progress report")
struct ReportTests {
    @Test("each format matches its golden file", arguments: ["markdown", "csv", "json"])
    func golden(format: String) throws {
        let result = try knupp("report", "--format", format, "--store", samplePath, "--today", "2026-11-28")
        #expect(result.status == 0)
        let ext = ["markdown": "md", "csv": "csv", "json": "json"][format] ?? format
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
