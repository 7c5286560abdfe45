import Presentation
/// What the terminal reports.
enum InputEvent: Equatable, Sendable {
    case key(Key)
    case click(x: Int, y: Int, double: Bool)
    case wheel(Int)
    case resize(width: Int, height: Int)
}
