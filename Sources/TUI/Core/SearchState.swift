import Foundation
import Model
import Presentation

/// A search as you type across countries, milestones, policies, projects, events and notes.
struct SearchState: Equatable, Sendable {
    struct Match: Equatable, Sendable {
        enum Target: Equatable, Sendable {
            case country(String)
            case milestone(String)
            case event(String)
        }
        var label: String
        var target: Target
    }

    var field = TextField(label: "/")
    /// True while the query is being typed; false once Enter kept it for n/N.
    var editing = true
    var matches: [Match] = []
    var index = 0

    var query: String { field.text }

}
