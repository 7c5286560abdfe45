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

    /// The same as UTF-8 bytes, for writing out: the JSON form made as bytes from the start;
    /// with `bom`, the UTF-8 byte-order mark first (CSV only: what makes Excel read the file as
    /// UTF-8, so that Korean and "2017–2022" show as written).
    public func renderBytes(_ report: ProgressReport, timeZone: TimeZone = .current, bom: Bool = false) throws -> [UInt8] {
        let bytes = self == .json ? report.jsonBytes() : Array(try render(report, timeZone: timeZone).utf8)
        return bom && self == .csv ? ReportFormat.byteOrderMark + bytes : bytes
    }

    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Whether a report written to `path` (nil: standard output) carries the byte-order mark when
    /// not told: a CSV file named `.csv`, the file a spreadsheet opens; never standard output.
    public func marksByteOrder(writingTo path: String?) -> Bool {
        self == .csv && path.map { ($0 as NSString).pathExtension.lowercased() == "csv" } == true
    }
}
