import Foundation
import Model
import Presentation

/// Search as you type, and jumping to a match in its panel.
extension AppState {
    /// Ends the search: the milestones panel shows every milestone again, the cursor still on
    /// the one it was on (never on whatever row now stands at its old place: a Space there
    /// would tick a milestone the officer never chose).
    mutating func endSearch() {
        let selected = milestoneUnderCursor?.milestone.id
        search = nil
        message = nil
        rebuildLists()
        if let selected, let row = milestoneRow(of: selected) {
            milestoneCursor.index = row
            milestoneCursor.keepVisible(count: milestoneRows.count, visible: Layout(width: width, height: height).listRows)
        }
    }

    mutating func updateSearch() {
        guard search != nil else { return }
        findMatches()
        search?.index = 0
        rebuildMilestoneRows()
        // On the first milestone the search lists: the one its "1/…" counts from.
        if search?.query.trimmingCharacters(in: .whitespaces).isEmpty == false { placeMilestoneCursor(on: nil) }
    }

    /// The matches of the query as it stands, and the milestones among them, in one scan.
    mutating func findMatches() {
        guard let query = search?.query else { return }
        if let index = searchIndex, let needle = SearchIndex.needle(query) {
            let result = index.search(needle)
            search?.matches = result.matches
            search?.milestoneHits = result.milestoneHits
            search?.hitsQuery = query
        } else {
            search?.matches = []
            search?.milestoneHits = []
            search?.hitsQuery = nil
        }
    }

    /// Shows the current match in its panel.
    mutating func jumpToMatch() {
        guard let search, search.index < search.matches.count else { return }
        let match = search.matches[search.index]
        switch match.target {
        case .country(let id):
            openDetail(id)
            panel = .countries
            if let row = countryRows.firstIndex(of: .country(id)) { countryCursor.index = row }
        case .milestone(let id):
            detail = nil
            panel = .milestones
            if milestoneRow(of: id) == nil {
                statusFilter = .all
                rebuildLists()
            }
            if let row = milestoneRow(of: id) {
                milestoneCursor.index = row
                milestoneCursor.keepVisible(count: milestoneRows.count, visible: Layout(width: width, height: height).listRows)
            }
        case .overview(let heading):
            detail = nil
            panel = .overview
            if let line = overviewLines.firstIndex(where: { $0.text.hasPrefix(heading) || $0.text.hasPrefix("  " + heading) }) {
                let rows = Layout(width: width, height: height).overviewRows(count: overviewLines.count)
                overviewCursor.selection = nil
                overviewCursor.scroll = min(line, max(0, overviewLines.count - rows))
            }
        case .event(let id):
            detail = nil
            panel = .timeline
            let rows = derived.timelineRows
            if let r = rows.firstIndex(where: { $0.kind == .events }),
               let event = programme.events.first(where: { $0.id == id }),
               let i = rows[r].items.firstIndex(where: { $0.start == event.date.firstOrdinal && $0.label.contains(event.title) }) {
                timeline.row = r; timeline.item = i
                let layout = TimelineLayout(state: self)
                timeline.start = rows[r].items[i].start - layout.columns / 3 * layout.daysPerColumn
            }
        }
        message = Message(text: L("Match %@: %@  (n/N for more)", "\(search.index + 1)/\(search.matches.count)", match.label))
    }
}
