import ArgumentParser
import Presentation

/// `--status open|done|overdue|all` on the command line.
extension StatusFilter: ExpressibleByArgument {}
