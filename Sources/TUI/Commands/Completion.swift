import ArgumentParser
import Foundation
import Model

/// Shell completion of the record's own names: milestone and country ids from the store the
/// command line names (--store), else the usual one. Never creates a store, never prints an error.
enum Completion {
    /// The milestones a command can act on, whatever the case typed: `untick` offers the ticked
    /// ones, `tick` and the others every one.
    @Sendable static func milestoneIDs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        let untick = words.contains("untick")
        return matching(programme(words)?.milestoneEntries.filter { !untick || $0.milestone.done }.map(\.milestone.id) ?? [], prefix)
    }

    /// `show` takes a country or the programme itself.
    @Sendable static func countryIDs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let programme = programme(words) else { return [] }
        return matching(programme.countries.map(\.id) + ["programme"], prefix)
    }

    /// `--country` takes a country.
    @Sendable static func countriesOnly(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        matching(programme(words)?.countries.map(\.id) ?? [], prefix)
    }

    /// Every indicator, as its id (COUNTRY/ID when two countries share one).
    @Sendable static func indicators(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let programme = programme(words) else { return [] }
        let refs = programme.refs(of: .indicator)
        return matching(refs.map { ref in refs.filter { $0.id == ref.id }.count > 1 ? (ref.country ?? "") + "/" + ref.id : ref.id }, prefix)
    }

    /// Every record `set` and `remove` take: countries by their id, the others by their id, as
    /// COUNTRY/ID and as KIND:ID.
    @Sendable static func records(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let programme = programme(words) else { return [] }
        var names = programme.countries.map(\.id)
        for kind in RecordKind.allCases where kind != .country {
            for ref in programme.refs(of: kind) {
                let owned = (ref.country.map { "\($0)/" } ?? "") + ref.id
                names += [ref.id, "\(kind.rawValue):" + owned] + (ref.country == nil ? [] : [owned])
            }
        }
        var seen = Set<String>()
        return matching(names.filter { seen.insert($0).inserted }, prefix)
    }

    /// The names that begin with what was typed, whatever its case, each written with the typed
    /// start ("moz" → "moz", "nga-b" → "nga-bi-water-…"): the shell keeps only words that begin
    /// with what was typed, and knupp reads a name in any case.
    static func matching(_ names: [String], _ prefix: String) -> [String] {
        let folded = prefix.lowercased()
        return names.compactMap { name in
            guard name.lowercased().hasPrefix(folded) else { return nil }
            return name.hasPrefix(prefix) || prefix.isEmpty ? name : prefix + String(name.dropFirst(prefix.count))
        }
    }

    private static func programme(_ words: [String]) -> Programme? {
        let environment = ProcessInfo.processInfo.environment
        var explicit: String?
        for (i, word) in words.enumerated() {
            if word == "--store", i + 1 < words.count { explicit = words[i + 1] }
            if word.hasPrefix("--store=") { explicit = String(word.dropFirst("--store=".count)) }
        }
        let settings = try? Settings.load(path: Settings.defaultPath(environment))
        let path = StoreLocation.resolve(explicit: explicit ?? (environment["KNUPP_STORE"] == nil ? settings?["store"] : nil),
                                         environment: environment)
        // Opened as every command opens it: a store read before is not checked again on each Tab.
        return try? ProgrammeStore.open(path: path, mode: .readOnly, officer: "completion",
                                        verified: VerifiedStores.standard(environment)).programme
    }
}
