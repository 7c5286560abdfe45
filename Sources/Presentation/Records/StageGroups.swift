import Model

/// A country's milestones by the phase of the NUP process they belong to, as soon as one of them
/// has one (a template applied): the five phases in their order, then those without; one group
/// without a title otherwise. The one grouping of the country's page and of the reports.
public enum StageGroups {
    public static func group<T>(_ items: [T], stage: (T) -> String?) -> [(title: String?, items: [T])] {
        guard items.contains(where: { stage($0) != nil }) else { return [(nil, items)] }
        var groups: [(title: String?, items: [T])] = NUPStage.allCases.compactMap { s in
            let inStage = items.filter { stage($0) == s.rawValue }
            return inStage.isEmpty ? nil : (s.text.prefix(1).uppercased() + s.text.dropFirst(), inStage)
        }
        let known = Set(NUPStage.allCases.map(\.rawValue))
        let other = items.filter { stage($0).map { !known.contains($0) } ?? true }
        if !other.isEmpty { groups.append((L("Not of a phase"), other)) }
        return groups
    }
}
