import Foundation
import Presentation

/// The one list widget: rows under a one-line header, only the visible window drawn, the
/// selection as a reverse bar, and in the header's right corner where the list is: the group
/// the top row belongs to (its heading has scrolled away) and the position, "12/200".
struct ListView<Row> {
    var rows: [Row]
    var cursor: ListCursor
    /// The heading text of a row that heads a group, or nil for a row that can be selected.
    var heading: (Row) -> String?
    /// For long lists, made when the rows are: at each row, how many rows up to it (itself
    /// included) can be selected; the position is then read, not counted, at every frame.
    var ranks: [Int32]? = nil

    func render(header: String, note: String? = nil, into screen: inout Screen, area: Rect, empty: String,
                drawRow: (Row, _ y: Int, inout Screen) -> Void) {
        let visible = area.rows(from: 1, count: area.height - 1)
        for i in 0..<visible.height {
            let index = cursor.scroll + i
            guard index < rows.count else { break }
            let y = visible.y + i
            drawRow(rows[index], y, &screen)
            if index == cursor.index, heading(rows[index]) == nil {
                screen.restyle(Rect(x: area.x, y: y, width: area.width, height: 1)) { $0.reverse = true }
            }
        }
        if rows.isEmpty { screen.put(empty, x: area.x + 2, y: visible.y, style: .dim) }
        // The header (column titles) stays whole; the corner takes the room after it: the
        // position first, the group too when there is room for both.
        screen.put(header.truncated(to: area.width), x: area.x, y: area.y, style: .bold, limit: area.width)
        let free = area.width - header.displayWidth - 1
        let choices = [[note, stickyGroup, position], [stickyGroup, position], [position]].map {
            " " + $0.compactMap { $0 }.joined(separator: " · ") + " "
        }
        let corner = choices.first { $0.displayWidth <= free } ?? ""
        if corner.count > 2, corner.displayWidth <= free {
            screen.put(corner, x: area.maxX - corner.displayWidth, y: area.y, style: .dim)
        }
    }

    /// "12/200": the selected row among the rows that can be selected.
    var position: String? {
        if let ranks, ranks.count == rows.count {
            let count = Int(ranks.last ?? 0)
            guard count > 0 else { return nil }
            let before = cursor.index > 0 ? Int(ranks[min(cursor.index, ranks.count) - 1]) : 0
            return "\(min(before + 1, count))/\(count)"
        }
        var count = 0, at: Int?
        for index in rows.indices where heading(rows[index]) == nil {
            count += 1
            if at == nil, index >= cursor.index { at = count }
        }
        guard count > 0 else { return nil }
        return "\(at ?? count)/\(count)"
    }

    /// The group of the selected row, when its heading has scrolled out of view:
    /// "Phase 2 › Mozambique".
    var stickyGroup: String? {
        guard cursor.index < rows.count, cursor.index > 0 else { return nil }
        var found: [String] = []
        var indent = Int.max
        var headingInView = false
        for index in stride(from: cursor.index - 1, through: 0, by: -1) {
            guard let text = heading(rows[index]) else { continue }
            let depth = text.prefix { $0 == " " }.count
            guard depth < indent else { continue }
            if found.isEmpty { headingInView = index >= cursor.scroll }
            found.insert(text.trimmingCharacters(in: .whitespaces), at: 0)
            indent = depth
            if depth == 0 { break }
        }
        return found.isEmpty || headingInView ? nil : found.joined(separator: " › ")
    }
}
