import Model
import Presentation

/// A line of text made of styled spans: what the content models in Core build and screens draw.
struct StyledLine: Equatable, Sendable {
    struct Span: Equatable, Sendable {
        var text: String
        var style: Style
    }

    var spans: [Span]
    /// What the line stands for, when the officer can act on it (select, tick, edit).
    var target: DetailTarget?

    init(_ text: String = "", style: Style = .plain, target: DetailTarget? = nil) {
        spans = text.isEmpty ? [] : [Span(text: text, style: style)]
        self.target = target
    }

    init(spans: [Span], target: DetailTarget? = nil) {
        self.spans = spans
        self.target = target
    }

    var text: String { spans.map(\.text).joined() }

    static func + (lhs: StyledLine, rhs: StyledLine) -> StyledLine {
        StyledLine(spans: lhs.spans + rhs.spans, target: lhs.target ?? rhs.target)
    }

    /// Draws the line at (x, y), cut at `width` cells; a cut line ends in "…".
    func draw(into screen: inout Screen, x: Int, y: Int, width: Int) {
        let cut = text.displayWidth > width && width > 1
        var column = x
        for span in spans {
            let room = x + width - column - (cut ? 1 : 0)
            guard room > 0 else { break }
            column += screen.put(span.text, x: column, y: y, style: span.style, limit: room)
        }
        if cut { screen.put("…", x: x + width - 1, y: y, style: spans.last?.style ?? .plain) }
    }

    /// Plain text wrapped into lines of `width` cells, each with `indent` before it after the first.
    static func wrapped(_ text: String, width: Int, style: Style = .plain, indent: String = "", firstIndent: String? = nil,
                        target: DetailTarget? = nil) -> [StyledLine] {
        let first = firstIndent ?? indent
        let room = max(1, width - max(first.displayWidth, indent.displayWidth))
        return text.clean.wrapped(to: room).enumerated().map { i, line in
            StyledLine((i == 0 ? first : indent) + line, style: style, target: target)
        }
    }
}
