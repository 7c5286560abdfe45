/// A dated entry in a milestone's log: a note, or evidence that it was achieved (a link, a
/// document reference), with who wrote it and when. The log only grows: an "as of" report shows
/// the entries written by its day. The milestone's older single `note` and `evidence`, which the
/// record does not date, stay beside it and are shown as undated.
public struct MilestoneNote: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable { case note, evidence }

    public var text: String
    public var kind: Kind
    /// The officer who wrote it.
    public var by: String
    /// The moment it was written (ISO 8601, as `Milestone.doneAt`).
    public var at: String

    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(text: String, kind: Kind = .note, by: String, at: String) {
        self.text = text; self.kind = kind; self.by = by; self.at = at
    }
}
