import Presentation
/// A rectangle of cells on the screen.
struct Rect: Hashable, Sendable {
    var x: Int
    var y: Int
    var width: Int
    var height: Int

    var maxY: Int { y + height }
    var maxX: Int { x + width }

    /// The rows from `top`, `height` tall, clipped to this rectangle.
    func rows(from top: Int, count: Int) -> Rect {
        let start = min(max(top, 0), height)
        return Rect(x: x, y: y + start, width: width, height: max(0, min(count, height - start)))
    }

    func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }
}
