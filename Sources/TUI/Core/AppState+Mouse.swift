import Foundation
import Model
import Presentation

/// Clicks and double clicks, mapped onto the panels as they are laid out.
extension AppState {
    mutating func click(x: Int, y: Int, double: Bool, now: Date) -> [Effect] {
        let layout = Layout(width: width, height: height)
        if helpScroll != nil || form != nil || confirmation != nil || layout.isTooSmall { return [] }
        if y == layout.tabRow {
            if let panel = TabLayout.tabs(self).first(where: { $0.range.contains(x) })?.panel { self.panel = panel; detail = nil }
            return []
        }
        guard layout.content.contains(x: x, y: y) else { return [] }
        if let detail {
            selectDetailLine(detail.scroll + (y - layout.content.y - 1))
            return double ? reduce(.toggleMilestone, now: now) : []
        }
        let row = y - layout.content.y - 1
        switch panel {
        case .countries:
            let index = countryCursor.scroll + row
            guard row >= 0, index < countryRows.count, countryRows[index].isSelectable else { return [] }
            countryCursor.index = index
            if double { openSelection() }
        case .milestones:
            let index = milestoneCursor.scroll + row
            guard row >= 0, index < milestoneRows.count, milestoneRows[index].isSelectable else { return [] }
            milestoneCursor.index = index
            if double { openSelection() }
        case .activity:
            let index = activityCursor.scroll + row
            guard row >= 0, index < activity.count else { return [] }
            activityCursor.index = index
            if double { openSelection() }
        case .indicators:
            let index = indicatorCursor.scroll + row
            guard row >= 0, index < indicatorRows.count else { return [] }
            indicatorCursor.index = index
            if double { openSelection() }
        case .overview, .timeline:
            break
        }
        return []
    }
}
