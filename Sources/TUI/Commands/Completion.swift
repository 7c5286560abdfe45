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
                // The id alone once the start typed is one; KIND:ID when the kind is being typed.
                names += prefix.contains(":") ? ["\(kind.rawValue):" + (ref.country.map { "\($0)/" } ?? "") + ref.id] : [ref.id]
            }
        }
        return matching(names, prefix)
    }

    /// The names that begin with what was typed, whatever its case, each once: written as the
    /// record has it when that begins with what was typed, else in the case typed ("moz" → "moz",
    /// "MOZ-N" → "MOZ-NUP"): the shell keeps only words that begin with what was typed, and knupp
    /// reads a name in any case.
    static func matching(_ names: [String], _ prefix: String) -> [String] {
        let folded = prefix.lowercased()
        var seen = Set<String>()
        return names.compactMap { name in
            guard name.lowercased().hasPrefix(folded) else { return nil }
            let shown = name.hasPrefix(prefix) || prefix.isEmpty ? name
                : (prefix == prefix.lowercased() ? name.lowercased() : (prefix == prefix.uppercased() ? name.uppercased() : prefix + String(name.dropFirst(prefix.count))))
            return seen.insert(shown.lowercased()).inserted ? shown : nil
        }
    }

    private static func programme(_ words: [String]) -> Programme? {
        let environment = ProcessInfo.processInfo.environment
        var explicit: String?
        for (i, word) in words.enumerated() {
            if word == "--store", i + 1 < words.count { explicit = words[i + 1] }
            if word.hasPrefix("--store=") { explicit = String(word.dropFirst("--store=".count)) }
        }
        // The shell hands the words over as typed: `~` and `$HOME` (or ${HOME}) are not expanded yet.
        explicit = explicit.map { Completion.expanded($0, environment) }
        let settings = try? Settings.load(path: Settings.defaultPath(environment))
        let path = StoreLocation.resolve(explicit: explicit ?? (environment["KNUPP_STORE"] == nil ? settings?["store"] : nil),
                                         environment: environment)
        // Opened as every command opens it: a store read before is not checked again on each Tab.
        return try? ProgrammeStore.open(path: path, mode: .readOnly, officer: "completion",
                                        verified: VerifiedStores.standard(environment)).programme
    }

    /// A path as the shell would expand it: `~/…`, `$NAME` and `${NAME}` from the environment.
    static func expanded(_ path: String, _ environment: [String: String]) -> String {
        var text = path
        if text == "~" || text.hasPrefix("~/"), let home = environment["HOME"] { text = home + text.dropFirst() }
        var out = "", i = text.startIndex
        while i < text.endIndex {
            guard text[i] == "$" else { out.append(text[i]); i = text.index(after: i); continue }
            var j = text.index(after: i)
            let braced = j < text.endIndex && text[j] == "{"
            if braced { j = text.index(after: j) }
            let start = j
            while j < text.endIndex, text[j].isLetter || text[j].isNumber || text[j] == "_" { j = text.index(after: j) }
            let name = String(text[start..<j])
            if braced, j < text.endIndex, text[j] == "}" { j = text.index(after: j) }
            out += name.isEmpty ? "$" : (environment[name] ?? "")
            i = name.isEmpty ? text.index(after: i) : j
        }
        return out
    }
}
