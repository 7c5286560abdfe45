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
    func detailRows(count: Int) -> Int { ScrollingText.visibleRows(count: count, area: content.rows(from: 1, count: content.height - 1)) }
}
