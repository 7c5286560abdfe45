import Model
import Presentation

/// What the front's report form asks for: the format, the file, the day the report is as of and,
/// for a period, the day it starts; whether an existing file may be replaced.
struct ReportRequest: Equatable, Sendable {
    var format: ReportFormat
    var path: String
    var asOf: CalendarDate
    var from: CalendarDate?
    var replace = false
}
