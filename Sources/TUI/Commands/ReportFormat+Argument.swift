import ArgumentParser
import Presentation

/// `--format markdown|html|csv|json` on the command line.
extension ReportFormat: ExpressibleByArgument {}
