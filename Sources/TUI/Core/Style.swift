import Presentation
/// How a cell is drawn. Colour is an extra: every meaning also shows without it.
struct Style: Hashable, Sendable {
    enum Color: Int, Sendable { case none = 0, red, green, yellow, blue, magenta, cyan }

    var color: Color = .none
    var bold = false
    var reverse = false
    var dim = false
    var underline = false

    static let plain = Style()
    static let bold = Style(bold: true)
    static let selected = Style(reverse: true)
    static let dim = Style(dim: true)
    static let title = Style(color: .cyan, bold: true)
    static let done = Style(color: .green)
    static let overdue = Style(color: .red, bold: true)
    static let warning = Style(color: .yellow, bold: true)
    static let error = Style(color: .red, bold: true)
    static let accent = Style(color: .blue, bold: true)
    static let event = Style(color: .magenta, bold: true)
}
