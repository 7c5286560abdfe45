import Foundation
import Model
import Presentation

/// Where things go on the screen; the one place that knows the frame's rows.
struct Layout: Equatable {
    static let minimumWidth = 60
    static let minimumHeight = 16

    var width: Int
    var height: Int

    var isTooSmall: Bool { width < Layout.minimumWidth || height < Layout.minimumHeight }
    var titleRow: Int { 0 }
    var tabRow: Int { 1 }
    var statusRow: Int { height - 2 }
    var keysRow: Int { height - 1 }
    /// The panel's area, between the tabs and the status line.
    var content: Rect { Rect(x: 0, y: 2, width: width, height: max(0, height - 4)) }
    /// Rows for a list under a one-line column header.
    var listRows: Int { max(1, content.height - 1) }
    /// Rows for the country detail's `count` lines under its header.
    func detailRows(count: Int) -> Int { Layout.scrollRows(count: count, area: content.rows(from: 1, count: content.height - 1)) }
    /// Rows for the Overview's `count` lines.
    func overviewRows(count: Int) -> Int { Layout.scrollRows(count: count, area: content) }

    /// Rows for `count` lines in an area that scrolls: when they do not fit, the last row says where you are.
    static func scrollRows(count: Int, area: Rect) -> Int {
        count > area.height ? max(1, area.height - 1) : area.height
    }

    /// The help overlay's box, and the rows inside it.
    var helpBox: Rect {
        let w = min(width - 4, 72), h = content.height
        return Rect(x: (width - w) / 2, y: content.y, width: w, height: h)
    }

    var helpRows: Int { max(1, helpBox.height - 2) }
}
