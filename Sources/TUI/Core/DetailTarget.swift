/// What a line of the country detail stands for, when the officer can act on it: the detail's
/// cursor selects one of these (a record), never a line of text.
enum DetailTarget: Hashable, Sendable {
    case milestone(String)
    case notes
}
