import Model
/// What a line of the country detail stands for, when the officer can act on it: the detail's
/// cursor selects one of these (a record), never a line of text.
enum DetailTarget: Hashable, Sendable {
    case milestone(String)
    case notes
    /// Any other record (a country's stage line, a policy, an event, a contact…): e edits it,
    /// d removes it, a adds another of its kind.
    case record(RecordRef)
    /// Where a kind has no record yet: a adds the first (for a policy or project, of `country`).
    case kind(RecordKind, country: String?)
}
