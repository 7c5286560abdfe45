import CSystem
import Foundation
import Model
import Presentation

/// Every searchable text of the programme folded once (case and diacritics), so that a
/// keystroke is a plain substring scan of bytes (`memmem` over the folded UTF-8) rather than a
/// locale-aware search of every field. Built when a search starts; dropped when the programme
/// changes.
struct SearchIndex: Sendable {
    private struct Entry: Sendable {
        var haystack: [UInt8]
        var match: SearchState.Match
    }

    /// A folded query's UTF-8, searched for as it is.
    struct Needle: Sendable {
        fileprivate let bytes: [UInt8]
    }

    /// The texts before the milestones' (the countries') and after them (the rest), in reading order.
    private var before: [Entry] = []
    private var after: [Entry] = []
    /// Each milestone's text and match, in the record's order (`Programme.milestoneEntries`):
    /// scanned once a keystroke for both the matches and the Milestones panel's rows.
    private var milestones: [[UInt8]] = []
    private var milestoneMatches: [SearchState.Match] = []

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// The texts, joined by a separator no query contains, folded.
    private static func haystack(_ texts: [String?]) -> [UInt8] {
        Array(fold(texts.compactMap { $0 }.joined(separator: "\u{1}")).utf8)
    }

    private static func contains(_ haystack: [UInt8], _ needle: Needle) -> Bool {
        haystack.withUnsafeBytes { h in
            needle.bytes.withUnsafeBytes { n in knupp_contains(h.baseAddress, h.count, n.baseAddress, n.count) != 0 }
        }
    }

    init(programme: Programme) {
        for c in programme.countries {
            before.append(Entry(haystack: SearchIndex.haystack([c.name, c.id, c.officialName, c.scope.subdivision]),
                                 match: .init(label: L("Country") + " \(c.name)", target: .country(c.id))))
            for p in c.policies {
                before.append(Entry(haystack: SearchIndex.haystack([p.title, p.note]),
                                     match: .init(label: L("Policy") + " “\(p.title)” (\(c.name))", target: .country(c.id))))
            }
            for p in c.projects {
                before.append(Entry(haystack: SearchIndex.haystack([p.title, p.note]),
                                     match: .init(label: L("Project") + " “\(p.title)” (\(c.name))", target: .country(c.id))))
            }
            before.append(Entry(haystack: SearchIndex.haystack([c.notes] + c.funding),
                                 match: .init(label: L("Notes of %@", c.name), target: .country(c.id))))
        }
        let milestoneWord = L("Milestone") // looked up once, not once a milestone (900,000 in a large store)
        for entry in programme.milestoneEntries {
            let m = entry.milestone
            let text = SearchIndex.haystack([m.title, m.note, m.id, m.evidence] + (m.notes.isEmpty ? [] : m.notes.map(\.text)))
            milestones.append(text)
            milestoneMatches.append(.init(label: milestoneWord + " “\(m.title)” (\(programme.ownerText(entry.owner)))", target: .milestone(m.id)))
        }
        after.append(Entry(haystack: SearchIndex.haystack([programme.name, programme.shortName, programme.summary]
                                                              + programme.goals.flatMap { [$0.title, $0.detail] }),
                             match: .init(label: L("The programme"), target: .overview(programme.name))))
        for partner in programme.partners {
            after.append(Entry(haystack: SearchIndex.haystack([partner.name]), match: .init(label: L("Partner") + " \(partner.name)", target: .overview("Partners:"))))
        }
        for phase in programme.phases {
            after.append(Entry(haystack: SearchIndex.haystack([phase.title, phase.launchNote, "Phase \(phase.number)"]),
                                 match: .init(label: L("Phase %@", "\(phase.number)") + ": \(phase.title)", target: .overview(L("Phase %@", "\(phase.number)").padded(to: 9)))))
        }
        for publication in programme.publications {
            after.append(Entry(haystack: SearchIndex.haystack([publication.title, publication.summary]),
                                 match: .init(label: L("Publication") + " “\(publication.title ?? String(publication.summary.prefix(40)))”",
                                              target: .overview(OverviewContent.publicationsHeading))))
        }
        for contact in programme.contacts {
            after.append(Entry(haystack: SearchIndex.haystack([contact.name, contact.title, contact.unit]),
                                 match: .init(label: L("Contact") + " \(contact.name)", target: .overview(OverviewContent.contactsHeading))))
        }
        for prospect in programme.prospectiveCountries {
            after.append(Entry(haystack: SearchIndex.haystack([prospect.name, prospect.note]),
                                 match: .init(label: L("Interested:") + " \(prospect.name)", target: .overview(OverviewContent.prospectsHeading))))
        }
        for event in programme.events {
            after.append(Entry(haystack: SearchIndex.haystack([event.title, event.summary]),
                                 match: .init(label: L("Event %@:", "\(event.date)") + " “\(event.title)”", target: .event(event.id))))
        }
    }

    /// The query folded as the texts are; nil for an empty one (which every text matches).
    static func needle(_ query: String) -> Needle? {
        let q = query.trimmingCharacters(in: .whitespaces)
        return q.isEmpty ? nil : Needle(bytes: Array(fold(q).utf8))
    }

    /// What a query finds: every match in reading order, and for each milestone in the record's
    /// order whether it is one (the Milestones panel's rows), from one scan of the texts.
    struct Found: Equatable, Sendable {
        var matches: [SearchState.Match] = []
        var milestoneHits: [Bool] = []
    }

    func search(_ needle: Needle) -> Found {
        var found = Found()
        for entry in before where SearchIndex.contains(entry.haystack, needle) { found.matches.append(entry.match) }
        found.milestoneHits = milestones.map { SearchIndex.contains($0, needle) }
        for (place, hit) in found.milestoneHits.enumerated() where hit { found.matches.append(milestoneMatches[place]) }
        for entry in after where SearchIndex.contains(entry.haystack, needle) { found.matches.append(entry.match) }
        return found
    }

    /// Every match of `query`, in reading order; case- and diacritic-insensitive.
    func matches(of query: String) -> [SearchState.Match] {
        guard let needle = SearchIndex.needle(query) else { return [] }
        return search(needle).matches
    }

    /// For each milestone in the record's order, whether its title, note, id or evidence
    /// contains the needle: one pass, no lookup by id.
    func milestoneHits(_ needle: Needle) -> [Bool] {
        milestones.map { SearchIndex.contains($0, needle) }
    }
}
