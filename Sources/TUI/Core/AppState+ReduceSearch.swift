import Foundation
import Model
import Presentation

extension AppState {
    /// Searching everything the record holds.
    mutating func reduceSearch(_ action: Action, now: Date) -> [Effect] {
        switch action {
        case .startSearch:
            beginSearch()
            rebuildLists()
        case .nextMatch, .previousMatch:
            guard var search, !search.matches.isEmpty else {
                message = Message(text: "No search: press / to search.", kind: .warning)
                return []
            }
            search.index = (search.index + (action == .nextMatch ? 1 : search.matches.count - 1)) % search.matches.count
            self.search = search
            jumpToMatch()
        default:
            break
        }
        return []
    }
}
