import Foundation
import Model
import Presentation

/// A search as you type across everything the record holds: countries, milestones, policies,
/// projects, events, notes, phases, publications, contacts, partners and prospective countries.
struct SearchState: Equatable, Sendable {
    struct Match: Equatable, Sendable {
        enum Target: Equatable, Sendable {
            case country(String)
            case milestone(String)
            case event(String)
            /// A line of the Overview that starts with this text (publications, contacts, phases).
            case overview(String)
        }
        var label: String
        var target: Target
    }

    var field = TextField(label: "/")
    /// True while the query is being typed; false once Enter kept it for n/N.
    var editing = true
    var matches: [Match] = []
    var index = 0
    /// For each milestone in the record's order, whether it matches `hitsQuery` (found in the
    /// same scan as `matches`, so a keystroke reads the texts once).
    var milestoneHits: [Bool] = []
    var hitsQuery: String?

    var query: String { field.text }

}
