/// A demonstration ("acupuncture") project and the people it reached.
public struct DemonstrationProject: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var peopleReached: Int?
    public var note: String?
    /// How the count of people reached grew, oldest first, each with its day: a report as of a
    /// day counts only what was reached by then.
    public var peopleReachedChanges: [FieldChange] = []

    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(id: String, title: String, peopleReached: Int? = nil, note: String? = nil) {
        self.id = id; self.title = title; self.peopleReached = peopleReached; self.note = note
    }
}
