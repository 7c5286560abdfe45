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
        return programme(words)?.milestoneEntries.filter { !untick || $0.milestone.done }.map(\.milestone.id)
            .filter { $0.lowercased().hasPrefix(prefix.lowercased()) } ?? []
    }

    /// `show` takes a country or the programme itself.
    @Sendable static func countryIDs(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let programme = programme(words) else { return [] }
        return (programme.countries.map(\.id) + ["programme"]).filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
    }

    /// `--country` takes a country.
    @Sendable static func countriesOnly(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        programme(words)?.countries.map(\.id).filter { $0.lowercased().hasPrefix(prefix.lowercased()) } ?? []
    }

    /// Every indicator, as its id (COUNTRY/ID when two countries share one).
    @Sendable static func indicators(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let programme = programme(words) else { return [] }
        let refs = programme.refs(of: .indicator)
        return refs.map { ref in refs.filter { $0.id == ref.id }.count > 1 ? (ref.country ?? "") + "/" + ref.id : ref.id }
            .filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
    }

    /// Every record `set` and `remove` take: countries by their id, the others as KIND:ID.
    @Sendable static func records(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let programme = programme(words) else { return [] }
        var names = programme.countries.map(\.id)
        for kind in RecordKind.allCases where kind != .country {
            names += programme.refs(of: kind).map { "\(kind.rawValue):" + ($0.country.map { "\($0)/" } ?? "") + $0.id }
        }
        return names.filter { $0.lowercased().hasPrefix(prefix.lowercased()) }
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
