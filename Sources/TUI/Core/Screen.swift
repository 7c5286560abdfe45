import Foundation
import Presentation
/// The in-memory frame that screens render into: a grid of styled cells.
///
/// A wide character fills its cell and marks the next one as its continuation, so columns
/// stay aligned; the terminal copies the frame to ncurses once per change.
struct Screen: Sendable {
    struct Cell: Hashable, Sendable {
        /// One grapheme cluster; empty for the right half of a wide one.
        var text: String
        var style: Style

        static let blank = Cell(text: " ", style: .plain)
    }

    let width: Int
    let height: Int
    private(set) var cells: [Cell]
    /// Where to leave the terminal's cursor (in a text field); nil hides it.
    var cursor: (x: Int, y: Int)?

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` from (x, y), at most `limit` cells (and never past the right edge);
    /// returns the cells used. Control characters are drawn as visible placeholders.
    @discardableResult
    mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let end = min(width, limit.map { x + max(0, $0) } ?? width)
        var column = x
        let ascii = Glyphs.ascii
        for drawn in text.clean {
            let character = Glyphs.drawn(drawn, ascii: ascii)
            let w = DisplayWidth.of(character)
            if w == 0 {
                // A mark with nothing before it on this line has nothing to attach to.
                if column > x, column - 1 < width, column - 1 >= 0 {
                    cells[y * width + column - 1].text.append(character)
                }
                continue
            }
            if column + w > end { break }
            if column >= 0 {
                clearWide(at: column, y: y)
                cells[y * width + column] = Cell(text: String(character), style: style)
                if w == 2 {
                    clearWide(at: column + 1, y: y)
                    cells[y * width + column + 1] = Cell(text: "", style: style)
                }
            }
            column += w
        }
        return column - x
    }

    /// Overwriting half of a wide character blanks its other half.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let i = y * width + x
        if cells[i].text.isEmpty, x > 0 {
            cells[i - 1] = Cell(text: " ", style: cells[i - 1].style)
        } else if x + 1 < width, cells[i + 1].text.isEmpty, cells[i].text.displayWidth == 2 {
            cells[i + 1] = Cell(text: " ", style: cells[i + 1].style)
        }
    }

    /// Fills a rectangle with spaces in `style`.
    mutating func fill(_ rect: Rect, style: Style = .plain) {
        for row in Screen.span(rect.y, rect.maxY, limit: height) {
            // A wide character half inside the rectangle goes whole: its other half, outside, is
            // blanked too (else a box drawn over the right half of 기 leaves its left half standing,
            // and once the box closes the terminal is never told to draw 기 again).
            let columns = Screen.span(rect.x, rect.maxX, limit: width)
            if let first = columns.first, let last = columns.last {
                clearWide(at: first, y: row)
                clearWide(at: last, y: row)
            }
            for column in columns {
                cells[row * width + column] = Cell(text: " ", style: style)
            }
        }
    }

    /// Applies `style` to a row's cells without changing the text (selection bars).
    mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        for row in Screen.span(rect.y, rect.maxY, limit: height) {
            for column in Screen.span(rect.x, rect.maxX, limit: width) {
                change(&cells[row * width + column].style)
            }
        }
    }

    /// `from..<to` clipped to `0..<limit`; empty (never a trap) when nothing is left.
    private static func span(_ from: Int, _ to: Int, limit: Int) -> Range<Int> {
        let lower = max(0, from), upper = min(limit, to)
        return lower < upper ? lower..<upper : 0..<0
    }

    /// Underlines (and emboldens) every place in `rect` where `query` stands, ignoring case and
    /// diacritics: search matches shown where they are, in lists and in the detail.
    mutating func highlight(_ query: String, in rect: Rect) {
        let needle = Array(query.trimmingCharacters(in: .whitespaces)).map { Screen.fold($0) }
        guard !needle.isEmpty else { return }
        for row in Screen.span(rect.y, rect.maxY, limit: height) {
            // The row's characters with their columns (the right half of a wide one has none).
            var columns: [Int] = []
            var text: [String] = []
            for column in Screen.span(rect.x, rect.maxX, limit: width) where !cells[row * width + column].text.isEmpty {
                columns.append(column)
                text.append(Screen.fold(Character(String(cells[row * width + column].text.prefix(1)))))
            }
            guard text.count >= needle.count else { continue }
            for start in 0...(text.count - needle.count) where (0..<needle.count).allSatisfy({ text[start + $0] == needle[$0] }) {
                for k in start..<(start + needle.count) {
                    cells[row * width + columns[k]].style.underline = true
                    cells[row * width + columns[k]].style.bold = true
                }
            }
        }
    }

    private static func fold(_ c: Character) -> String {
        c.isASCII ? c.lowercased() : String(c).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// A box border around `rect`, with a title in the top edge.
    mutating func box(_ rect: Rect, title: String = "", style: Style = .plain) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        fill(rect)
        put("┌" + String(repeating: "─", count: rect.width - 2) + "┐", x: rect.x, y: rect.y, style: style)
        for row in rect.y + 1..<rect.maxY - 1 {
            put("│", x: rect.x, y: row, style: style)
            put("│", x: rect.maxX - 1, y: row, style: style)
        }
        put("└" + String(repeating: "─", count: rect.width - 2) + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        if !title.isEmpty { put(" \(title) ", x: rect.x + 2, y: rect.y, style: .bold, limit: rect.width - 4) }
    }

    /// The frame as text, one line per row, trailing spaces removed (for snapshots and tests).
    var text: String {
        (0..<height).map { row in
            var line = ""
            for column in 0..<width { line += cells[row * width + column].text }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n")
    }
}
