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
    /// The cells row after row, `columns.count` to a row (a short last row is filled with "").
    public var cells: [String]

    public init(columns: [Column], rows: [[String]]) {
        self.columns = columns
        cells = rows.flatMap { row in columns.indices.map { $0 < row.count ? row[$0] : "" } }
    }

    /// A table from its cells given row after row: no list per row (a listing of 20,000 milestones).
    public init(columns: [Column], cells: [String]) {
        self.columns = columns
        self.cells = cells
        let count = max(columns.count, 1)
        if cells.count % count != 0 { self.cells += Array(repeating: "", count: count - cells.count % count) }
    }

    public func render(width: Int?) -> String {
        String(decoding: renderedBytes(width: width), as: UTF8.self)
    }

    /// The table as UTF-8, lines joined by newlines (no final one): what `render` gives, built as
    /// bytes because a listing of 20,000 milestones is mostly this.
    public func renderedBytes(width: Int?) -> [UInt8] {
        // Each cell is sanitised and measured once, the titles first. Printable ASCII, most of a
        // record, needs neither: its width is its length.
        let count = columns.count
        guard count > 0 else { return [] }
        var cells = self.cells
        var cellWidths = [Int](repeating: 0, count: cells.count)
        var widths = [Int](repeating: 0, count: count)
        func measure(_ text: String) -> (String, Int) {
            if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return (text, text.utf8.count) }
            let cleaned = text.clean
            return (cleaned, cleaned.displayWidth)
        }
        let titles = columns.map { measure($0.title) }
        for (i, title) in titles.enumerated() { widths[i] = title.1 }
        for k in cells.indices {
            let (cleaned, w) = measure(cells[k])
            if cleaned != cells[k] { cells[k] = cleaned }
            cellWidths[k] = w
            if w > widths[k % count] { widths[k % count] = w }
        }
        let rowCount = cells.count / count + 1
        if let width {
            // Too wide for the terminal: the flexible columns give way in their order, each down
            // to its minimum; cut cells end in "…". Piped (no width), nothing is cut.
            let order = columns.indices.filter { columns[$0].flexible }.sorted { columns[$0].yieldOrder < columns[$1].yieldOrder }
            for i in order {
                let total = widths.reduce(0, +) + 2 * (count - 1)
                guard total > width else { break }
                widths[i] = max(min(widths[i], columns[i].minimum), widths[i] - (total - width))
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(rowCount * (widths.reduce(0, +) + 2 * count + 1) + cells.count)
        func spaces(_ n: Int) { for _ in 0..<max(n, 0) { out.append(0x20) } }
        for r in 0..<rowCount {
            if r > 0 { out.append(0x0A) }
            for i in 0..<count {
                // Row 0 is the titles.
                let (cell, w) = r == 0 ? titles[i] : (cells[(r - 1) * count + i], cellWidths[(r - 1) * count + i])
                let target = widths[i]
                let last = i == count - 1, right = columns[i].alignRight
                if w > target {
                    out.append(contentsOf: (last && !right ? cell.truncated(to: target) : cell.padded(to: target, alignRight: right)).utf8)
                } else if last && !right {
                    out.append(contentsOf: cell.utf8)
                } else if right {
                    spaces(target - w); out.append(contentsOf: cell.utf8)
                } else {
                    out.append(contentsOf: cell.utf8); spaces(target - w)
                }
                if !last { out.append(0x20); out.append(0x20) }
            }
        }
        return out
    }
}
