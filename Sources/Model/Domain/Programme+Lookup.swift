import Foundation

extension Programme {
    /// A country by id or name, case-insensitive; a unique prefix of either is enough.
    public func findCountry(_ query: String) -> CountryLookup {
        let q = query.trimmingCharacters(in: .whitespaces).lowercased()
        guard !q.isEmpty else { return .notFound }
        if let exact = countries.first(where: { $0.id.lowercased() == q || $0.name.lowercased() == q }) {
            return .found(exact)
        }
        let matches = countries.filter {
            $0.id.lowercased().hasPrefix(q) || $0.name.lowercased().hasPrefix(q)
                || ($0.officialName?.lowercased().hasPrefix(q) ?? false)
                || ($0.scope.subdivision?.lowercased().hasPrefix(q) ?? false)
        }
        switch matches.count {
        case 0: return .notFound
        case 1: return .found(matches[0])
        default: return .ambiguous(matches)
        }
    }
}
