import Foundation
import Model

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

    /// Every match of `query` in the programme, in reading order; case- and diacritic-insensitive.
    static func matches(of query: String, in programme: Programme) -> [Match] {
        let q = query.trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return [] }
        func hit(_ text: String?) -> Bool {
            guard let text else { return false }
            return text.range(of: q, options: [.caseInsensitive, .diacriticInsensitive]) != nil
        }
        var found: [Match] = []
        for c in programme.countries {
            if hit(c.name) || hit(c.id) || hit(c.officialName) || hit(c.scope.subdivision) {
                found.append(Match(label: "Country \(c.name)", target: .country(c.id)))
            }
            for p in c.policies where hit(p.title) || hit(p.note) {
                found.append(Match(label: "Policy “\(p.title)” (\(c.name))", target: .country(c.id)))
            }
            for p in c.projects where hit(p.title) || hit(p.note) {
                found.append(Match(label: "Project “\(p.title)” (\(c.name))", target: .country(c.id)))
            }
            if hit(c.notes) || c.funding.contains(where: hit) {
                found.append(Match(label: "Notes of \(c.name)", target: .country(c.id)))
            }
        }
        for entry in programme.milestoneEntries where hit(entry.milestone.title) || hit(entry.milestone.note)
            || hit(entry.milestone.id) || hit(entry.milestone.evidence) {
            found.append(Match(label: "Milestone “\(entry.milestone.title)” (\(programme.ownerName(entry.owner)))",
                               target: .milestone(entry.milestone.id)))
        }
        for event in programme.events where hit(event.title) || hit(event.summary) {
            found.append(Match(label: "Event \(event.date) “\(event.title)”", target: .event(event.id)))
        }
        return found
    }
}
