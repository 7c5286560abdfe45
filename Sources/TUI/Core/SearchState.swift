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

    static func hit(_ text: String?, _ query: String) -> Bool {
        guard let text else { return false }
        return text.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    /// Whether a milestone's title, id, note or evidence contains `query`.
    static func milestoneMatches(_ m: Milestone, query: String) -> Bool {
        let q = query.trimmingCharacters(in: .whitespaces)
        return hit(m.title, q) || hit(m.note, q) || hit(m.id, q) || hit(m.evidence, q)
    }

    /// Every match of `query` in the programme, in reading order; case- and diacritic-insensitive.
    static func matches(of query: String, in programme: Programme) -> [Match] {
        let q = query.trimmingCharacters(in: .whitespaces)
        guard !q.isEmpty else { return [] }
        func hit(_ text: String?) -> Bool { SearchState.hit(text, q) }
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
        for entry in programme.milestoneEntries where milestoneMatches(entry.milestone, query: q) {
            found.append(Match(label: "Milestone “\(entry.milestone.title)” (\(programme.ownerName(entry.owner)))",
                               target: .milestone(entry.milestone.id)))
        }
        for event in programme.events where hit(event.title) || hit(event.summary) {
            found.append(Match(label: "Event \(event.date) “\(event.title)”", target: .event(event.id)))
        }
        return found
    }
}
