/// Finding a milestone from what an officer types: its id, or a unique prefix of it.
public enum MilestoneLookup: Equatable, Sendable {
    case found(String)
    case ambiguous([String])
    /// None matched; the closest ids, nearest first (may be empty).
    case notFound(suggestions: [String])
}

extension Programme {
    public func findMilestone(_ query: String) -> MilestoneLookup {
        let ids = milestoneEntries.map(\.milestone.id)
        if ids.contains(query) { return .found(query) }
        let q = query.lowercased()
        if let exact = ids.first(where: { $0.lowercased() == q }) { return .found(exact) }
        let prefixed = ids.filter { $0.lowercased().hasPrefix(q) }
        if prefixed.count == 1 { return .found(prefixed[0]) }
        if prefixed.count > 1 { return .ambiguous(prefixed) }
        // Did you mean: ids within a few edits, or that contain what was typed.
        let limit = Swift.max(2, q.count / 3)
        var scored: [(id: String, distance: Int)] = []
        for id in ids {
            // Against the whole id, and against its start as long as what was typed ("irm" ~ "irn-…").
            let lower = id.lowercased()
            let d = Swift.min(Programme.distance(q, lower), Programme.distance(q, String(lower.prefix(q.count))) + 1)
            if d <= limit || id.lowercased().contains(q) { scored.append((id, d)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.id < $1.id }
        return .notFound(suggestions: scored.prefix(3).map { $0.id })
    }

    /// Levenshtein distance, for suggestions (ids and command names are short).
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
