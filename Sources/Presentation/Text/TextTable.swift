import Model
/// A plain-text table whose columns line up by display width.
///
/// Fits a terminal by cutting the flexible column; piped, it prints everything.
public struct TextTable {
    public struct Column: Sendable {
        public var title: String
        public var alignRight = false
        /// This column is cut first when the table is too wide.
        public var flexible = false

        public init(title: String, alignRight: Bool = false, flexible: Bool = false) {
            self.title = title; self.alignRight = alignRight; self.flexible = flexible
        }
    }

    public var columns: [Column]
    public var rows: [[String]]

    public init(columns: [Column], rows: [[String]]) { self.columns = columns; self.rows = rows }

    public func render(width: Int?) -> String {
        var widths = columns.indices.map { i in
            rows.reduce(columns[i].title.displayWidth) { max($0, i < $1.count ? $1[i].clean.displayWidth : 0) }
        }
        if let width {
            // Too wide for the terminal: the flexible columns give way first (down to 8 cells),
            // then the last one; cut cells end in "…". Piped (no width), nothing is cut.
            let order = columns.indices.filter { columns[$0].flexible } + [columns.count - 1]
            for i in order {
                let total = widths.reduce(0, +) + 2 * (columns.count - 1)
                guard total > width else { break }
                widths[i] = max(min(widths[i], 8), widths[i] - (total - width))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for i in columns.indices {
                let cell = i < cells.count ? cells[i].clean : ""
                let last = i == columns.count - 1
                if last && !columns[i].alignRight {
                    parts.append(cell.truncated(to: widths[i]))
                } else {
                    parts.append(cell.padded(to: widths[i], alignRight: columns[i].alignRight))
                }
            }
            return parts.joined(separator: "  ")
        }
        return ([line(columns.map(\.title))] + rows.map(line)).joined(separator: "\n")
    }
}
