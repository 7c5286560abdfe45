import Model
/// A plain-text table whose columns line up by display width.
///
/// Fits a terminal by cutting the flexible column; piped, it prints everything.
public struct TextTable {
    public struct Column: Sendable {
        public var title: String
        public var alignRight = false
        /// This column gives way when the table is too wide (down to `minimum` cells).
        public var flexible = false
        public var minimum: Int
        /// Which flexible column gives way first (lower first).
        public var yieldOrder: Int

        public init(title: String, alignRight: Bool = false, flexible: Bool = false, minimum: Int = 8, yieldOrder: Int = 0) {
            self.title = title; self.alignRight = alignRight; self.flexible = flexible
            self.minimum = minimum; self.yieldOrder = yieldOrder
        }
    }

    public var columns: [Column]
    public var rows: [[String]]

    public init(columns: [Column], rows: [[String]]) { self.columns = columns; self.rows = rows }

    public func render(width: Int?) -> String {
        // Each cell is sanitised and measured once: a large table is mostly this.
        let titles = columns.map(\.title)
        let cells = [titles] + rows.map { row in columns.indices.map { $0 < row.count ? row[$0].clean : "" } }
        let cellWidths = cells.map { $0.map(\.displayWidth) }
        var widths = columns.indices.map { i in cellWidths.reduce(0) { max($0, $1[i]) } }
        if let width {
            // Too wide for the terminal: the flexible columns give way in their order, each down
            // to its minimum; cut cells end in "…". Piped (no width), nothing is cut.
            let order = columns.indices.filter { columns[$0].flexible }.sorted { columns[$0].yieldOrder < columns[$1].yieldOrder }
            for i in order {
                let total = widths.reduce(0, +) + 2 * (columns.count - 1)
                guard total > width else { break }
                widths[i] = max(min(widths[i], columns[i].minimum), widths[i] - (total - width))
            }
        }
        let pads = (0...(widths.max() ?? 0)).map { String(repeating: " ", count: $0) }
        var out = ""
        for (r, row) in cells.enumerated() {
            if r > 0 { out += "\n" }
            for i in columns.indices {
                let cell = row[i], w = cellWidths[r][i], target = widths[i]
                let last = i == columns.count - 1
                if w > target {
                    out += last && !columns[i].alignRight ? cell.truncated(to: target) : cell.padded(to: target, alignRight: columns[i].alignRight)
                } else if last && !columns[i].alignRight {
                    out += cell
                } else if columns[i].alignRight {
                    out += pads[target - w] + cell
                } else {
                    out += cell + pads[target - w]
                }
                if !last { out += "  " }
            }
        }
        return out
    }
}
