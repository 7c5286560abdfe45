import Model
import Presentation

/// A line of text made of styled spans, for screens that build their content as lines.
struct StyledLine: Equatable, Sendable {
    struct Span: Equatable, Sendable {
        var text: String
        var style: Style
    }

    var spans: [Span]
    /// The milestone this line shows, so the cursor on it can tick it.
    var milestoneID: String?

    init(_ text: String = "", style: Style = .plain, milestoneID: String? = nil) {
        spans = text.isEmpty ? [] : [Span(text: text, style: style)]
        self.milestoneID = milestoneID
    }

    init(spans: [Span], milestoneID: String? = nil) {
        self.spans = spans
        self.milestoneID = milestoneID
    }

    var text: String { spans.map(\.text).joined() }

    static func + (lhs: StyledLine, rhs: StyledLine) -> StyledLine {
        StyledLine(spans: lhs.spans + rhs.spans, milestoneID: lhs.milestoneID ?? rhs.milestoneID)
    }

    /// Draws the line at (x, y), cut at `width` cells.
    func draw(into screen: inout Screen, x: Int, y: Int, width: Int) {
        var column = x
        for span in spans {
            let room = x + width - column
            guard room > 0 else { break }
            column += screen.put(span.text, x: column, y: y, style: span.style, limit: room)
        }
    }

    /// Plain text wrapped into lines of `width` cells, each with `indent` before it after the first.
    static func wrapped(_ text: String, width: Int, style: Style = .plain, indent: String = "", firstIndent: String? = nil) -> [StyledLine] {
        let first = firstIndent ?? indent
        let room = max(1, width - max(first.displayWidth, indent.displayWidth))
        return text.clean.wrapped(to: room).enumerated().map { i, line in
            StyledLine((i == 0 ? first : indent) + line, style: style)
        }
    }
}
