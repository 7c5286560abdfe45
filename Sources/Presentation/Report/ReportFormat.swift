import Foundation

/// The forms the progress report comes in; every front renders a report through here.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown, csv, json, html

    public var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .csv: "csv"
        case .json: "json"
        case .html: "html"
        }
    }

    /// The report's text; moments in the Markdown and HTML forms are local to `timeZone`.
    public func render(_ report: ProgressReport, timeZone: TimeZone = .current) throws -> String {
        switch self {
        case .markdown: MarkdownReport.render(report, timeZone: timeZone)
        case .csv: CSVReport.render(report)
        case .json: report.jsonText() + "\n"
        case .html: HTMLReport.render(report, timeZone: timeZone)
        }
    }

    /// The same as UTF-8 bytes, for writing out: the JSON form made as bytes from the start.
    public func renderBytes(_ report: ProgressReport, timeZone: TimeZone = .current) throws -> [UInt8] {
        self == .json ? report.jsonBytes() : Array(try render(report, timeZone: timeZone).utf8)
    }
}
